import Analytics

/// What a run (or a replay in progress) puts on the canvas: leads arriving at each node,
/// leads converting after passing through it, and leads taking each edge.
struct RunCounts: Sendable, Hashable {
    struct Edge: Sendable, Hashable {
        var from: String
        var to: String
    }

    /// Arrivals by node id (`entry` for entries).
    var arrivals: [String: Int] = [:]
    /// Conversions by node id: where they happened (a stored run's `run_node_summary`); `entry`
    /// holds every conversion of the run.
    var conversions: [String: Int] = [:]
    /// Leads taking each edge.
    var edges: [Edge: Int] = [:]

    /// The share of the leads leaving `edge.from` that took `edge`, or `nil` if none left it.
    func share(of edge: Edge) -> Double? {
        let leaving = edges.filter { $0.key.from == edge.from }.values.reduce(0, +)
        guard leaving > 0 else { return nil }
        return Double(edges[edge] ?? 0) / Double(leaving)
    }
}

extension RunCounts {
    /// A stored run's counts, from its summaries.
    init(_ stored: RunNodeCounts) {
        arrivals = stored.arrivals
        conversions = stored.conversions
        for edge in stored.edges { edges[Edge(from: edge.from, to: edge.to), default: 0] += edge.leads }
    }
}
