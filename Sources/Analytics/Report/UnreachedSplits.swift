import JourneyModel

/// What a report says of a journey's splits that no lead reached in the run (the A/B panel and
/// `cairn report`'s A/B section): that the split exists, was not reached, and where the leads went
/// instead (the reached nodes whose ways towards it nobody took).
public enum UnreachedSplits {
    /// One sentence per split of `journey` that has no assignment in the run (`assigned`: the
    /// split nodes with one), in flow order; `arrivals` are the run's first visits per node.
    public static func notes(in journey: Journey, assigned: Set<String>, arrivals: [String: Int]) -> [String]
    {
        JourneyGraph(journey).flowOrder().compactMap { id in
            guard let node = journey.node(id), case .split = node.body, !assigned.contains(id) else {
                return nil
            }
            return note(for: id, in: journey, arrivals: arrivals)
        }
    }

    /// "Split offer-test was not reached: no lead went from by-region to west-coast, northeast or texas."
    public static func note(for split: String, in journey: Journey, arrivals: [String: Int]) -> String {
        let stops = blockingEdges(to: split, in: journey, arrivals: arrivals)
        let head = "Split \(split) was not reached: no lead arrived at it"
        guard !stops.isEmpty else { return head + "." }
        let reasons = stops.map { from, targets in
            "from \(from == Journey.entryID ? "the entry" : from) to \(list(targets))"
        }
        return head + "; no lead went " + reasons.joined(separator: ", nor ") + "."
    }

    /// Walking back from `split` through nodes nobody reached: each reached node with an edge
    /// into them, and the unreached targets of those edges.
    static func blockingEdges(to split: String, in journey: Journey, arrivals: [String: Int])
        -> [(from: String, targets: [String])]
    {
        var predecessors: [String: [String]] = [:]
        predecessors[journey.entry.next, default: []].append(Journey.entryID)
        for node in journey.nodes {
            for edge in node.edges { predecessors[edge.target, default: []].append(node.id) }
        }
        var unreached: Set<String> = [split]
        var queue = [split]
        var stops: [String: [String]] = [:]
        while let node = queue.popLast() {
            for from in predecessors[node] ?? [] {
                if (arrivals[from] ?? 0) > 0 {
                    if !(stops[from]?.contains(node) ?? false) { stops[from, default: []].append(node) }
                } else if !unreached.contains(from) {
                    unreached.insert(from)
                    queue.append(from)
                }
            }
        }
        let order = [Journey.entryID] + journey.nodes.map(\.id)
        return order.compactMap { id in
            stops[id].map { targets in (id, order.filter { targets.contains($0) }) }
        }
    }

    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " or " + (items.last ?? "")
    }
}
