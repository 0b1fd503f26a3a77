import JourneyModel

/// The journey resolved once for the hot loop: every node id the engine can put a lead at has
/// an integer index, and every node its successors as indexes, so a step never hashes an id.
///
/// Indexes: the journey's nodes in file order (the first of a repeated id wins, as
/// `Journey.node(_:)` reads it), then the ids edges name but no node has (a lead sent there
/// fails at its next step), then one index for any other id (a snapshot's node the journey
/// no longer has).
struct NodeTable {
    /// No successor: the path ends.
    static let none = -1

    let ids: [String]
    /// The node at each index; nil for an id no node has. By reference: a step reads its
    /// node's body without copying the node out of the table.
    let nodes: [TableNode?]
    /// Successors by slot: a decision's branches then its `otherwise`; a split's paths; a
    /// wait's `next` then its `timeoutNext`; an action's `next`. `none` where there is none.
    let successors: [[Int]]
    /// The index of the entry's `next`.
    let entryNext: Int
    /// What a send node's `sent` event (and the simulated responses to it) carry: its template
    /// and node id, built once rather than at every send. Empty for other nodes.
    let sendData: [[String: Value]]
    private let indexByID: [String: Int]

    init(journey: Journey) {
        var ids: [String] = []
        var indexByID: [String: Int] = [:]
        func intern(_ id: String) {
            guard indexByID[id] == nil else { return }
            indexByID[id] = ids.count
            ids.append(id)
        }
        for node in journey.nodes { intern(node.id) }
        let known = ids.count
        intern(journey.entry.next)
        for node in journey.nodes { for target in Self.targets(of: node.body) { target.map(intern) } }
        var nodes: [JourneyNode?] = Array(repeating: nil, count: ids.count + 1)
        for node in journey.nodes.reversed() { nodes[indexByID[node.id] ?? known] = node }
        ids.append("")
        self.ids = ids
        self.nodes = nodes.map { $0.map(TableNode.init) }
        self.indexByID = indexByID
        self.entryNext = indexByID[journey.entry.next] ?? known
        sendData = nodes.map { node in
            guard let node, case .action(let step) = node.body, case .send(let send) = step.action else {
                return [:]
            }
            return ["template": .string(send.template), "node": .string(node.id)]
        }
        successors = nodes.map { node in
            node.map { Self.targets(of: $0.body).map { $0.flatMap { indexByID[$0] } ?? Self.none } } ?? []
        }
    }

    /// Indexes in use: every id, and the one for ids the journey does not name.
    var count: Int { nodes.count }

    /// The index of `id`; ids the journey does not name share the last index.
    func index(of id: String) -> Int { indexByID[id] ?? nodes.count - 1 }

    /// The node's successor in `slot` (see `successors`).
    func successor(of index: Int, slot: Int) -> Int {
        let targets = successors[index]
        return slot < targets.count ? targets[slot] : Self.none
    }

    /// A node's targets by slot, as `successors` orders them.
    private static func targets(of body: NodeBody) -> [String?] {
        switch body {
        case .decision(let decision): return decision.branches.map { $0.next } + [decision.otherwise]
        case .split(let split): return split.paths.map { $0.next }
        case .wait(let wait): return [wait.next, wait.timeoutNext]
        case .action(let step): return [step.next]
        case .goal, .exit: return []
        }
    }
}

extension NodeTable {
    /// Whether the journey names `id` (as a node or an edge's target).
    func names(_ id: String) -> Bool { indexByID[id] != nil }

    /// Whether `index` stands for one id (not the one shared by ids the journey does not name).
    func names(_ index: Int) -> Bool { index < ids.count - 1 }

    /// `index` as a stay's node number (`NodeStay.nodeNumber`): unnumbered for the index shared
    /// by ids the journey does not name.
    func number(of index: Int) -> Int { names(index) ? index : NodeStay.unnumbered }
}

/// A journey node held by `NodeTable`, its parts read in place: a step hands the node on by
/// reference, never copying the node (its id, label and body) per step. The body's payload is
/// stored apart by kind: switching over a `NodeBody` copies the case's payload out (an
/// outlined copy over every case, at every step), where a stored property is read in place.
final class TableNode {
    let id: String
    let label: String?
    let kind: NodeKind
    /// The payload of `kind`'s case; nil for every other kind.
    let decision: Decision?
    let split: Split?
    let wait: Wait?
    let action: ActionStep?
    let goal: GoalStep?
    let exit: ExitStep?
    /// The hot parts of the commonest steps, read without copying their whole step: a send
    /// node's send, a duration wait's length in seconds.
    let send: SendAction?
    let waitSeconds: Int?

    init(_ node: JourneyNode) {
        id = node.id
        label = node.label
        kind = node.body.kind
        if case .decision(let decision) = node.body { self.decision = decision } else { decision = nil }
        if case .split(let split) = node.body { self.split = split } else { split = nil }
        if case .wait(let wait) = node.body { self.wait = wait } else { wait = nil }
        if case .action(let action) = node.body { self.action = action } else { action = nil }
        if case .goal(let goal) = node.body { self.goal = goal } else { goal = nil }
        if case .exit(let exit) = node.body { self.exit = exit } else { exit = nil }
        if case .action(let step) = node.body, case .send(let send) = step.action {
            self.send = send
        } else {
            send = nil
        }
        if case .wait(let wait) = node.body, case .duration(let span) = wait.condition {
            waitSeconds = span.seconds
        } else {
            waitSeconds = nil
        }
    }
}
