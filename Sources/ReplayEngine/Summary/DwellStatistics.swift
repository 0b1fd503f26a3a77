/// Durations in constant memory: count, total, extremes and a histogram on fixed bounds, so a
/// million stays cost the same as ten. Percentiles are read from the histogram (the upper
/// bound of the bucket holding the rank, clamped to the maximum).
public struct DwellStatistics: Sendable, Hashable {
    public private(set) var count = 0
    public private(set) var totalSeconds: Double = 0
    public private(set) var minSeconds: Double?
    public private(set) var maxSeconds: Double?
    /// Counts per bucket; bucket i holds durations <= `bucketBounds[i]`, the last the rest.
    public private(set) var buckets: [Int] = Array(
        repeating: 0, count: DwellStatistics.bucketBounds.count + 1)

    public init() {}

    /// 0s, 30s, 1m, 5m, 15m, 30m, 1h, 2h, 6h, 12h, 1d, 2d, 3d, 5d, 7d, 14d, 30d, 60d, 90d.
    public static let bucketBounds: [Double] = [
        0, 30, 60, 300, 900, 1800, 3600, 7200, 21_600, 43_200, 86_400, 172_800, 259_200, 432_000, 604_800,
        1_209_600, 2_592_000, 5_184_000, 7_776_000,
    ]

    public mutating func add(_ seconds: Double) {
        count += 1
        totalSeconds += seconds
        minSeconds = Swift.min(minSeconds ?? seconds, seconds)
        maxSeconds = Swift.max(maxSeconds ?? seconds, seconds)
        let index = Self.bucketBounds.firstIndex { seconds <= $0 } ?? Self.bucketBounds.count
        buckets[index] += 1
    }

    public var mean: Double? { count == 0 ? nil : totalSeconds / Double(count) }

    /// Durations of at most `seconds`, when `seconds` is one of the bucket bounds.
    public func count(atMost seconds: Double) -> Int? {
        guard let index = Self.bucketBounds.firstIndex(of: seconds) else { return nil }
        return buckets[...index].reduce(0, +)
    }

    /// The p-th percentile (0...1) by the nearest-rank method over the histogram.
    public func percentile(_ p: Double) -> Double? {
        guard count > 0, let maxSeconds else { return nil }
        let rank = Swift.max(1, Int((p * Double(count)).rounded(.up)))
        var seen = 0
        for (index, n) in buckets.enumerated() {
            seen += n
            if seen >= rank {
                return index < Self.bucketBounds.count
                    ? Swift.min(Self.bucketBounds[index], maxSeconds) : maxSeconds
            }
        }
        return maxSeconds
    }
}
