/// Percentiles by the nearest-rank method, used for every percentile Cairn reports:
/// the p-th percentile of n sorted values is the value at rank ⌈p/100 × n⌉ (1-based),
/// and the 0th is the smallest. It always returns an observed value, never an interpolation,
/// so "p90 = 3d" means at least 90% of leads took 3 days or less.
public enum Percentile {
    /// The p-th percentile (0...100) of values already sorted ascending; nil when empty.
    public static func nearestRank<T>(_ sorted: [T], _ p: Double) -> T? {
        guard !sorted.isEmpty else { return nil }
        return sorted[rank(p, of: sorted.count) - 1]
    }

    /// The 1-based rank of the p-th percentile (0...100) among `count` values (at least 1).
    public static func rank(_ p: Double, of count: Int) -> Int {
        min(max(Int((p / 100 * Double(count)).rounded(.up)), 1), count)
    }
}
