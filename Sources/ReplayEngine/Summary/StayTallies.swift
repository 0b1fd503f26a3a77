/// The node and edge tallies of stays the engine reports by node index (its `NodeTable`):
/// counted in arrays, turned into the summary's id-keyed tallies only when the summary is
/// read, so no stay hashes a node id or an edge.
struct StayTallies: Sendable {
    struct EdgeCount: Sendable {
        var to: Int
        var label: String
        var count: Int
    }

    /// The table's ids; the entry's edges are kept at index `ids.count`.
    let ids: [String]
    private var nodes: [NodeTally]
    /// Which nodes had a stay (only those have a tally in the summary).
    private var seen: [Bool]
    /// Edges by the index they leave; a node has few, searched in order.
    private var edges: [[EdgeCount]]

    init(ids: [String]) {
        self.ids = ids
        nodes = Array(repeating: NodeTally(), count: ids.count)
        seen = Array(repeating: false, count: ids.count)
        edges = Array(repeating: [], count: ids.count + 1)
    }

    var entryIndex: Int { ids.count }

    /// Counts a stay at `index` (its `visit`, its `dwell` when it ended), and its edge to
    /// `next` along `label` when it moved on.
    mutating func add(at index: Int, next: Int?, visit: Int, dwell: Int64?, label: String?) {
        seen[index] = true
        SummaryAggregator.countStay(visit: visit, dwell: dwell, into: &nodes[index])
        if let next { addEdge(from: index, to: next, label: label ?? "") }
    }

    mutating func addEdge(from index: Int, to next: Int, label: String) {
        for slot in edges[index].indices
        where edges[index][slot].to == next && edges[index][slot].label == label {
            edges[index][slot].count += 1
            return
        }
        edges[index].append(EdgeCount(to: next, label: label, count: 1))
    }

    /// The summary with these tallies added to its own.
    func folded(into summary: ReplaySummary, entryID: String) -> ReplaySummary {
        var summary = summary
        for (index, tally) in nodes.enumerated() where seen[index] {
            summary.nodes[ids[index], default: NodeTally()].merge(tally)
        }
        for (index, outgoing) in edges.enumerated() {
            let from = index == entryIndex ? entryID : ids[index]
            for edge in outgoing {
                summary.edges[EdgeKey(from: from, to: ids[edge.to], label: edge.label), default: 0] +=
                    edge.count
            }
        }
        return summary
    }
}

extension NodeTally {
    mutating func merge(_ other: NodeTally) {
        entered += other.entered
        exited += other.exited
        converted += other.converted
        waiting += other.waiting
        dwell.merge(other.dwell)
    }
}
