import ReplayEngine
import Workspace

/// Count, mean, p50, p90, p99 and max of a set of durations in seconds (nearest rank).
public struct DwellSummary: Sendable, Hashable, Codable {
    public var count: Int
    public var mean: Double?
    public var p50: Int?
    public var p90: Int?
    public var p99: Int?
    public var max: Int?

    public init(seconds: [Int]) {
        let sorted = seconds.sorted()
        count = sorted.count
        mean = sorted.isEmpty ? nil : Double(sorted.reduce(0, +)) / Double(sorted.count)
        p50 = Percentile.nearestRank(sorted, 50)
        p90 = Percentile.nearestRank(sorted, 90)
        p99 = Percentile.nearestRank(sorted, 99)
        max = sorted.last
    }
}
