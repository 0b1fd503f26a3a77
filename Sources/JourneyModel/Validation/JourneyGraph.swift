/// The journey as a plain directed graph over node ids, with the entry as `Journey.entryID`.
/// Edges to unknown ids are dropped here; the validator reports them.
public struct JourneyGraph: Sendable {
    public let order: [String]
    public let successors: [String: [String]]

    public init(_ journey: Journey) {
        let known = Set(journey.nodes.map(\.id))
        var successors: [String: [String]] = [
            Journey.entryID: known.contains(journey.entry.next) ? [journey.entry.next] : []
        ]
        for node in journey.nodes where successors[node.id] == nil {
            successors[node.id] = node.edges.map(\.target).filter(known.contains)
        }
        self.order = [Journey.entryID] + journey.nodes.map(\.id)
        self.successors = successors
    }

    /// Ids reachable from the entry.
    public func reachable() -> Set<String> {
        var seen: Set<String> = [Journey.entryID]
        var stack = [Journey.entryID]
        while let id = stack.popLast() {
            for next in successors[id] ?? [] where seen.insert(next).inserted {
                stack.append(next)
            }
        }
        return seen
    }

    /// The nodes in the order a journey reads in, the one flow order every list that follows the
    /// flow uses (funnel, time in stage, A/B, the outline, the narrow canvas): from the entry,
    /// each node's ways out in their order (branches, then `else`; split paths as written), a
    /// branch read to its end before the next, and a node where ways meet after every way into
    /// it (reverse postorder of a depth-first walk; an edge back up a loop is not followed). Then
    /// the nodes the entry does not reach, in file order. The entry itself is not listed.
    public func flowOrder() -> [String] {
        var seen: Set<String> = [Journey.entryID]
        var finished: [String] = []
        var work: [(id: String, next: Int)] = [(Journey.entryID, 0)]
        while let (id, nextIndex) = work.last {
            // Ways out are walked last to first, so reversing the finishing order lists them first to last.
            let targets = Array((successors[id] ?? []).reversed())
            guard nextIndex < targets.count else {
                finished.append(id)
                work.removeLast()
                continue
            }
            work[work.count - 1].next += 1
            if seen.insert(targets[nextIndex]).inserted { work.append((targets[nextIndex], 0)) }
        }
        let reached = finished.reversed().dropFirst()
        return Array(reached) + order.dropFirst().filter { !seen.contains($0) }
    }

    /// Strongly connected components that form cycles (more than one node, or a self-loop),
    /// each listed in file order. Iterative Tarjan, so deep graphs cannot overflow the stack.
    public func cycles() -> [[String]] {
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        var index: [String: Int] = [:]
        var low: [String: Int] = [:]
        var onStack: Set<String> = []
        var stack: [String] = []
        var counter = 0
        var components: [[String]] = []

        for root in order where index[root] == nil {
            var work: [(id: String, next: Int)] = [(root, 0)]
            index[root] = counter
            low[root] = counter
            counter += 1
            stack.append(root)
            onStack.insert(root)
            while let (id, nextIndex) = work.last {
                let targets = successors[id] ?? []
                if nextIndex < targets.count {
                    work[work.count - 1].next += 1
                    let target = targets[nextIndex]
                    if index[target] == nil {
                        index[target] = counter
                        low[target] = counter
                        counter += 1
                        stack.append(target)
                        onStack.insert(target)
                        work.append((target, 0))
                    } else if onStack.contains(target) {
                        low[id] = min(low[id]!, index[target]!)
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.id { low[parent] = min(low[parent]!, low[id]!) }
                guard low[id] == index[id] else { continue }
                var component: [String] = []
                while let top = stack.popLast() {
                    onStack.remove(top)
                    component.append(top)
                    if top == id { break }
                }
                let isCycle = component.count > 1 || (successors[id] ?? []).contains(id)
                if isCycle { components.append(component.sorted { position[$0]! < position[$1]! }) }
            }
        }
        return components.sorted { position[$0[0]]! < position[$1[0]]! }
    }
}

extension Journey {
    /// The entry, then every node in flow order (`JourneyGraph.flowOrder`): the canvas outline
    /// and the narrow layout list the nodes this way.
    public var idsInFlowOrder: [String] { [Journey.entryID] + JourneyGraph(self).flowOrder() }
}
