import Analytics
import JourneyModel
import Workspace

/// What the A/B panel says of a journey's splits that no lead reached in the run: that the
/// split exists, was not reached, and where the leads went instead (the reached nodes whose
/// ways towards it nobody took).
enum UnreachedSplits {
    /// One sentence per split of the run's journey version that has no assignment in the run.
    static func notes(_ workspace: Workspace, report: RunReport) -> [String] {
        let assigned = Set(report.splits.map(\.node))
        guard
            let journey = try? workspace.journeyToReplay(report.run.journey, version: report.run.version)
                .journey,
            let counts = try? RunNodeCounts.load(workspace, run: report.run.id)
        else { return [] }
        return journey.nodes.compactMap { node in
            guard case .split = node.body, !assigned.contains(node.id) else { return nil }
            return note(for: node.id, in: journey, arrivals: counts.arrivals)
        }
    }

    /// "Split offer-test was not reached: no lead went from by-region to west-coast, northeast or texas."
    static func note(for split: String, in journey: Journey, arrivals: [String: Int]) -> String {
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
