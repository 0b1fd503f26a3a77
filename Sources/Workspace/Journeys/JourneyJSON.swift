import JourneyModel
import Yams

/// A journey as JSON with the same keys as its YAML file: what the HTTP API sends and takes,
/// and what the plan's JSON columns hold.
public enum JourneyJSON {
    /// The journey's canonical form, built from the model: the same value as reading back
    /// `JourneyWriter.write(journey)`, key for key (a test holds the two together). Text that
    /// the writer prints plain — numbers, durations, names from a fixed set — is typed as a
    /// plain YAML scalar would be; text it prints through its quoting is always a string.
    public static func json(of journey: Journey) -> JSON {
        var fields: [String: JSON] = [
            "journey": .string(journey.id), "name": .string(journey.name),
            "entry": entry(journey.entry), "nodes": .array(journey.nodes.map(node)),
        ]
        if let description = journey.description { fields["description"] = .string(description) }
        if let goal = journey.goal {
            var goalFields = ["when": condition(goal.when)]
            if let name = goal.name { goalFields["name"] = .string(name) }
            fields["goal"] = .object(goalFields)
        }
        if journey.policy != Policy() { fields["policy"] = policy(journey.policy) }
        return .object(fields)
    }

    /// A stored version's text, as written (comments and all), as JSON; nil when it is not YAML.
    public static func json(ofYAML yaml: String) -> JSON? {
        guard let node = try? Yams.compose(yaml: yaml) else { return nil }
        return YAMLJSON.json(node)
    }

    /// Text the writer prints as a plain scalar, typed as YAML reads it back.
    static func plain(_ text: String) -> JSON { YAMLJSON.plainScalar(text) }

    static func number(_ number: Double) -> JSON { plain(Value.number(number).description) }

    static func entry(_ entry: Entry) -> JSON {
        var fields: [String: JSON] = [
            "trigger": trigger(entry.trigger), "reentry": reentry(entry.reentry), "next": .string(entry.next),
        ]
        if let audience = entry.audience { fields["audience"] = condition(audience) }
        return .object(fields)
    }

    static func trigger(_ trigger: Trigger) -> JSON {
        switch trigger {
        case .event(let name): return .object(["type": .string("event"), "event": .string(name)])
        case .webhook(let name): return .object(["type": .string("webhook"), "webhook": .string(name)])
        case .time(let schedule):
            return .object(["type": .string("time"), "schedule": .string(schedule.description)])
        case .condition(let c): return .object(["type": .string("condition"), "when": condition(c)])
        }
    }

    static func reentry(_ rule: ReentryRule) -> JSON {
        switch rule {
        case .never: return .string("never")
        case .always: return .string("always")
        case .after(let duration): return .object(["after": plain(duration.description)])
        }
    }

    static func condition(_ condition: Condition) -> JSON {
        switch condition {
        case .leaf(let leaf): return self.leaf(leaf)
        case .not(let inner): return .object(["not": self.condition(inner)])
        case .all(let items): return .object(["all": .array(items.map(self.condition))])
        case .any(let items): return .object(["any": .array(items.map(self.condition))])
        }
    }

    static func leaf(_ leaf: ConditionLeaf) -> JSON {
        var fields: [String: JSON] = [
            "type": plain(leaf.type.rawValue), "field": .string(leaf.field),
            "operator": plain(leaf.op.rawValue),
        ]
        if let value = leaf.value { fields["value"] = self.value(value) }
        if let within = leaf.within { fields["within"] = plain(within.description) }
        if let since = leaf.since { fields["since"] = plain(since.rawValue) }
        return .object(fields)
    }

    static func value(_ value: Value) -> JSON {
        switch value {
        case .string(let text): return .string(text)
        case .number(let n): return number(n)
        case .bool(let flag): return .bool(flag)
        case .null: return .null
        case .list(let items): return .array(items.map(self.value))
        }
    }
}

extension JourneyJSON {
    static func policy(_ policy: Policy) -> JSON {
        var fields: [String: JSON] = [:]
        if let cap = policy.frequencyCap { fields["frequency_cap"] = self.cap(cap) }
        if !policy.channelCaps.isEmpty {
            var caps: [String: JSON] = [:]
            for (channel, cap) in policy.channelCaps { caps[channel.rawValue] = self.cap(cap) }
            fields["channel_caps"] = .object(caps)
        }
        if policy.whenCapped != .defer { fields["when_capped"] = plain(policy.whenCapped.rawValue) }
        if let quiet = policy.quietHours {
            fields["quiet_hours"] = .object([
                "from": .string(quiet.from.description), "to": .string(quiet.to.description),
            ])
        }
        if let max = policy.maxStepsPerLead { fields["max_steps"] = plain(String(max)) }
        if let stale = policy.staleAfter { fields["stale_after"] = plain(stale.description) }
        if let max = policy.maxSendsPerMinute { fields["max_sends_per_minute"] = plain(String(max)) }
        if let max = policy.maxStepsPerMinute { fields["max_steps_per_minute"] = plain(String(max)) }
        if !policy.handoffRules.isEmpty {
            fields["handoff_rules"] = .array(
                policy.handoffRules.map { rule in
                    .object([
                        "name": .string(rule.name), "when": condition(rule.when), "to": target(rule.to),
                        "reason": .string(rule.reason),
                    ])
                })
        }
        return .object(fields)
    }

    static func cap(_ cap: FrequencyCap) -> JSON {
        var fields: [String: JSON] = [:]
        if let perDay = cap.perDay { fields["per_day"] = plain(String(perDay)) }
        if let perWeek = cap.perWeek { fields["per_week"] = plain(String(perWeek)) }
        return .object(fields)
    }

    static func target(_ target: HandoffTarget) -> JSON {
        var fields: [String: JSON] = [:]
        if let agent = target.agent { fields["agent"] = .string(agent) }
        if let channel = target.channel { fields["channel"] = plain(channel.rawValue) }
        if let kind = target.kind { fields["kind"] = plain(kind.rawValue) }
        if !target.expertise.isEmpty { fields["expertise"] = .array(target.expertise.map(JSON.string)) }
        return .object(fields)
    }
}

extension JourneyJSON {
    static func node(_ node: JourneyNode) -> JSON {
        var fields: [String: JSON] = ["id": .string(node.id), "kind": plain(node.kind.rawValue)]
        if let label = node.label { fields["label"] = .string(label) }
        body(node.body, into: &fields)
        return .object(fields)
    }

    static func body(_ body: NodeBody, into fields: inout [String: JSON]) {
        switch body {
        case .decision(let d):
            if d.branches.count == 1 {
                fields["if"] = condition(d.branches[0].condition)
                fields["then"] = .string(d.branches[0].next)
            } else {
                fields["branches"] = .array(
                    d.branches.map { .object(["if": condition($0.condition), "then": .string($0.next)]) })
            }
            if let otherwise = d.otherwise { fields["else"] = .string(otherwise) }
        case .split(let s):
            fields["paths"] = .array(
                s.paths.map { path in
                    .object([
                        "name": .string(path.name), "weight": plain(String(path.weight)),
                        "next": .string(path.next),
                    ])
                })
            if let holdout = s.holdout { fields["holdout"] = plain(String(holdout)) }
        case .wait(let w):
            fields["wait"] = wait(w.condition)
            if let next = w.next { fields["next"] = .string(next) }
            if let timeout = w.timeoutNext { fields["on_timeout"] = .string(timeout) }
        case .action(let a):
            fields["action"] = action(a.action)
            if let next = a.next { fields["next"] = .string(next) }
        case .goal(let g):
            if let name = g.name { fields["name"] = .string(name) }
        case .exit(let e):
            if let reason = e.reason { fields["reason"] = .string(reason) }
        }
    }

    static func wait(_ condition: WaitCondition) -> JSON {
        switch condition {
        case .duration(let d): return .object(["for": plain(d.description)])
        case .event(let event, let timeout):
            return .object(["event": .string(event), "timeout": plain(timeout.description)])
        case .window(let w):
            var fields: [String: JSON] = [
                "from": .string(w.from.description), "to": .string(w.to.description),
            ]
            if !w.days.isEmpty { fields["days"] = .array(w.days.map { plain($0.rawValue) }) }
            return .object(["until": .object(fields)])
        }
    }

    static func action(_ action: Action) -> JSON {
        var fields: [String: JSON] = ["type": plain(action.typeName)]
        switch action {
        case .send(let send):
            fields["channel"] = plain(send.channel.description)
            fields["template"] = .string(send.template)
        case .update(let field, let value):
            fields["field"] = .string(field)
            fields["value"] = self.value(value)
        case .score(let by):
            fields["by"] = number(by)
        case .handoff(let handoff):
            fields["to"] = target(handoff.to)
            fields["reason"] = .string(handoff.reason)
        case .notify(let notify):
            fields["to"] = .string(notify.target)
            fields["message"] = .string(notify.message)
        case .webhook(let webhook):
            fields["url"] = .string(webhook.url)
            fields["retries"] = plain(String(webhook.retries))
            fields["backoff"] = plain(webhook.backoff.description)
            fields["failure_rate"] = number(webhook.failureRate)
        }
        return .object(fields)
    }
}
