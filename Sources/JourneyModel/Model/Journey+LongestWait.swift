/// How long a lead can sit at one wait node, at most: what a replay of recorded history adds
/// after the last recorded event, so that a lead let in then can still wait its wait out.
extension Journey {
    /// The longest single wait of the journey: over its wait nodes, a duration wait's duration,
    /// an event wait's timeout, and 7 days for a time-window wait (a window open on some weekday
    /// comes round within a week). Zero for a journey without waits.
    public var longestWait: JourneyDuration {
        var longest = 0
        for node in nodes {
            guard case .wait(let wait) = node.body else { continue }
            longest = max(longest, Self.longest(wait.condition).seconds)
        }
        return JourneyDuration(seconds: longest)
    }

    public static func longest(_ condition: WaitCondition) -> JourneyDuration {
        switch condition {
        case .duration(let span): return span
        case .event(_, let timeout): return timeout
        case .window: return .days(7)
        }
    }
}
