/// How long a lead can spend waiting on its way through the journey, at most: what a replay of
/// recorded history adds after the last recorded event, so that a lead let in then can still
/// wait out every wait on its path.
extension Journey {
    /// The longest run of waits along any path from the entry: the sum of the waits a lead
    /// meets, each wait counted at its longest (a duration wait's duration, an event wait's
    /// timeout, 7 days for a time-window wait) and each node at most once, so a loop is walked
    /// once. Zero for a journey without waits.
    public var longestWait: JourneyDuration {
        var byID: [String: JourneyNode] = [:]
        for node in nodes where byID[node.id] == nil { byID[node.id] = node }
        var known: [String: Int] = [:]
        var onPath: Set<String> = []
        func longest(from id: String) -> Int {
            if let seconds = known[id] { return seconds }
            guard let node = byID[id], !onPath.contains(id) else { return 0 }
            onPath.insert(id)
            defer { onPath.remove(id) }
            var own = 0
            if case .wait(let wait) = node.body { own = Self.longest(wait.condition).seconds }
            let seconds = own + (node.edges.map { longest(from: $0.target) }.max() ?? 0)
            known[id] = seconds
            return seconds
        }
        return JourneyDuration(seconds: longest(from: entry.next))
    }

    /// A single wait at its longest: a duration wait's duration, an event wait's timeout, and 7
    /// days for a time-window wait (a window open on some weekday comes round within a week).
    public static func longest(_ condition: WaitCondition) -> JourneyDuration {
        switch condition {
        case .duration(let span): return span
        case .event(_, let timeout): return timeout
        case .window: return .days(7)
        }
    }
}
