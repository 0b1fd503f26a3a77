import JourneyModel

/// The order a journey reads in: from the entry, following each node's edges in turn (a
/// branch is read to its end before the next one), then any node nothing leads to, in file
/// order. The outline lists nodes this way, and the narrow layout stacks them this way.
enum FlowOrder {
    static func ids(_ journey: Journey) -> [String] {
        let known = Set(journey.nodes.map(\.id))
        var order: [String] = []
        var seen: Set<String> = []
        var stack = [Journey.entryID]
        while let id = stack.popLast() {
            guard seen.insert(id).inserted else { continue }
            order.append(id)
            let next = JourneyEdits.slots(of: id, in: journey).compactMap(\.target).filter {
                known.contains($0) && !seen.contains($0)
            }
            stack += next.reversed()
        }
        return order + journey.nodes.map(\.id).filter { !seen.contains($0) }
    }
}
