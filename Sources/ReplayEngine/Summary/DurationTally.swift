/// Exact durations in whole seconds, in memory that grows with the number of *distinct* values,
/// not stays: replayed waits are mostly whole spans ("2d"), so a million stays take a few
/// entries. Percentiles are exact nearest-rank (see `Percentile`), as docs/analytics.md promises;
/// the run summaries store these figures.
public struct DurationTally: Sendable, Hashable {
    public private(set) var counts: [Int64: Int] = [:]
    public private(set) var count = 0
    public private(set) var total: Int64 = 0

    public init() {}

    public mutating func add(_ seconds: Int64) {
        counts[seconds, default: 0] += 1
        count += 1
        total += seconds
    }

    /// Adds another tally's durations to this one.
    mutating func merge(_ other: DurationTally) {
        for (seconds, times) in other.counts { counts[seconds, default: 0] += times }
        count += other.count
        total += other.total
    }

    public var min: Int64? { counts.keys.min() }
    public var max: Int64? { counts.keys.max() }
    public var mean: Double? { count == 0 ? nil : Double(total) / Double(count) }

    /// Durations of at most `seconds`.
    public func count(atMost seconds: Int64) -> Int {
        counts.filter { $0.key <= seconds }.values.reduce(0, +)
    }

    /// The p-th percentile (0...100), nearest rank: the value at rank ⌈p/100 × n⌉.
    public func percentile(_ p: Double) -> Int64? {
        guard count > 0 else { return nil }
        let rank = Percentile.rank(p, of: count)
        var seen = 0
        for value in counts.keys.sorted() {
            seen += counts[value] ?? 0
            if seen >= rank { return value }
        }
        return max
    }
}
