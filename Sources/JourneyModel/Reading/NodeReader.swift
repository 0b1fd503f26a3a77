import Yams

/// Reads the `nodes:` list: ids, kinds and each kind's own keys.
extension ReadContext {
    static let commonNodeKeys = ["id", "label", "kind"]
    static let nodeKeys: [NodeKind: [String]] = [
        .decision: ["if", "then", "else", "branches"],
        .split: ["paths", "holdout"],
        .wait: ["wait", "next", "on_timeout"],
        .action: ["action", "next"],
        .goal: ["name"],
        .exit: ["reason"],
    ]

    func nodes(_ node: Node, path: String) -> [JourneyNode] {
        guard case .sequence(let items) = node else {
            error("expected a list of nodes under 'nodes', found \(describe(node))", at: node)
            return []
        }
        var nodes: [JourneyNode] = []
        var firstSeen: [String: Node] = [:]
        for item in items {
            guard case .mapping(let mapping) = item else {
                error("expected a node (a mapping with id and kind), found \(describe(item))", at: item)
                continue
            }
            guard let idNode = mapping["id"] else {
                error("missing 'id' in a node", at: item)
                continue
            }
            guard case .scalar(let idScalar) = idNode, !isNull(idScalar) else {
                error("expected text for 'id', found \(describe(idNode))", at: idNode)
                continue
            }
            let id = idScalar.string
            if !Self.isSlug(id) {
                error("node id '\(id)' must be a slug: \(Self.slugPattern)", at: idNode, nodeID: id)
            }
            if id == Journey.entryID {
                error("node id '\(id)' is reserved for the journey's entry", at: idNode, nodeID: id)
                continue
            }
            if let first = firstSeen[id] {
                error(
                    "duplicate node id '\(id)' (first defined at line \(location(first).line))", at: idNode,
                    nodeID: id)
                continue
            }
            firstSeen[id] = idNode
            if let parsed = journeyNode(item, id: id) { nodes.append(parsed) }
        }
        return nodes
    }

    private func journeyNode(_ node: Node, id: String) -> JourneyNode? {
        let path = SourcePath.node(id)
        let kindName = node.mapping?["kind"]?.scalar?.string
        let kind = kindName.flatMap(NodeKind.init(rawValue:)).flatMap { $0 == .entry ? nil : $0 }
        // An unknown kind allows every node key, so one typo gives one error, not several.
        let allowed =
            Self.commonNodeKeys
            + (kind.map { Self.nodeKeys[$0] ?? [] } ?? Self.nodeKeys.values.flatMap { $0 })
        guard let f = fields(node, "node '\(id)'", allowed: allowed, path: path, nodeID: id) else {
            return nil
        }
        let label = text(f, "label")
        guard let kindName = text(f, "kind", required: true, what: "node '\(id)'") else { return nil }
        guard let kind else {
            let names = NodeKind.listable.map(\.rawValue)
            let extra =
                kindName == "entry" ? " (the entry is the journey's 'entry:' section, not a node)" : ""
            errorAt(
                f, "kind",
                "unknown node kind '\(kindName)'"
                    + (extra.isEmpty ? Suggestion.hintOrList(for: kindName, among: names) : extra))
            return nil
        }
        let body: NodeBody?
        switch kind {
        case .decision: body = decision(f).map(NodeBody.decision)
        case .split: body = split(f).map(NodeBody.split)
        case .wait: body = wait(f).map(NodeBody.wait)
        case .action: body = actionStep(f).map(NodeBody.action)
        case .goal: body = .goal(GoalStep(name: text(f, "name")))
        case .exit: body = .exit(ExitStep(reason: text(f, "reason")))
        case .entry: body = nil
        }
        return body.map { JourneyNode(id: id, label: label, body: $0) }
    }

    // MARK: - Decision

    /// `if`/`then`/`else` for one branch, or `branches: [{if, then}, ...]` and `else`.
    private func decision(_ f: Fields) -> Decision? {
        let otherwise = text(f, "else")
        if f["branches"] != nil, f["if"] != nil || f["then"] != nil {
            errorAt(f, "branches", "use either 'if'/'then' or 'branches', not both")
            return nil
        }
        if let list = f["branches"] {
            guard case .sequence(let items) = list, !items.isEmpty else {
                errorAt(f, "branches", "expected a list of {if, then} branches, found \(describe(list))")
                return nil
            }
            var branches: [DecisionBranch] = []
            for (index, item) in items.enumerated() {
                let path = SourcePath.item(f.path("branches"), index)
                guard
                    let b = fields(item, "a branch", allowed: ["if", "then"], path: path, nodeID: f.nodeID),
                    let branch = branch(b, basePath: path)
                else { continue }
                branches.append(branch)
            }
            return branches.count == items.count ? Decision(branches: branches, otherwise: otherwise) : nil
        }
        // The shorthand's paths are those of branch 0, so the validator finds them either way.
        let path = SourcePath.item(f.path("branches"), 0)
        if let node = f["if"] { record(SourcePath.child(path, "if"), node) }
        if let node = f["then"] { record(SourcePath.child(path, "then"), node) }
        guard let branch = branch(f, basePath: path) else { return nil }
        return Decision(branches: [branch], otherwise: otherwise)
    }

    private func branch(_ f: Fields, basePath: String) -> DecisionBranch? {
        let condition = present(f, "if", required: true, what: "a decision").flatMap {
            self.condition($0, path: SourcePath.child(basePath, "if"), nodeID: f.nodeID)
        }
        let next = text(f, "then", required: true, what: "a decision")
        guard let condition, let next else { return nil }
        return DecisionBranch(condition: condition, next: next)
    }

    // MARK: - Split

    private func split(_ f: Fields) -> Split? {
        guard let list = present(f, "paths", required: true, what: "a split") else { return nil }
        guard case .sequence(let items) = list, !items.isEmpty else {
            errorAt(f, "paths", "expected a list of {name, weight, next} paths, found \(describe(list))")
            return nil
        }
        var paths: [SplitPath] = []
        for (index, item) in items.enumerated() {
            let path = SourcePath.item(f.path("paths"), index)
            guard
                let p = fields(
                    item, "a split path", allowed: ["name", "weight", "next"], path: path,
                    nodeID: f.nodeID)
            else { continue }
            let name = text(p, "name", required: true, what: "a split path")
            let weight = integer(p, "weight", required: true, minimum: 0)
            let next = text(p, "next", required: true, what: "a split path")
            if let name, let weight, let next {
                paths.append(SplitPath(name: name, weight: weight, next: next))
            }
        }
        let holdout = integer(f, "holdout", minimum: 0)
        guard paths.count == items.count, f["holdout"] == nil || holdout != nil else { return nil }
        return Split(paths: paths, holdout: holdout)
    }

    // MARK: - Wait

    private func wait(_ f: Fields) -> Wait? {
        guard let spec = present(f, "wait", required: true, what: "a wait") else { return nil }
        guard
            let w = fields(
                spec, "a wait", allowed: ["for", "event", "timeout", "until"], path: f.path("wait"),
                nodeID: f.nodeID)
        else { return nil }
        let next = text(f, "next")
        let onTimeout = text(f, "on_timeout")
        let forms = ["for", "event", "until"].filter { w[$0] != nil }
        guard forms.count == 1 else {
            error(
                forms.isEmpty
                    ? "a wait needs one of: for (a duration), event (with timeout), until (a time window)"
                    : "a wait takes one of for, event or until, not \(forms.joined(separator: " and "))",
                at: spec, nodeID: f.nodeID)
            return nil
        }
        if forms[0] != "event", f["on_timeout"] != nil {
            errorAt(f, "on_timeout", "'on_timeout' belongs to event waits only")
        }
        if forms[0] != "event", w["timeout"] != nil {
            errorAt(w, "timeout", "'timeout' belongs to event waits only")
        }
        switch forms[0] {
        case "for":
            return duration(w, "for").map { Wait(condition: .duration($0), next: next) }
        case "event":
            let event = text(w, "event")
            let timeout = duration(w, "timeout", required: true, what: "an event wait")
            guard let event, let timeout else { return nil }
            return Wait(condition: .event(event, timeout: timeout), next: next, timeoutNext: onTimeout)
        default:
            guard let until = w["until"],
                let u = fields(
                    until, "a time window", allowed: ["from", "to", "days"], path: w.path("until"),
                    nodeID: f.nodeID)
            else { return nil }
            let from = timeOfDay(u, "from", required: true)
            let to = timeOfDay(u, "to", required: true)
            var days: [Weekday] = []
            for name in textList(u, "days") ?? [] {
                guard let day = Weekday(parsing: name) else {
                    let names = Weekday.allCases.map(\.rawValue)
                    errorAt(
                        u, "days",
                        "unknown weekday '\(name)'" + Suggestion.hintOrList(for: name, among: names))
                    return nil
                }
                days.append(day)
            }
            guard let from, let to else { return nil }
            return Wait(condition: .window(TimeWindow(from: from, to: to, days: days)), next: next)
        }
    }

    // MARK: - Action

    private func actionStep(_ f: Fields) -> ActionStep? {
        guard let spec = present(f, "action", required: true, what: "an action node") else { return nil }
        let next = text(f, "next")
        return action(spec, path: f.path("action"), nodeID: f.nodeID).map {
            ActionStep(action: $0, next: next)
        }
    }

    static let actionKeys: [String: [String]] = [
        "send": ["channel", "template"],
        "update": ["field", "value"],
        "score": ["by"],
        "handoff": ["to", "reason"],
        "notify": ["to", "message"],
        "webhook": ["url", "retries", "backoff", "failure_rate"],
    ]

    private func action(_ node: Node, path: String, nodeID: String?) -> Action? {
        let typeName = node.mapping?["type"]?.scalar?.string ?? ""
        let known = Self.actionKeys[typeName]
        let allowed = ["type"] + (known ?? Array(Set(Self.actionKeys.values.flatMap { $0 })).sorted())
        guard let f = fields(node, "an action", allowed: allowed, path: path, nodeID: nodeID),
            let type = text(f, "type", required: true, what: "an action")
        else { return nil }
        switch type {
        case "send":
            return sendAction(f)
        case "update":
            let field = text(f, "field", required: true, what: "an update action")
            let value = present(f, "value", required: true, what: "an update action").flatMap {
                leadValue($0, key: "value", nodeID: nodeID)
            }
            return field.flatMap { field in value.map { .update(field: field, value: $0) } }
        case "score":
            return number(f, "by", required: true).map { .score(by: $0) }
        case "handoff":
            let to = present(f, "to", required: true, what: "a handoff action").flatMap {
                handoffTarget($0, path: f.path("to"), nodeID: nodeID)
            }
            let reason = text(f, "reason", required: true, what: "a handoff action")
            guard let to, let reason else { return nil }
            return .handoff(HandoffAction(to: to, reason: reason))
        case "notify":
            let target = text(f, "to", required: true, what: "a notify action")
            let message = text(f, "message", required: true, what: "a notify action")
            guard let target, let message else { return nil }
            return .notify(NotifyAction(target: target, message: message))
        case "webhook":
            return webhookAction(f)
        default:
            errorAt(
                f, "type",
                "unknown action type '\(type)'"
                    + Suggestion.hintOrList(for: type, among: Self.actionKeys.keys.sorted()))
            return nil
        }
    }

    private func sendAction(_ f: Fields) -> Action? {
        let template = text(f, "template", required: true, what: "a send action")
        guard let channelName = text(f, "channel", required: true, what: "a send action") else { return nil }
        guard let channel = ChannelChoice(parsing: channelName) else {
            errorAt(
                f, "channel",
                "unknown channel '\(channelName)'" + Self.channelHint(channelName, allowBest: true))
            return nil
        }
        return template.map { .send(SendAction(channel: channel, template: $0)) }
    }

    /// A webhook call: retries 3, backoff 1m and failure rate 0 unless given; the rate in 0...1.
    private func webhookAction(_ f: Fields) -> Action? {
        let url = text(f, "url", required: true, what: "a webhook action")
        let retries = integer(f, "retries", minimum: 0)
        let backoff = duration(f, "backoff")
        let rate = number(f, "failure_rate")
        if let rate, !(0...1).contains(rate) {
            errorAt(f, "failure_rate", "'failure_rate' must be between 0 and 1, found \(Value.format(rate))")
            return nil
        }
        guard let url else { return nil }
        return .webhook(
            WebhookAction(
                url: url, retries: retries ?? 3, backoff: backoff ?? .minutes(1), failureRate: rate ?? 0))
    }

}
