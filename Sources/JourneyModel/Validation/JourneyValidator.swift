/// Checks what a journey means, beyond its shape: references, reachability, ways out,
/// cycles, decisions, split weights, and conditions whose operator does not fit the value.
/// Works on the model alone; with a source map, every diagnostic is located in the file.
public enum JourneyValidator {
    public static func validate(_ journey: Journey, sourceMap: SourceMap? = nil) -> [Diagnostic] {
        var check = Check(journey: journey, sourceMap: sourceMap)
        check.run()
        return check.diagnostics
    }

    private struct Check {
        let journey: Journey
        let sourceMap: SourceMap?
        var diagnostics: [Diagnostic] = []
        let ids: [String]

        init(journey: Journey, sourceMap: SourceMap?) {
            self.journey = journey
            self.sourceMap = sourceMap
            self.ids = journey.nodes.map(\.id)
        }

        mutating func report(
            _ severity: Diagnostic.Severity, _ message: String, _ path: String, node: String? = nil
        ) {
            diagnostics.append(Diagnostic(severity, message, at: sourceMap?.location(path), node: node))
        }

        mutating func run() {
            if journey.nodes.isEmpty {
                report(.error, "the journey has no nodes", "nodes")
                return
            }
            reference(journey.entry.next, key: "next", path: "entry.next", from: nil)
            for node in journey.nodes { checkNode(node) }
            checkConditions()
            checkPolicy()
            checkReachability()
            checkCycles()
        }

        mutating func reference(_ target: String, key: String, path: String, from node: String?) {
            guard !ids.contains(target) else { return }
            let hint = Suggestion.hint(for: target, among: ids)
            report(.error, "unknown node '\(target)' in '\(key)'\(hint)", path, node: node)
        }

        mutating func checkNode(_ node: JourneyNode) {
            let base = SourcePath.node(node.id)
            let id = node.id
            switch node.body {
            case .decision(let d):
                checkDecision(d, id: id, base: base)
            case .split(let s):
                checkSplit(s, id: id, base: base)
            case .wait(let w):
                checkWait(w, id: id, base: base)
            case .action(let a):
                if let next = a.next {
                    reference(next, key: "next", path: SourcePath.child(base, "next"), from: id)
                } else {
                    report(.error, noWayOut(id), base, node: id)
                }
            case .goal, .exit:
                break
            }
        }

        mutating func checkDecision(_ d: Decision, id: String, base: String) {
            for (i, branch) in d.branches.enumerated() {
                let b = SourcePath.item(SourcePath.child(base, "branches"), i)
                reference(branch.next, key: "then", path: SourcePath.child(b, "then"), from: id)
            }
            if let otherwise = d.otherwise {
                reference(otherwise, key: "else", path: SourcePath.child(base, "else"), from: id)
            } else {
                report(
                    .error, "decision '\(id)' has no 'else': leads matching no branch would be stuck", base,
                    node: id)
            }
        }

        mutating func checkSplit(_ s: Split, id: String, base: String) {
            let paths = SourcePath.child(base, "paths")
            for (i, path) in s.paths.enumerated() {
                reference(
                    path.next, key: "next", path: SourcePath.child(SourcePath.item(paths, i), "next"),
                    from: id)
            }
            let total = s.paths.map(\.weight).reduce(0, +) + (s.holdout ?? 0)
            if total != 100 {
                let parts = s.holdout.map { " (holdout \($0) included)" } ?? ""
                report(.error, "split '\(id)' weights add up to \(total)\(parts), not 100", paths, node: id)
            }
            var names: Set<String> = []
            for (i, path) in s.paths.enumerated() where !names.insert(path.name).inserted {
                report(
                    .error, "split '\(id)' has two paths named '\(path.name)'",
                    SourcePath.child(SourcePath.item(paths, i), "name"), node: id)
            }
        }

        mutating func checkWait(_ w: Wait, id: String, base: String) {
            if let next = w.next {
                reference(next, key: "next", path: SourcePath.child(base, "next"), from: id)
            }
            if let t = w.timeoutNext {
                reference(t, key: "on_timeout", path: SourcePath.child(base, "on_timeout"), from: id)
            }
            if w.next == nil, w.timeoutNext == nil {
                report(.error, noWayOut(id), base, node: id)
            } else if w.next == nil {
                report(
                    .error, "event wait '\(id)' has 'on_timeout' but no 'next' for when the event happens",
                    base, node: id)
            }
            if case .window(let window) = w.condition, window.from == window.to {
                report(
                    .error, "wait '\(id)' has an empty window (from equals to)",
                    SourcePath.child(base, "wait"),
                    node: id)
            }
        }

        func noWayOut(_ id: String) -> String {
            "node '\(id)' has no way out: give it 'next', or end the path with an exit or goal node"
        }

        mutating func checkConditions() {
            if case .condition(let c) = journey.entry.trigger {
                checkCondition(c, "entry.trigger.when", node: nil)
            }
            if let audience = journey.entry.audience { checkCondition(audience, "entry.audience", node: nil) }
            if let goal = journey.goal { checkCondition(goal.when, "goal.when", node: nil) }
            for (i, rule) in journey.policy.handoffRules.enumerated() {
                checkCondition(rule.when, "policy.handoff_rules[\(i)].when", node: nil)
            }
            for node in journey.nodes {
                guard case .decision(let d) = node.body else { continue }
                for (i, branch) in d.branches.enumerated() {
                    let path = SourcePath.child(
                        SourcePath.item(SourcePath.child(SourcePath.node(node.id), "branches"), i), "if")
                    checkCondition(branch.condition, path, node: node.id)
                }
            }
        }

        mutating func checkCondition(_ condition: Condition, _ path: String, node: String?) {
            switch condition {
            case .all(let items), .any(let items):
                let key = { if case .all = condition { return "all" } else { return "any" } }()
                for (i, item) in items.enumerated() {
                    checkCondition(item, SourcePath.item(SourcePath.child(path, key), i), node: node)
                }
            case .not(let inner):
                checkCondition(inner, SourcePath.child(path, "not"), node: node)
            case .leaf(let leaf):
                for problem in ConditionRules.problems(leaf) {
                    report(.error, problem.message, SourcePath.child(path, problem.key), node: node)
                }
            }
        }

        mutating func checkPolicy() {
            if let quiet = journey.policy.quietHours, quiet.from == quiet.to {
                report(.error, "quiet hours are empty (from equals to)", "policy.quiet_hours")
            }
        }

        mutating func checkReachability() {
            let reachable = JourneyGraph(journey).reachable()
            for node in journey.nodes where !reachable.contains(node.id) {
                report(
                    .warning, "node '\(node.id)' is unreachable from the entry", SourcePath.node(node.id),
                    node: node.id)
            }
        }

        mutating func checkCycles() {
            let waits = Set(journey.nodes.filter { $0.kind == .wait }.map(\.id))
            let graph = JourneyGraph(journey)
            for cycle in graph.cycles() where waits.isDisjoint(with: cycle) {
                let loop = Self.loop(through: cycle[0], within: Set(cycle), graph: graph)
                report(
                    .error,
                    "cycle \(loop.joined(separator: " → ")) contains no wait: a lead would loop without end",
                    SourcePath.node(cycle[0]), node: cycle[0])
            }
        }

        /// The shortest way round from `start` back to itself inside one component, for the message.
        static func loop(through start: String, within component: Set<String>, graph: JourneyGraph)
            -> [String]
        {
            var previous: [String: String] = [:]
            var queue = [start]
            var head = 0
            while head < queue.count {
                let id = queue[head]
                head += 1
                for next in graph.successors[id] ?? [] where component.contains(next) {
                    if next == start {
                        var path = [id]
                        while let p = previous[path[0]] { path.insert(p, at: 0) }
                        return path + [start]
                    }
                    if previous[next] == nil, next != start {
                        previous[next] = id
                        queue.append(next)
                    }
                }
            }
            return [start, start]
        }
    }
}
