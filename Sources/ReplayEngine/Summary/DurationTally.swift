/// Exact durations in whole seconds, in memory that grows with the number of *distinct* values,
/// not stays: replayed waits are mostly whole spans ("2d"), so a million stays take a few
/// entries. Percentiles are exact nearest-rank (see `Percentile`), as docs/analytics.md promises;
/// the run summaries store these figures.
public struct DurationTally: Sendable, Hashable {
    /// How many durations of each length there were.
    public var counts: [Int64: Int] {
        var counts = others
        if zeros > 0 { counts[0, default: 0] += zeros }
        if repeats > 0 { counts[repeated, default: 0] += repeats }
        return counts
    }
    /// Durations of 0 s, counted apart: most stays (decisions, actions) leave in the second
    /// they came, and a count costs nothing where the dictionary hashes.
    private var zeros = 0
    /// The last other duration added, and how many times in a row, not yet in `others`: a
    /// node's stays mostly take the same time (a 2-day wait, two days), and need no hashing.
    private var repeated: Int64 = 0
    private var repeats = 0
    /// `counts` but for zeros and the latest repeats.
    private var others: [Int64: Int] = [:]
    public private(set) var count = 0
    public private(set) var total: Int64 = 0

    public init() {}

    public mutating func add(_ seconds: Int64) {
        if seconds == 0 {
            zeros += 1
        } else if seconds == repeated && repeats > 0 {
            repeats += 1
        } else {
            if repeats > 0 { others[repeated, default: 0] += repeats }
            repeated = seconds
            repeats = 1
        }
        count += 1
        total += seconds
    }

    /// Adds another tally's durations to this one.
    mutating func merge(_ other: DurationTally) {
        for (seconds, times) in other.counts where times > 0 {
            if seconds == 0 { zeros += times } else { others[seconds, default: 0] += times }
        }
        count += other.count
        total += other.total
    }

    /// Equal when they hold the same durations, however they were added.
    public static func == (a: DurationTally, b: DurationTally) -> Bool {
        a.count == b.count && a.total == b.total && a.counts == b.counts
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(counts)
        hasher.combine(count)
        hasher.combine(total)
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
        let counts = counts
        var seen = 0
        for value in counts.keys.sorted() {
            seen += counts[value] ?? 0
            if seen >= rank { return value }
        }
        return max
    }
}
