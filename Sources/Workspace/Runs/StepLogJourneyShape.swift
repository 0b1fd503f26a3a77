import GRDB
import JourneyModel
import ReplayEngine

/// What the step log leaves to the journey: the label of the edge a stay left by (a node
/// stay stores the next node, not the edge's name) and each split path's weight. Handed to the
/// summaries' SQL as small tables of bound values (`WITH edge_labels (...) AS (VALUES ...)`).
struct StepLogJourneyShape {
    /// A labelled edge: a stay at `node` that went to `next` (with `outcome`, when it says which
    /// edge) left by it. Unlabelled edges (actions, plain waits) are not listed.
    struct EdgeLabel {
        var node: String
        /// The stay's outcome this edge is taken with: a decision's branch label, a split's
        /// path, a wait's `event` or `timeout`; nil when any outcome goes.
        var outcome: String?
        var next: String
        var label: String
    }

    struct SplitPathWeight {
        var node: String
        var path: String
        var isHoldout: Bool
        var weight: Int
        /// Where the path leads; nil for the holdout, which leaves the journey.
        var next: String?
    }

    var entryNext: String
    /// In file order: where two edges of a node lead to the same node, the first is taken.
    var labels: [EdgeLabel] = []
    var splitPaths: [SplitPathWeight] = []

    init(journey: Journey) {
        entryNext = journey.entry.next
        for node in journey.nodes {
            switch node.body {
            case .decision:
                // A decision's stay records its branch's label as its outcome.
                labels += node.edges.map {
                    EdgeLabel(node: node.id, outcome: $0.label, next: $0.target, label: $0.label)
                }
            case .action, .goal, .exit:
                labels += node.edges.filter { !$0.label.isEmpty }.map {
                    EdgeLabel(node: node.id, outcome: nil, next: $0.target, label: $0.label)
                }
            case .split(let split):
                // The engine labels a split's edge with the path's name (the canvas adds the
                // weight), and its stay records the path as its outcome.
                labels += split.paths.map {
                    EdgeLabel(node: node.id, outcome: $0.name, next: $0.next, label: $0.name)
                }
                splitPaths += split.paths.map {
                    SplitPathWeight(
                        node: node.id, path: $0.name, isHoldout: false, weight: $0.weight, next: $0.next)
                }
                if let holdout = split.holdout {
                    splitPaths.append(
                        SplitPathWeight(
                            node: node.id, path: SplitAssignment.holdoutPath, isHoldout: true,
                            weight: holdout,
                            next: nil))
                }
            case .wait(let wait):
                // Only an event wait with `on_timeout` names its edges `event` and `timeout`.
                guard let timeoutNext = wait.timeoutNext else { continue }
                if let next = wait.next {
                    labels.append(EdgeLabel(node: node.id, outcome: "event", next: next, label: "event"))
                }
                labels.append(
                    EdgeLabel(node: node.id, outcome: "timeout", next: timeoutNext, label: "timeout"))
            }
        }
    }

    /// `edge_labels (node_id, outcome, next_node_id, label, ordinal) AS (...)`, for a WITH clause.
    var edgeLabelsTable: (sql: String, arguments: StatementArguments) {
        let rows = labels.enumerated().map { index, edge -> [(any DatabaseValueConvertible)?] in
            [edge.node, edge.outcome, edge.next, edge.label, index]
        }
        return Self.table(
            "edge_labels (node_id, outcome, next_node_id, label, ordinal)", rows: rows, width: 5)
    }

    /// `split_paths (node_id, path, is_holdout, weight, next_node_id, ordinal) AS (...)`, for a
    /// WITH clause.
    var splitPathsTable: (sql: String, arguments: StatementArguments) {
        let rows = splitPaths.enumerated().map { index, path -> [(any DatabaseValueConvertible)?] in
            [path.node, path.path, path.isHoldout, Double(path.weight), path.next, index]
        }
        return Self.table(
            "split_paths (node_id, path, is_holdout, weight, next_node_id, ordinal)", rows: rows, width: 6)
    }

    /// A common table of bound values; an empty one selects no row (VALUES cannot be empty).
    private static func table(_ name: String, rows: [[(any DatabaseValueConvertible)?]], width: Int)
        -> (sql: String, arguments: StatementArguments)
    {
        let marks = "(" + Array(repeating: "?", count: width).joined(separator: ", ") + ")"
        guard !rows.isEmpty else {
            let nulls = Array(repeating: "NULL", count: width).joined(separator: ", ")
            return ("\(name) AS (SELECT \(nulls) WHERE 0)", [])
        }
        let values = Array(repeating: marks, count: rows.count).joined(separator: ", ")
        return ("\(name) AS (VALUES \(values))", StatementArguments(rows.flatMap { $0 }))
    }
}
