/// Exact durations in memory that grows with the number of *distinct* values, not stays:
/// replayed waits are mostly whole spans ("2d"), so a million stays take a few entries.
/// Percentiles are exact nearest-rank (see `Percentile`), as docs/analytics.md promises.
struct DurationTally {
    private(set) var counts: [Int64: Int] = [:]
    private(set) var count = 0
    private(set) var total: Int64 = 0

    mutating func add(_ seconds: Int64) {
        counts[seconds, default: 0] += 1
        count += 1
        total += seconds
    }

    var min: Int64? { counts.keys.min() }
    var max: Int64? { counts.keys.max() }

    /// Nearest rank: the value at rank ⌈p/100 × n⌉.
    func percentile(_ p: Double) -> Int64? {
        guard count > 0 else { return nil }
        let rank = Swift.min(Swift.max(Int((p / 100 * Double(count)).rounded(.up)), 1), count)
        var seen = 0
        for value in counts.keys.sorted() {
            seen += counts[value] ?? 0
            if seen >= rank { return value }
        }
        return max
    }

    /// Counts per bucket of `DurationHistogram.edges`, as the summary table stores them.
    var histogram: [Int] {
        var buckets = [Int](repeating: 0, count: DurationHistogram.edges.count + 1)
        for (value, n) in counts {
            let index =
                DurationHistogram.edges.firstIndex { value < Int64($0) } ?? DurationHistogram.edges.count
            buckets[index] += n
        }
        return buckets
    }
}
