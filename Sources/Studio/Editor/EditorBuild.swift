import JourneyModel
import TerminalUI

/// Reads the editor's lines back into the journey: the edited node, entry, goal or policy in
/// place of the old one. Every field that does not read puts its problem on its cell, and the
/// result is nil until none is left.
struct EditorBuild {
    var lines: [EditorLine]
    let base: Journey
    private(set) var failed = false

    init(lines: [EditorLine], base: Journey) {
        self.lines = lines
        self.base = base
        for index in self.lines.indices { self.lines[index].clearErrors() }
    }

    /// The journey with the edit, or nil (problems are on `lines`).
    mutating func journey(for target: EditTarget) -> Journey? {
        var journey = base
        switch target {
        case .node(let id):
            guard let index = journey.nodes.firstIndex(where: { $0.id == id }) else { return nil }
            let node = journey.nodes[index]
            let body = self.body(node.body)
            let label = optionalText("label")
            let newID = EditorFieldText.trimmed(content("id") ?? id)
            if let problem = JourneyEdits.idProblem(newID, renaming: id, in: journey) {
                self.problem("id", problem)
            }
            guard let body, !failed else { return nil }
            journey.nodes[index] = JourneyNode(id: node.id, label: label, body: body)
            // The checks above leave nothing for the rename to refuse.
            guard let renamed = try? JourneyEdits.rename(id, to: newID, in: journey) else { return nil }
            journey = renamed
        case .entry:
            guard let entry = entry(), !failed else { return nil }
            journey.entry = entry
        case .goal:
            let goal = self.goal()
            guard !failed else { return nil }
            journey.goal = goal
        case .policy:
            let policy = self.policy()
            guard !failed else { return nil }
            journey.policy = policy
        }
        return journey
    }

    // MARK: - Cells

    private func locate(_ key: String) -> (line: Int, cell: Int)? {
        for (lineIndex, line) in lines.enumerated() {
            if let cell = line.index(of: key) { return (lineIndex, cell) }
        }
        return nil
    }

    func content(_ key: String) -> String? {
        locate(key).map { lines[$0.line].cells[$0.cell].content }
    }

    mutating func problem(_ key: String, _ message: String) {
        failed = true
        guard let (line, cell) = locate(key) else { return }
        if lines[line].cells[cell].error == nil { lines[line].cells[cell].error = message }
    }

    /// Trimmed text, nil when empty.
    func optionalText(_ key: String) -> String? {
        let text = EditorFieldText.trimmed(content(key) ?? "")
        return text.isEmpty ? nil : text
    }

    mutating func required(_ key: String, name: String) -> String? {
        guard let text = optionalText(key) else {
            problem(key, "missing '\(name)'")
            return nil
        }
        return text
    }

    /// A node id from a choice; nil for "—".
    func target(_ key: String) -> String? {
        let chosen = content(key) ?? noneOption
        return chosen == noneOption || chosen.isEmpty ? nil : chosen
    }

    mutating func duration(
        _ key: String, name: String, required: Bool, minimum: JourneyDuration? = nil
    ) -> JourneyDuration? {
        guard let text = optionalText(key) else {
            if required { problem(key, "missing '\(name)'") }
            return nil
        }
        return EditorFieldText.duration(text, key: name, minimum: minimum) { problem(key, $0) }
    }

    mutating func time(_ key: String, name: String) -> TimeOfDay? {
        guard let text = optionalText(key) else {
            problem(key, "missing '\(name)'")
            return nil
        }
        return EditorFieldText.time(text, key: name) { problem(key, $0) }
    }

    mutating func integer(_ key: String, name: String, minimum: Int, maximum: Int? = nil) -> Int? {
        guard let text = optionalText(key) else { return nil }
        return EditorFieldText.integer(text, key: name, minimum: minimum, maximum: maximum) {
            problem(key, $0)
        }
    }

    mutating func condition(_ key: String, required: Bool, what: String) -> Condition? {
        let (condition, isEmpty) = ConditionRows.read(key, in: &lines)
        if isEmpty {
            if required {
                failed = true
                if let heading = lines.firstIndex(where: { $0.role == .conditionHeading(key) }) {
                    lines[heading].errors.append("\(what) needs a condition: ctrl+n adds a row")
                }
            }
            return nil
        }
        if condition == nil { failed = true }
        return condition
    }

    /// Indices `N` of keys `prefix.N.suffix`, in the order their lines come.
    func indices(prefix: String, suffix: String) -> [Int] {
        var found: [Int] = []
        for line in lines {
            for cell in line.cells {
                let parts = cell.label.split(separator: ".")
                if parts.count == 3, parts[0] == prefix, parts[2] == suffix, let n = Int(parts[1]),
                    !found.contains(n)
                {
                    found.append(n)
                }
            }
        }
        return found
    }

    // MARK: - Nodes

    private mutating func body(_ old: NodeBody) -> NodeBody? {
        switch old {
        case .decision: return decision().map(NodeBody.decision)
        case .split: return split().map(NodeBody.split)
        case .wait(let w): return wait(old: w).map(NodeBody.wait)
        case .action: return actionStep().map(NodeBody.action)
        case .goal: return .goal(GoalStep(name: optionalText("goal.name")))
        case .exit: return .exit(ExitStep(reason: optionalText("exit.reason")))
        }
    }

    private mutating func decision() -> Decision? {
        var branches: [DecisionBranch] = []
        for index in indices(prefix: "branch", suffix: "then") {
            let condition = self.condition("branch.\(index).if", required: true, what: "a branch")
            let next = target("branch.\(index).then")
            if let condition, let next { branches.append(DecisionBranch(condition: condition, next: next)) }
        }
        return Decision(branches: branches, otherwise: target("else"))
    }

    private mutating func split() -> Split? {
        var paths: [SplitPath] = []
        for index in lines.indices where lines[index].role == .path {
            let name = EditorFieldText.trimmed(lines[index].cell("path.name")?.content ?? "")
            let weightText = EditorFieldText.trimmed(lines[index].cell("path.weight")?.content ?? "")
            let next = lines[index].cell("path.next")?.content ?? ""
            if name.isEmpty {
                failed = true
                lines[index].cells[0].error = "missing 'name'"
            }
            let weight = EditorFieldText.integer(weightText, key: "weight", minimum: 0) { message in
                failed = true
                lines[index].cells[1].error = message
            }
            if let weight { paths.append(SplitPath(name: name, weight: weight, next: next)) }
        }
        let holdout = integer("holdout", name: "holdout", minimum: 0)
        return Split(paths: paths, holdout: holdout)
    }

    private mutating func wait(old: Wait) -> Wait? {
        let next = target("next")
        let timeoutNext = target("on_timeout")
        switch content("wait.form") {
        case "event":
            let event = required("wait.event", name: "event")
            let timeout = duration("wait.timeout", name: "timeout", required: true)
            guard let event, let timeout else { return nil }
            return Wait(condition: .event(event, timeout: timeout), next: next, timeoutNext: timeoutNext)
        case "until":
            let from = time("wait.from", name: "from")
            let to = time("wait.to", name: "to")
            var days = Weekday.allCases.filter { content($0.rawValue) == "true" }
            // The same days in the order the file had them: an unchanged wait stays identical.
            if case .window(let window) = old.condition, Set(window.days) == Set(days) { days = window.days }
            guard let from, let to else { return nil }
            return Wait(
                condition: .window(TimeWindow(from: from, to: to, days: days)), next: next,
                timeoutNext: timeoutNext)
        default:
            guard let span = duration("wait.for", name: "for", required: true) else { return nil }
            return Wait(condition: .duration(span), next: next, timeoutNext: timeoutNext)
        }
    }

    private mutating func actionStep() -> ActionStep? {
        let next = target("next")
        let action: Action?
        switch content("action.type") {
        case "send":
            let channel = ChannelChoice(parsing: content("send.channel") ?? "") ?? .best
            action = required("send.template", name: "template").map {
                .send(SendAction(channel: channel, template: $0))
            }
        case "update":
            action = updateAction()
        case "score":
            action = scoreAction()
        case "handoff":
            let to = handoffTarget("to")
            let reason = required("handoff.reason", name: "reason")
            action = to.flatMap { to in reason.map { .handoff(HandoffAction(to: to, reason: $0)) } }
        case "notify":
            let to = required("notify.to", name: "to")
            let message = required("notify.message", name: "message")
            action = to.flatMap { to in message.map { .notify(NotifyAction(target: to, message: $0)) } }
        default:
            action = webhookAction()
        }
        return action.map { ActionStep(action: $0, next: next) }
    }

    private mutating func updateAction() -> Action? {
        let field = required("update.field", name: "field")
        var value: Value?
        if let text = content("update.value"), !EditorFieldText.trimmed(text).isEmpty {
            switch ValueText.parse(text) {
            case .success(let parsed): value = parsed
            case .failure(let problem): self.problem("update.value", problem.message)
            }
        } else {
            problem("update.value", "missing 'value'")
        }
        return field.flatMap { field in value.map { .update(field: field, value: $0) } }
    }

    private mutating func scoreAction() -> Action? {
        let text = optionalText("score.by")
        if text == nil { problem("score.by", "missing 'by'") }
        return text.flatMap { text in
            EditorFieldText.number(text, key: "by") { problem("score.by", $0) }.map { Action.score(by: $0) }
        }
    }

    /// A webhook call: retries 3 and backoff 1m when left empty, a failure rate in 0...1.
    private mutating func webhookAction() -> Action? {
        let url = required("webhook.url", name: "url")
        let retries =
            optionalText("webhook.retries") == nil
            ? 3 : integer("webhook.retries", name: "retries", minimum: 0)
        let backoff =
            optionalText("webhook.backoff") == nil
            ? .minutes(1) : duration("webhook.backoff", name: "backoff", required: false)
        var rate: Double? = 0
        if let text = optionalText("webhook.failure_rate") {
            rate = EditorFieldText.number(text, key: "failure_rate") { problem("webhook.failure_rate", $0) }
            if let value = rate, !(0...1).contains(value) {
                problem(
                    "webhook.failure_rate",
                    "'failure_rate' must be between 0 and 1, found \(Value.number(value).description)")
                rate = nil
            }
        }
        guard let url, let retries, let backoff, let rate else { return nil }
        return .webhook(WebhookAction(url: url, retries: retries, backoff: backoff, failureRate: rate))
    }

    private mutating func handoffTarget(_ prefix: String) -> HandoffTarget? {
        let expertise = (content("\(prefix).expertise") ?? "").split(separator: ",").map {
            EditorFieldText.trimmed(String($0))
        }.filter { !$0.isEmpty }
        let target = HandoffTarget(
            agent: optionalText("\(prefix).agent"),
            channel: Channel(rawValue: content("\(prefix).channel") ?? ""),
            kind: AgentKind(rawValue: content("\(prefix).kind") ?? ""), expertise: expertise)
        if target == HandoffTarget() {
            problem(
                "\(prefix).agent",
                "a handoff target needs an agent, or a channel, kind or expertise to route by")
            return nil
        }
        return target
    }

    // MARK: - Entry, goal, policy

    private mutating func entry() -> Entry? {
        var trigger: Trigger?
        switch content("trigger.type") {
        case "time":
            if let text = required("trigger.schedule", name: "schedule") {
                trigger = EditorFieldText.schedule(text) { problem("trigger.schedule", $0) }.map(Trigger.time)
            }
        case "condition":
            trigger = condition("trigger.when", required: true, what: "a condition trigger").map(
                Trigger.condition)
        case "webhook":
            trigger = required("trigger.webhook", name: "webhook").map(Trigger.webhook)
        default:
            trigger = required("trigger.event", name: "event").map(Trigger.event)
        }
        let audience = condition("audience", required: false, what: "the audience")
        var reentry: ReentryRule? = .never
        switch content("reentry") {
        case "always": reentry = .always
        case "after":
            reentry = duration("reentry.after", name: "after", required: true).map(ReentryRule.after)
        default: break
        }
        guard let trigger, let reentry, let next = target("next") else { return nil }
        return Entry(trigger: trigger, audience: audience, reentry: reentry, next: next)
    }

    private mutating func goal() -> JourneyGoal? {
        let name = optionalText("goal.name")
        let when = condition("goal.when", required: name != nil, what: "a named goal")
        return when.map { JourneyGoal(name: name, when: $0) }
    }

    private mutating func policy() -> Policy {
        var policy = Policy()
        policy.frequencyCap = cap("all")
        for channel in Channel.allCases {
            if let cap = cap(channel.rawValue) { policy.channelCaps[channel] = cap }
        }
        policy.whenCapped = CapBehavior(rawValue: content("when_capped") ?? "") ?? .defer
        if optionalText("quiet.from") != nil || optionalText("quiet.to") != nil {
            let from = time("quiet.from", name: "from")
            let to = time("quiet.to", name: "to")
            if let from, let to { policy.quietHours = QuietHours(from: from, to: to) }
        }
        policy.maxStepsPerLead = integer(
            "max_steps", name: "max_steps", minimum: 1, maximum: Policy.maxStepsLimit)
        policy.staleAfter = duration(
            "stale_after", name: "stale_after", required: false, minimum: Policy.minimumStaleAfter)
        policy.maxSendsPerMinute = integer("max_sends_per_minute", name: "max_sends_per_minute", minimum: 1)
        policy.maxStepsPerMinute = integer("max_steps_per_minute", name: "max_steps_per_minute", minimum: 1)
        for index in indices(prefix: "rule", suffix: "name") {
            let prefix = "rule.\(index)"
            let name = required("\(prefix).name", name: "name")
            let when = condition("\(prefix).when", required: true, what: "a handoff rule")
            let to = handoffTarget("\(prefix).to")
            let reason = required("\(prefix).reason", name: "reason")
            if let name, let when, let to, let reason {
                policy.handoffRules.append(HandoffRule(name: name, when: when, to: to, reason: reason))
            }
        }
        return policy
    }

    private mutating func cap(_ key: String) -> FrequencyCap? {
        let day = integer("cap.\(key).day", name: "per_day", minimum: 0)
        let week = integer("cap.\(key).week", name: "per_week", minimum: 0)
        return day == nil && week == nil ? nil : FrequencyCap(perDay: day, perWeek: week)
    }
}
