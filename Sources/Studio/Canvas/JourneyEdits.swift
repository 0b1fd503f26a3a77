import JourneyModel

/// A canvas edit that cannot be made, with what to do instead.
struct JourneyEditError: Error, Sendable, Hashable {
    var message: String
    init(_ message: String) { self.message = message }
}

/// One way out of a node (or the entry): which field holds it, what the canvas calls it, and
/// where it goes (`nil`: not connected yet).
struct EdgeSlot: Sendable, Hashable {
    enum Field: Sendable, Hashable {
        case entryNext, next, timeout, otherwise
        case branch(Int)
        case path(Int)
    }

    var field: Field
    var label: String
    var target: String?
}

/// The structural edits of the canvas, as pure functions from a journey to a journey, so each
/// is one undoable step and testable without a screen. The validator judges the result; these
/// only refuse what cannot be expressed at all.
enum JourneyEdits {
    /// The ways out of `id`, connected or not, in file order.
    static func slots(of id: String, in journey: Journey) -> [EdgeSlot] {
        if id == Journey.entryID {
            return [EdgeSlot(field: .entryNext, label: "", target: journey.entry.next)]
        }
        guard let node = journey.node(id) else { return [] }
        switch node.body {
        case .decision(let decision):
            let labels = node.edges.map(\.label)
            var slots = decision.branches.enumerated().map { index, branch in
                EdgeSlot(field: .branch(index), label: labels[index], target: branch.next)
            }
            slots.append(
                EdgeSlot(
                    field: .otherwise, label: decision.branches.count == 1 ? "no" : "else",
                    target: decision.otherwise))
            return slots
        case .split(let split):
            return split.paths.enumerated().map { index, path in
                EdgeSlot(field: .path(index), label: "\(path.name) \(path.weight)%", target: path.next)
            }
        case .wait(let wait):
            if case .event = wait.condition {
                return [
                    EdgeSlot(field: .next, label: "event", target: wait.next),
                    EdgeSlot(field: .timeout, label: "timeout", target: wait.timeoutNext),
                ]
            }
            return [EdgeSlot(field: .next, label: "", target: wait.next)]
        case .action(let action):
            return [EdgeSlot(field: .next, label: "", target: action.next)]
        case .goal, .exit:
            return []
        }
    }

    /// Points `field` of `id` at `target`; `nil` disconnects it (a decision branch or a split
    /// path goes away with its edge).
    static func setting(_ field: EdgeSlot.Field, of id: String, to target: String?, in journey: Journey)
        throws(JourneyEditError) -> Journey
    {
        var journey = journey
        if id == Journey.entryID {
            guard let target else {
                throw JourneyEditError("the entry must lead somewhere: connect it to another node instead")
            }
            journey.entry.next = target
            return journey
        }
        guard let index = journey.nodes.firstIndex(where: { $0.id == id }) else {
            throw JourneyEditError("there is no node \(id)")
        }
        var body = journey.nodes[index].body
        switch (body, field) {
        case (.decision(var decision), .branch(let branch)) where decision.branches.indices.contains(branch):
            if let target {
                decision.branches[branch].next = target
            } else {
                decision.branches.remove(at: branch)
            }
            body = .decision(decision)
        case (.decision(var decision), .otherwise):
            decision.otherwise = target
            body = .decision(decision)
        case (.split(var split), .path(let path)) where split.paths.indices.contains(path):
            if let target { split.paths[path].next = target } else { split.paths.remove(at: path) }
            body = .split(split)
        case (.wait(var wait), .next):
            wait.next = target
            body = .wait(wait)
        case (.wait(var wait), .timeout):
            wait.timeoutNext = target
            body = .wait(wait)
        case (.action(var action), .next):
            action.next = target
            body = .action(action)
        default:
            throw JourneyEditError("\(id) has no such way out")
        }
        journey.nodes[index].body = body
        return journey
    }

    /// A fresh id for a new node of `kind`: `wait-4` when the journey has three waits.
    static func freshID(_ kind: NodeKind, in journey: Journey) -> String {
        let taken = Set(journey.nodes.map(\.id) + [Journey.entryID])
        var number = journey.nodes.filter { $0.kind == kind }.count + 1
        while taken.contains("\(kind.rawValue)-\(number)") { number += 1 }
        return "\(kind.rawValue)-\(number)"
    }

    /// A sensible body to start from, leading on to `next`.
    static func defaultBody(_ kind: NodeKind, next: String?) throws(JourneyEditError) -> NodeBody {
        switch kind {
        case .decision:
            guard let next else { throw JourneyEditError("a decision needs somewhere to go: connect first") }
            let opened = Condition.leaf(ConditionLeaf(type: .behavior, field: "email.opened", op: .exists))
            return .decision(
                Decision(branches: [DecisionBranch(condition: opened, next: next)], otherwise: next))
        case .split:
            guard let next else { throw JourneyEditError("a split needs somewhere to go: connect first") }
            return .split(
                Split(paths: [
                    SplitPath(name: "a", weight: 50, next: next),
                    SplitPath(name: "b", weight: 50, next: next),
                ]))
        case .wait: return .wait(Wait(condition: .duration(.days(1)), next: next))
        case .action:
            return .action(
                ActionStep(
                    action: .send(SendAction(channel: .fixed(.email), template: "new-message")), next: next))
        case .goal: return .goal(GoalStep())
        case .exit: return .exit(ExitStep())
        case .entry: throw JourneyEditError("a journey has one entry")
        }
    }

    /// A new node of `kind` on the way out `field` of `from`: from → new → the old target.
    /// Returns the journey and the new node's id.
    static func insert(_ kind: NodeKind, on field: EdgeSlot.Field, of from: String, in journey: Journey)
        throws(JourneyEditError) -> (Journey, String)
    {
        let old = slots(of: from, in: journey).first { $0.field == field }?.target
        let id = freshID(kind, in: journey)
        var edited = journey
        edited.nodes.append(JourneyNode(id: id, body: try defaultBody(kind, next: old)))
        edited = try setting(field, of: from, to: id, in: edited)
        return (edited, id)
    }

    /// Connects `from` to `to` through its first free way out; a split gets a new path of
    /// weight 0 (the validator then asks for the weights).
    static func connect(_ from: String, to: String, in journey: Journey) throws(JourneyEditError) -> Journey {
        if let free = slots(of: from, in: journey).first(where: { $0.target == nil }) {
            return try setting(free.field, of: from, to: to, in: journey)
        }
        if let index = journey.nodes.firstIndex(where: { $0.id == from }),
            case .split(var split) = journey.nodes[index].body
        {
            let names = Set(split.paths.map(\.name))
            let name = "abcdefghijklmnopqrstuvwxyz".map(String.init).first { !names.contains($0) } ?? "path"
            split.paths.append(SplitPath(name: name, weight: 0, next: to))
            var edited = journey
            edited.nodes[index].body = .split(split)
            return edited
        }
        if slots(of: from, in: journey).isEmpty {
            throw JourneyEditError("\(from) ends the journey: it has no way out")
        }
        throw JourneyEditError("every way out of \(from) is taken: disconnect one first")
    }

    /// Removes node `id`. What led to it goes on to its one successor if it has exactly one;
    /// otherwise those ways out are disconnected.
    static func delete(_ id: String, in journey: Journey) throws(JourneyEditError) -> Journey {
        guard id != Journey.entryID else { throw JourneyEditError("the entry cannot be deleted") }
        let successors = Set(slots(of: id, in: journey).compactMap(\.target)).subtracting([id])
        let replacement = successors.count == 1 ? successors.first : nil
        var edited = journey
        edited.nodes.removeAll { $0.id == id }
        return try redirect(
            into: id, to: replacement, from: [Journey.entryID] + edited.nodes.map(\.id), in: edited)
    }

    /// Detaches `id` from the nodes outside its own branch and attaches it to `parent`'s first free
    /// way out: the branch from `id` on moves with it.
    static func moveBranch(_ id: String, under parent: String, in journey: Journey) throws(JourneyEditError)
        -> Journey
    {
        let branch = descendants(of: id, in: journey)
        guard id != Journey.entryID else { throw JourneyEditError("the entry cannot move") }
        guard !branch.contains(parent) else {
            throw JourneyEditError("\(parent) is inside the branch being moved")
        }
        let outside = ([Journey.entryID] + journey.nodes.map(\.id)).filter { !branch.contains($0) }
        let detached = try redirect(into: id, to: nil, from: outside, in: journey)
        return try connect(parent, to: id, in: detached)
    }

    /// `id` and every node reachable from it.
    static func descendants(of id: String, in journey: Journey) -> Set<String> {
        var seen: Set<String> = [id]
        var stack = [id]
        while let next = stack.popLast() {
            for slot in slots(of: next, in: journey) {
                if let target = slot.target, seen.insert(target).inserted { stack.append(target) }
            }
        }
        return seen
    }

    /// Points every way out of `sources` that leads to `id` at `replacement` (or disconnects it).
    private static func redirect(
        into id: String, to replacement: String?, from sources: [String], in journey: Journey
    )
        throws(JourneyEditError) -> Journey
    {
        var edited = journey
        for source in sources {
            // Backwards, so removing a branch or a path leaves the earlier indices valid.
            for slot in slots(of: source, in: edited).reversed() where slot.target == id {
                if source == Journey.entryID, replacement == nil {
                    throw JourneyEditError("the entry leads to \(id): connect the entry elsewhere first")
                }
                edited = try setting(slot.field, of: source, to: replacement, in: edited)
            }
        }
        return edited
    }
}
