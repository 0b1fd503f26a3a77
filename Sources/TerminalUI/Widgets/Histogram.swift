/// Counts of values falling in consecutive ranges.
public struct HistogramBin: Hashable, Sendable {
    public var lowerBound: Double
    public var upperBound: Double
    public var count: Int

    public init(lowerBound: Double, upperBound: Double, count: Int) {
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.count = count
    }
}

/// A vertical bar per bin, labelled with each bin's lower bound.
public struct Histogram: Widget {
    public var bins: [HistogramBin]
    public var role: ThemeRole

    public init(bins: [HistogramBin], role: ThemeRole = .chart) {
        self.bins = bins
        self.role = role
    }

    /// Splits values into `count` equal-width bins between their minimum and maximum.
    public static func bins(of values: [Double], count: Int) -> [HistogramBin] {
        guard count > 0, let low = values.min(), let high = values.max() else { return [] }
        let width = high > low ? (high - low) / Double(count) : 1
        var counts = Array(repeating: 0, count: count)
        for value in values {
            let index = min(count - 1, Int((value - low) / width))
            counts[index] += 1
        }
        return counts.enumerated().map { index, n in
            HistogramBin(
                lowerBound: low + Double(index) * width, upperBound: low + Double(index + 1) * width, count: n
            )
        }
    }

    public func render(in area: Rect, frame: inout Frame) {
        let bars = bins.map { Bar(NumberFormat.compact($0.lowerBound), value: Double($0.count), role: role) }
        BarChart(bars, orientation: .vertical).render(in: area, frame: &frame)
    }
}
