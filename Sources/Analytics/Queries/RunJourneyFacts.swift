import GRDB
import JourneyModel

/// What a report takes from the journey version a run replayed: each node's label, the order a
/// lead meets the nodes in (flow order), and whether the journey measures conversions.
public struct RunJourneyFacts: Sendable, Hashable {
    public var labels: [String: String]
    /// Node ids in flow order (`JourneyGraph.flowOrder`: each branch to its end, merges after).
    public var flowOrder: [String]
    public var hasGoal: Bool
    public var kinds: [String: NodeKind]

    public init(
        labels: [String: String] = [:], flowOrder: [String] = [], hasGoal: Bool = true,
        kinds: [String: NodeKind] = [:]
    ) {
        self.labels = labels
        self.kinds = kinds
        self.flowOrder = flowOrder
        self.hasGoal = hasGoal
    }

    public init(_ journey: Journey) {
        var labels = [Journey.entryID: "Entry"]
        for node in journey.nodes { labels[node.id] = node.label ?? node.id }
        self.init(
            labels: labels, flowOrder: JourneyGraph(journey).flowOrder(),
            hasGoal: journey.goal != nil || journey.nodes.contains { $0.kind == .goal },
            kinds: Dictionary(journey.nodes.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
        )
    }

    /// The node's label; its id when the journey gives none (or no longer has the node).
    public func label(_ node: String) -> String { labels[node] ?? node }

    /// `rows` sorted by their node's place in the flow (the entry first, unknown nodes last by id).
    public func inFlowOrder<Row>(_ rows: [Row], node: (Row) -> String) -> [Row] {
        var rank = [Journey.entryID: -1]
        for (index, id) in flowOrder.enumerated() where rank[id] == nil { rank[id] = index }
        let last = flowOrder.count
        return rows.enumerated().sorted { a, b in
            let (x, y) = (node(a.element), node(b.element))
            let (rx, ry) = (rank[x] ?? last, rank[y] ?? last)
            if rx != ry { return rx < ry }
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
    }

    /// The facts of run `run`'s journey version; with no readable version (it cannot happen in a
    /// workspace Cairn wrote), ids stand for labels and the journey is taken to have a goal.
    static func fetch(_ db: Database, run: Int64) throws -> RunJourneyFacts {
        try journey(db, run: run).map(RunJourneyFacts.init) ?? RunJourneyFacts()
    }

    /// The journey version run `run` replayed, read from its YAML (nil when it cannot be read).
    static func journey(_ db: Database, run: Int64) throws -> Journey? {
        let yaml = try String.fetchOne(
            db,
            sql: """
                SELECT v.yaml FROM runs r
                JOIN journey_versions v ON v.workflow_id = r.workflow_id AND v.version = r.journey_version
                WHERE r.id = ?
                """, arguments: [run])
        return yaml.flatMap { JourneyReader.read($0, file: "run \(run)").journey }
    }
}
