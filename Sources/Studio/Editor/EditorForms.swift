import JourneyModel
import TerminalUI

/// The lines of the form for each thing the editor edits, filled from the journey. Choices
/// that change the form's shape (an action's type, a wait's form, a trigger's type, the
/// re-entry rule) are `overrides`: the form is laid out for them, with empty fields.
enum EditorForms {
    static let actionTypes = ["send", "update", "score", "handoff", "notify", "webhook"]
    static let waitForms = ["for", "event", "until"]
    static let triggerTypes = ["event", "time", "condition", "webhook"]
    static let reentryRules = ["never", "always", "after"]
    /// The choices whose value changes which fields the form has.
    static let shapeKeys: Set<String> = ["action.type", "wait.form", "trigger.type", "reentry"]

    static func lines(
        _ target: EditTarget, in journey: Journey, completions: FieldCompletions,
        overrides: [String: String] = [:]
    ) -> [EditorLine] {
        let form = Builder(journey: journey, completions: completions, overrides: overrides)
        switch target {
        case .node(let id):
            guard let node = journey.node(id) else { return [] }
            return form.node(node)
        case .entry: return form.entry(journey.entry)
        case .goal: return form.goal(journey.goal)
        case .policy: return form.policy(journey.policy)
        }
    }

    private struct Builder {
        let journey: Journey
        let completions: FieldCompletions
        let overrides: [String: String]

        typealias Line = EditorLine

        func text(_ key: String, _ text: String, placeholder: String = "") -> FormField {
            Line.text(key, text, placeholder: placeholder)
        }

        /// A choice of node: the journey's ids, with "—" for none when `optional`.
        func target(_ key: String, _ current: String?, optional: Bool) -> FormField {
            let ids = journey.nodes.map(\.id)
            return Line.choice(key, (optional ? [noneOption] : []) + ids, current ?? noneOption)
        }

        func condition(_ key: String, _ label: String, _ condition: Condition?) -> [Line] {
            ConditionRows.lines(key, label: label, condition, completions: completions)
        }

        // MARK: Nodes

        func node(_ node: JourneyNode) -> [Line] {
            var lines = [
                Line.field("id", text("id", node.id, placeholder: "the node's id")),
                Line.field("label", text("label", node.label ?? "", placeholder: "none")),
            ]
            switch node.body {
            case .decision(let d):
                for (index, branch) in d.branches.enumerated() {
                    lines += decisionBranch(index, branch, count: d.branches.count)
                }
                lines.append(.field("else", target("else", d.otherwise, optional: true)))
            case .split(let s):
                lines += s.paths.map(path)
                lines.append(
                    .field(
                        "holdout %", text("holdout", s.holdout.map(String.init) ?? "", placeholder: "none")))
            case .wait(let w): lines += wait(w)
            case .action(let a): lines += action(a)
            case .goal(let g):
                lines.append(.field("goal name", text("goal.name", g.name ?? "", placeholder: "none")))
            case .exit(let e):
                lines.append(.field("reason", text("exit.reason", e.reason ?? "", placeholder: "none")))
            }
            return lines
        }

        func decisionBranch(_ index: Int, _ branch: DecisionBranch, count: Int) -> [Line] {
            let label = count == 1 ? "if" : "if (\(index + 1))"
            return condition("branch.\(index).if", label, branch.condition) + [
                .field("then", target("branch.\(index).then", branch.next, optional: false))
            ]
        }

        func path(_ path: SplitPath) -> Line {
            Line(
                .path, "path",
                cells: [
                    text("path.name", path.name, placeholder: "name"),
                    text("path.weight", String(path.weight), placeholder: "%"),
                    target("path.next", path.next, optional: false),
                ])
        }

        func wait(_ wait: Wait) -> [Line] {
            let current: String = {
                switch wait.condition {
                case .duration: return "for"
                case .event: return "event"
                case .window: return "until"
                }
            }()
            let form = overrides["wait.form"] ?? current
            let condition = form == current ? wait.condition : nil
            var lines = [Line.field("wait", Line.choice("wait.form", waitForms, form))]
            switch (form, condition) {
            case ("event", let condition):
                var event = ""
                var timeout = ""
                if case .event(let name, let t) = condition {
                    event = name
                    timeout = t.description
                }
                lines.append(.field("event", text("wait.event", event, placeholder: "email.clicked")))
                lines.append(.field("timeout", text("wait.timeout", timeout, placeholder: "3d")))
                lines.append(.field("on event", target("next", wait.next, optional: true)))
                lines.append(.field("on timeout", target("on_timeout", wait.timeoutNext, optional: true)))
                return lines
            case ("until", let condition):
                var window: TimeWindow?
                if case .window(let w) = condition { window = w }
                lines.append(
                    .field(
                        "window", text("wait.from", window?.from.description ?? "", placeholder: "from"),
                        text("wait.to", window?.to.description ?? "", placeholder: "to")))
                lines.append(
                    Line(
                        .days, "days",
                        cells: Weekday.allCases.map { day in
                            FormField(day.rawValue, value: .toggle(window?.days.contains(day) ?? false))
                        }))
            default:
                var duration = ""
                if case .duration(let d) = condition { duration = d.description }
                lines.append(.field("for", text("wait.for", duration, placeholder: "2d")))
            }
            lines.append(.field("next", target("next", wait.next, optional: true)))
            if let timeout = wait.timeoutNext {
                // Kept so the journey's mistake (on_timeout on a non-event wait) is not lost silently.
                lines.append(.field("on timeout", target("on_timeout", timeout, optional: true)))
            }
            return lines
        }

        func action(_ step: ActionStep) -> [Line] {
            let type = overrides["action.type"] ?? step.action.typeName
            let action = type == step.action.typeName ? step.action : nil
            var lines = [Line.field("action", Line.choice("action.type", actionTypes, type))]
            switch type {
            case "send":
                var channel = "email"
                var template = ""
                if case .send(let s) = action {
                    channel = s.channel.description
                    template = s.template
                }
                lines.append(
                    .field(
                        "channel",
                        Line.choice("send.channel", Channel.allCases.map(\.rawValue) + ["best"], channel)))
                lines.append(.field("template", text("send.template", template, placeholder: "welcome")))
            case "update":
                var field = ""
                var value = ""
                if case .update(let f, let v) = action {
                    field = f
                    value = ValueText.write(v)
                }
                lines.append(.field("property", text("update.field", field, placeholder: "lifecycle_stage")))
                lines.append(.field("value", text("update.value", value, placeholder: "dormant")))
            case "score":
                var by = ""
                if case .score(let amount) = action {
                    by =
                        amount >= 0
                        ? "+" + Value.number(amount).description : Value.number(amount).description
                }
                lines.append(.field("score by", text("score.by", by, placeholder: "+10 or -5")))
            case "handoff":
                var handoff = HandoffAction(to: HandoffTarget(), reason: "")
                if case .handoff(let h) = action { handoff = h }
                lines += handoffTarget("to", handoff.to)
                lines.append(
                    .field("reason", text("handoff.reason", handoff.reason, placeholder: "high intent")))
            case "notify":
                var notify = NotifyAction(target: "", message: "")
                if case .notify(let n) = action { notify = n }
                lines.append(.field("notify", text("notify.to", notify.target, placeholder: "sales")))
                lines.append(.field("message", text("notify.message", notify.message)))
            default:
                var hook = WebhookAction(url: "")
                if case .webhook(let w) = action { hook = w }
                lines.append(.field("url", text("webhook.url", hook.url, placeholder: "https://")))
                lines.append(
                    .field(
                        "retries", text("webhook.retries", String(hook.retries)),
                        text("webhook.backoff", hook.backoff.description, placeholder: "backoff"),
                        text(
                            "webhook.failure_rate", Value.number(hook.failureRate).description,
                            placeholder: "fail rate")))
            }
            lines.append(.field("next", target("next", step.next, optional: true)))
            return lines
        }

        /// A handoff target's lines; keys start with `prefix` (`to`, `rule.0.to`).
        func handoffTarget(_ prefix: String, _ to: HandoffTarget) -> [Line] {
            [
                .field(
                    "hand off to", text("\(prefix).agent", to.agent ?? "", placeholder: "agent"),
                    Line.choice(
                        "\(prefix).channel", [noneOption] + Channel.allCases.map(\.rawValue),
                        to.channel?.rawValue ?? noneOption, placeholder: "channel"),
                    Line.choice(
                        "\(prefix).kind", [noneOption] + AgentKind.allCases.map(\.rawValue),
                        to.kind?.rawValue ?? noneOption, placeholder: "kind")),
                .field(
                    "expertise",
                    text(
                        "\(prefix).expertise", to.expertise.joined(separator: ", "),
                        placeholder: "demo, sales")),
            ]
        }

        // MARK: Entry, goal, policy

        func entry(_ entry: Entry) -> [Line] {
            let type = overrides["trigger.type"] ?? entry.trigger.typeName
            let trigger = type == entry.trigger.typeName ? entry.trigger : nil
            var lines = [Line.field("trigger", Line.choice("trigger.type", triggerTypes, type))]
            switch (type, trigger) {
            case ("time", let trigger):
                var schedule = ""
                if case .time(let s) = trigger { schedule = s.description }
                lines.append(
                    .field("schedule", text("trigger.schedule", schedule, placeholder: "daily at 09:00")))
            case ("condition", let trigger):
                var when: Condition?
                if case .condition(let c) = trigger { when = c }
                lines += condition("trigger.when", "when", when)
            case ("webhook", let trigger):
                var name = ""
                if case .webhook(let n) = trigger { name = n }
                lines.append(.field("webhook", text("trigger.webhook", name, placeholder: "chat-qualified")))
            default:
                var name = ""
                if case .event(let n) = trigger { name = n }
                lines.append(.field("event", text("trigger.event", name, placeholder: "lead.created")))
            }
            lines += condition("audience", "audience", entry.audience)
            let rule: String = {
                switch entry.reentry {
                case .never: return "never"
                case .always: return "always"
                case .after: return "after"
                }
            }()
            let chosen = overrides["reentry"] ?? rule
            var reentryCells = [Line.choice("reentry", reentryRules, chosen)]
            if chosen == "after" {
                var after = ""
                if case .after(let d) = entry.reentry { after = d.description }
                reentryCells.append(text("reentry.after", after))
            }
            lines.append(EditorLine(.fields, "re-entry", cells: reentryCells))
            lines.append(.field("next", target("next", entry.next, optional: false)))
            return lines
        }

        func goal(_ goal: JourneyGoal?) -> [Line] {
            [.field("goal name", text("goal.name", goal?.name ?? "", placeholder: "none"))]
                + condition("goal.when", "converts when", goal?.when)
        }

        func policy(_ policy: Policy) -> [Line] {
            func cap(_ key: String, _ label: String, _ cap: FrequencyCap?) -> Line {
                .field(
                    label, text("cap.\(key).day", cap?.perDay.map(String.init) ?? "", placeholder: "per day"),
                    text("cap.\(key).week", cap?.perWeek.map(String.init) ?? "", placeholder: "per week"))
            }
            var lines = [cap("all", "frequency cap", policy.frequencyCap)]
            for channel in Channel.allCases {
                lines.append(cap(channel.rawValue, "\(channel.rawValue) cap", policy.channelCaps[channel]))
            }
            lines.append(
                .field(
                    "when capped",
                    Line.choice(
                        "when_capped", CapBehavior.allCases.map(\.rawValue), policy.whenCapped.rawValue)))
            lines.append(
                .field(
                    "quiet hours",
                    text("quiet.from", policy.quietHours?.from.description ?? "", placeholder: "from"),
                    text("quiet.to", policy.quietHours?.to.description ?? "", placeholder: "to")))
            func limit(_ label: String, _ key: String, _ value: String?, _ placeholder: String) -> Line {
                .field(label, text(key, value ?? "", placeholder: placeholder))
            }
            // The last three matter only to the live runtime; a replay ignores them.
            lines += [
                limit(
                    "max steps", "max_steps", policy.maxStepsPerLead.map(String.init), "engine limit (200)"),
                limit(
                    "stale after", "stale_after", policy.staleAfter?.description,
                    "live only (\(Policy.defaultStaleAfter))"),
                limit(
                    "sends/minute", "max_sends_per_minute", policy.maxSendsPerMinute.map(String.init),
                    "live only (\(Policy.defaultMaxSendsPerMinute))"),
                limit(
                    "steps/minute", "max_steps_per_minute", policy.maxStepsPerMinute.map(String.init),
                    "live only (\(Policy.defaultMaxStepsPerMinute))"),
            ]
            for (index, rule) in policy.handoffRules.enumerated() { lines += handoffRule(index, rule) }
            return lines
        }

        func handoffRule(_ index: Int, _ rule: HandoffRule?) -> [Line] {
            let prefix = "rule.\(index)"
            return [
                Line(.heading(prefix), "handoff rule", cells: []),
                .field("name", text("\(prefix).name", rule?.name ?? "", placeholder: "email-silence")),
            ] + condition("\(prefix).when", "when", rule?.when)
                + handoffTarget("\(prefix).to", rule?.to ?? HandoffTarget())
                + [
                    .field(
                        "reason",
                        text("\(prefix).reason", rule?.reason ?? "", placeholder: "no reply in 3 days"))
                ]
        }
    }

    /// Lines for a new decision branch, split path or handoff rule (ctrl+b).
    static func newBranch(
        _ index: Int, then next: String?, in journey: Journey, completions: FieldCompletions
    )
        -> [EditorLine]
    {
        Builder(journey: journey, completions: completions, overrides: [:]).condition(
            "branch.\(index).if", "if (\(index + 1))", nil)
            + [
                .field(
                    "then",
                    Builder(journey: journey, completions: completions, overrides: [:]).target(
                        "branch.\(index).then", next ?? journey.nodes.first?.id, optional: false))
            ]
    }

    static func newPath(_ name: String, next: String?, in journey: Journey) -> EditorLine {
        Builder(journey: journey, completions: FieldCompletions(), overrides: [:]).path(
            SplitPath(name: name, weight: 0, next: next ?? journey.nodes.first?.id ?? ""))
    }

    static func newRule(_ index: Int, in journey: Journey, completions: FieldCompletions) -> [EditorLine] {
        Builder(journey: journey, completions: completions, overrides: [:]).handoffRule(index, nil)
    }
}
