import ReplayEngine

/// Durations counted into buckets a person reads at a glance: minutes, hours, days.
public struct DurationHistogram: Sendable, Hashable, Codable {
    public struct Bucket: Sendable, Hashable, Codable {
        /// `< 1m`, `1m–5m`, ..., `≥ 30d`.
        public var label: String
        /// Inclusive lower bound in seconds.
        public var from: Int
        /// Exclusive upper bound in seconds; nil for the last bucket.
        public var to: Int?
        public var count: Int
    }

    public var buckets: [Bucket]

    /// Bucket edges in seconds: 1m, 5m, 15m, 1h, 6h, 1d, 2d, 7d, 30d.
    public static let edges = [60, 300, 900, 3600, 21_600, 86_400, 172_800, 604_800, 2_592_000]

    public init(seconds: [Int]) {
        var counts = [Int](repeating: 0, count: Self.edges.count + 1)
        for value in seconds { counts[Self.bucket(of: Int64(value))] += 1 }
        buckets = counts.indices.map { i in
            let from = i == 0 ? 0 : Self.edges[i - 1]
            let to = i < Self.edges.count ? Self.edges[i] : nil
            let label: String
            switch (i, to) {
            case (0, let to?): label = "< \(Self.short(to))"
            case (_, let to?): label = "\(Self.short(from))–\(Self.short(to))"
            case (_, nil): label = "≥ \(Self.short(from))"
            }
            return Bucket(label: label, from: from, to: to, count: counts[i])
        }
    }

    /// The index of the bucket holding `seconds`.
    static func bucket(of seconds: Int64) -> Int {
        edges.firstIndex { seconds < Int64($0) } ?? edges.count
    }

    /// Counts per bucket of a tally's durations, as `run_node_summary.dwell_histogram` stores them.
    static func counts(_ tally: DurationTally) -> [Int] {
        var counts = [Int](repeating: 0, count: edges.count + 1)
        for (value, n) in tally.counts { counts[bucket(of: value)] += n }
        return counts
    }

    /// `5m`, `6h`, `2d`.
    public static func short(_ seconds: Int) -> String {
        if seconds % 86_400 == 0 { return "\(seconds / 86_400)d" }
        if seconds % 3600 == 0 { return "\(seconds / 3600)h" }
        if seconds % 60 == 0 { return "\(seconds / 60)m" }
        return "\(seconds)s"
    }
}
