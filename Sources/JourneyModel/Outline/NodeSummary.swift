/// One line saying what a step does: `send email 'welcome'`, `wait 2d`, `if email.opened exists`.
public enum NodeSummary {
    public static func line(_ node: JourneyNode) -> String {
        switch node.body {
        case .decision(let d):
            if d.branches.count == 1 { return "if " + ConditionText.describe(d.branches[0].condition) }
            return "\(d.branches.count) branches"
        case .split(let s):
            var parts = s.paths.map { "\($0.name) \($0.weight)%" }
            if let holdout = s.holdout { parts.append("holdout \(holdout)%") }
            return "split " + parts.joined(separator: " / ")
        case .wait(let w): return wait(w.condition)
        case .action(let a): return action(a.action)
        case .goal(let g): return g.name.map { "goal: \($0)" } ?? "goal reached"
        case .exit(let e): return e.reason.map { "exit: \($0)" } ?? "exit"
        }
    }

    public static func wait(_ condition: WaitCondition) -> String {
        switch condition {
        case .duration(let d): return "wait \(d)"
        case .event(let event, let timeout): return "wait for \(event), up to \(timeout)"
        case .window(let w):
            let days = w.days.isEmpty ? "" : " on " + w.days.map(\.rawValue).joined(separator: ",")
            return "wait until \(w.from)-\(w.to)\(days)"
        }
    }

    public static func action(_ action: Action) -> String {
        switch action {
        case .send(let s): return "send \(s.channel) '\(s.template)'"
        case .update(let field, let value): return "set \(field) = \(value.quotedDescription)"
        case .score(let by): return by >= 0 ? "score +\(Value.format(by))" : "score \(Value.format(by))"
        case .handoff(let h): return "hand off to \(target(h.to))"
        case .notify(let n): return "notify \(n.target)"
        case .webhook(let w): return "call \(w.url)"
        }
    }

    public static func target(_ t: HandoffTarget) -> String {
        if let agent = t.agent { return agent }
        var words: [String] = []
        if let channel = t.channel { words.append(channel.rawValue) }
        words.append(t.kind?.rawValue ?? "agent")
        if !t.expertise.isEmpty { words.append("(" + t.expertise.joined(separator: ", ") + ")") }
        return words.joined(separator: " ")
    }

    public static func trigger(_ trigger: Trigger) -> String {
        switch trigger {
        case .event(let name): return "on event \(name)"
        case .webhook(let name): return "on webhook \(name)"
        case .time(let schedule): return "on schedule \(schedule)"
        case .condition(let c): return "when " + ConditionText.describe(c)
        }
    }
}
