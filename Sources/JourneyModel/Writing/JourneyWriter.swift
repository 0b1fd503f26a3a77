/// Writes a journey as `*.journey.yaml` text. Stable: keys in a fixed order, one form for
/// each thing (leaves, triggers and actions inline; groups and lists as blocks), a blank line
/// between nodes — so the same journey always gives the same bytes and files diff cleanly.
public enum JourneyWriter {
    public static func write(_ journey: Journey) -> String {
        var out = Lines()
        out.add(0, "journey: \(YAMLText.scalar(journey.id))")
        out.add(0, "name: \(YAMLText.scalar(journey.name))")
        if let description = journey.description {
            out.add(0, "description: \(YAMLText.scalar(description))")
        }
        out.add(0, "entry:")
        if case .condition(let c) = journey.entry.trigger, c.leaves.count > 1 || !isLeaf(c) {
            // A condition trigger with a group does not fit on one line.
            out.add(1, "trigger:")
            out.add(2, "type: condition")
            out.condition(2, "when", c)
        } else {
            out.add(1, "trigger: \(trigger(journey.entry.trigger))")
        }
        if let audience = journey.entry.audience { out.condition(1, "audience", audience) }
        out.add(1, "reentry: \(reentry(journey.entry.reentry))")
        out.add(1, "next: \(YAMLText.scalar(journey.entry.next))")
        if let goal = journey.goal {
            out.add(0, "goal:")
            if let name = goal.name { out.add(1, "name: \(YAMLText.scalar(name))") }
            out.condition(1, "when", goal.when)
        }
        policy(journey.policy, into: &out)
        out.add(0, "nodes:")
        for (index, node) in journey.nodes.enumerated() {
            if index > 0 { out.blank() }
            self.node(node, into: &out)
        }
        return out.text
    }

    static func trigger(_ trigger: Trigger) -> String {
        switch trigger {
        case .event(let name): return YAMLText.flow([("type", "event"), ("event", YAMLText.scalar(name))])
        case .webhook(let name):
            return YAMLText.flow([("type", "webhook"), ("webhook", YAMLText.scalar(name))])
        case .time(let schedule):
            return YAMLText.flow([("type", "time"), ("schedule", YAMLText.scalar(schedule.description))])
        case .condition(let c):
            // Groups are written as a block by `write`; here only a single leaf arrives.
            let when = c.leaves.first.map(leaf) ?? "{}"
            return YAMLText.flow([("type", "condition"), ("when", when)])
        }
    }

    static func isLeaf(_ c: Condition) -> Bool {
        if case .leaf = c { return true }
        return false
    }

    static func reentry(_ rule: ReentryRule) -> String {
        switch rule {
        case .never: return "never"
        case .always: return "always"
        case .after(let d): return YAMLText.flow([("after", d.description)])
        }
    }

    static func cap(_ cap: FrequencyCap) -> String {
        var pairs: [(String, String)] = []
        if let d = cap.perDay { pairs.append(("per_day", String(d))) }
        if let w = cap.perWeek { pairs.append(("per_week", String(w))) }
        return YAMLText.flow(pairs)
    }

    static func policy(_ policy: Policy, into out: inout Lines) {
        guard policy != Policy() else { return }
        out.add(0, "policy:")
        if let cap = policy.frequencyCap { out.add(1, "frequency_cap: \(self.cap(cap))") }
        if !policy.channelCaps.isEmpty {
            out.add(1, "channel_caps:")
            for channel in Channel.allCases {
                if let cap = policy.channelCaps[channel] {
                    out.add(2, "\(channel.rawValue): \(self.cap(cap))")
                }
            }
        }
        if policy.whenCapped != .defer { out.add(1, "when_capped: \(policy.whenCapped.rawValue)") }
        if let quiet = policy.quietHours {
            out.add(1, "quiet_hours: " + YAMLText.flow([("from", time(quiet.from)), ("to", time(quiet.to))]))
        }
        if let max = policy.maxStepsPerLead { out.add(1, "max_steps: \(max)") }
        if let stale = policy.staleAfter { out.add(1, "stale_after: \(stale)") }
        if let max = policy.maxSendsPerMinute { out.add(1, "max_sends_per_minute: \(max)") }
        if let max = policy.maxStepsPerMinute { out.add(1, "max_steps_per_minute: \(max)") }
        if !policy.handoffRules.isEmpty {
            out.add(1, "handoff_rules:")
            for rule in policy.handoffRules {
                out.add(2, "- name: \(YAMLText.scalar(rule.name))")
                out.condition(3, "when", rule.when)
                out.add(3, "to: \(target(rule.to))")
                out.add(3, "reason: \(YAMLText.scalar(rule.reason))")
            }
        }
    }

    static func time(_ t: TimeOfDay) -> String { YAMLText.quoted(t.description) }

    static func target(_ t: HandoffTarget) -> String {
        var pairs: [(String, String)] = []
        if let agent = t.agent { pairs.append(("agent", YAMLText.scalar(agent))) }
        if let channel = t.channel { pairs.append(("channel", channel.rawValue)) }
        if let kind = t.kind { pairs.append(("kind", kind.rawValue)) }
        if !t.expertise.isEmpty {
            pairs.append(("expertise", YAMLText.value(.list(t.expertise.map(Value.string)))))
        }
        return YAMLText.flow(pairs)
    }

    static func node(_ node: JourneyNode, into out: inout Lines) {
        out.add(1, "- id: \(YAMLText.scalar(node.id))")
        if let label = node.label { out.add(2, "label: \(YAMLText.scalar(label))") }
        out.add(2, "kind: \(node.kind.rawValue)")
        switch node.body {
        case .decision(let d):
            if d.branches.count == 1 {
                out.condition(2, "if", d.branches[0].condition)
                out.add(2, "then: \(YAMLText.scalar(d.branches[0].next))")
            } else {
                out.add(2, "branches:")
                for branch in d.branches {
                    out.condition(3, "- if", branch.condition)
                    out.add(4, "then: \(YAMLText.scalar(branch.next))")
                }
            }
            if let otherwise = d.otherwise { out.add(2, "else: \(YAMLText.scalar(otherwise))") }
        case .split(let s):
            out.add(2, "paths:")
            for path in s.paths {
                let pairs = [
                    ("name", YAMLText.scalar(path.name)), ("weight", String(path.weight)),
                    ("next", YAMLText.scalar(path.next)),
                ]
                out.add(3, "- " + YAMLText.flow(pairs))
            }
            if let holdout = s.holdout { out.add(2, "holdout: \(holdout)") }
        case .wait(let w):
            out.add(2, "wait: \(wait(w.condition))")
            if let next = w.next { out.add(2, "next: \(YAMLText.scalar(next))") }
            if let t = w.timeoutNext { out.add(2, "on_timeout: \(YAMLText.scalar(t))") }
        case .action(let a):
            out.add(2, "action: \(action(a.action))")
            if let next = a.next { out.add(2, "next: \(YAMLText.scalar(next))") }
        case .goal(let g):
            if let name = g.name { out.add(2, "name: \(YAMLText.scalar(name))") }
        case .exit(let e):
            if let reason = e.reason { out.add(2, "reason: \(YAMLText.scalar(reason))") }
        }
    }

    static func wait(_ condition: WaitCondition) -> String {
        switch condition {
        case .duration(let d): return YAMLText.flow([("for", d.description)])
        case .event(let event, let timeout):
            return YAMLText.flow([("event", YAMLText.scalar(event)), ("timeout", timeout.description)])
        case .window(let w):
            var pairs = [("from", time(w.from)), ("to", time(w.to))]
            if !w.days.isEmpty {
                pairs.append(("days", "[" + w.days.map(\.rawValue).joined(separator: ", ") + "]"))
            }
            return YAMLText.flow([("until", YAMLText.flow(pairs))])
        }
    }

    static func action(_ action: Action) -> String {
        let s = YAMLText.scalar
        switch action {
        case .send(let send):
            return YAMLText.flow([
                ("type", "send"), ("channel", send.channel.description), ("template", s(send.template)),
            ])
        case .update(let field, let value):
            return YAMLText.flow([("type", "update"), ("field", s(field)), ("value", YAMLText.value(value))])
        case .score(let by):
            return YAMLText.flow([("type", "score"), ("by", Value.format(by))])
        case .handoff(let h):
            return YAMLText.flow([("type", "handoff"), ("to", target(h.to)), ("reason", s(h.reason))])
        case .notify(let n):
            return YAMLText.flow([("type", "notify"), ("to", s(n.target)), ("message", s(n.message))])
        case .webhook(let w):
            return YAMLText.flow([
                ("type", "webhook"), ("url", s(w.url)), ("retries", String(w.retries)),
                ("backoff", w.backoff.description), ("failure_rate", Value.format(w.failureRate)),
            ])
        }
    }

    static func leaf(_ leaf: ConditionLeaf) -> String {
        var pairs = [
            ("type", leaf.type.rawValue), ("field", YAMLText.scalar(leaf.field)),
            ("operator", leaf.op.rawValue),
        ]
        if let value = leaf.value { pairs.append(("value", YAMLText.value(value))) }
        if let within = leaf.within { pairs.append(("within", within.description)) }
        if let since = leaf.since { pairs.append(("since", since.rawValue)) }
        return YAMLText.flow(pairs)
    }
}

/// Output lines at two-space indentation levels.
struct Lines {
    private(set) var lines: [String] = []

    var text: String { lines.joined(separator: "\n") + "\n" }

    mutating func add(_ level: Int, _ line: String) {
        lines.append(String(repeating: "  ", count: level) + line)
    }

    mutating func blank() { lines.append("") }

    /// `key: { leaf }` on one line, or `key:` with the group below it. `key` may be `- if`,
    /// a list item's first key, whose children sit two columns further in.
    mutating func condition(_ level: Int, _ key: String, _ condition: Condition) {
        let childLevel = key.hasPrefix("- ") ? level + 2 : level + 1
        switch condition {
        case .leaf(let leaf):
            add(level, "\(key): \(JourneyWriter.leaf(leaf))")
        case .not(let inner):
            add(level, "\(key):")
            self.condition(childLevel, "not", inner)
        case .all(let items), .any(let items):
            let group: String = { if case .all = condition { return "all" } else { return "any" } }()
            add(level, "\(key):")
            add(childLevel, "\(group):")
            for item in items {
                if case .leaf(let leaf) = item {
                    add(childLevel + 1, "- \(JourneyWriter.leaf(leaf))")
                } else {
                    groupItem(childLevel + 1, item)
                }
            }
        }
    }

    /// A group as a list item: `- any:` with its items below.
    private mutating func groupItem(_ level: Int, _ condition: Condition) {
        switch condition {
        case .leaf(let leaf): add(level, "- \(JourneyWriter.leaf(leaf))")
        case .not(let inner):
            if case .leaf(let leaf) = inner {
                add(level, "- not: \(JourneyWriter.leaf(leaf))")
            } else {
                add(level, "- not:")
                nested(level + 2, inner)
            }
        case .all(let items), .any(let items):
            let group: String = { if case .all = condition { return "all" } else { return "any" } }()
            add(level, "- \(group):")
            for item in items { groupItem(level + 2, item) }
        }
    }

    /// A group as a mapping value at `level`: `any:` then its items.
    private mutating func nested(_ level: Int, _ condition: Condition) {
        switch condition {
        case .leaf(let leaf): add(level, "\(JourneyWriter.leaf(leaf))")
        case .not(let inner):
            if case .leaf(let leaf) = inner {
                add(level, "not: \(JourneyWriter.leaf(leaf))")
            } else {
                add(level, "not:")
                nested(level + 1, inner)
            }
        case .all(let items), .any(let items):
            let group: String = { if case .all = condition { return "all" } else { return "any" } }()
            add(level, "\(group):")
            for item in items { groupItem(level + 1, item) }
        }
    }
}
