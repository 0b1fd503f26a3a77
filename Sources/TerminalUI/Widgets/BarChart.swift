/// One bar: a label, a value, and optionally its own role (e.g. a node kind).
public struct Bar: Hashable, Sendable {
    public var label: String
    public var value: Double
    public var role: ThemeRole?
    /// Text shown for the value; defaults to the number.
    public var valueLabel: String?

    public init(_ label: String, value: Double, role: ThemeRole? = nil, valueLabel: String? = nil) {
        self.label = label
        self.value = value
        self.role = role
        self.valueLabel = valueLabel
    }

    var shownValue: String {
        valueLabel ?? NumberFormat.compact(value)
    }
}

/// Bars scaled to the largest value (or `maximum`), horizontal (funnels,
/// channels) or vertical (histograms), with eighth-cell precision.
public struct BarChart: Widget {
    public enum Orientation: Sendable {
        case horizontal, vertical
    }

    public var bars: [Bar]
    public var orientation: Orientation
    public var maximum: Double?

    public init(_ bars: [Bar], orientation: Orientation = .horizontal, maximum: Double? = nil) {
        self.bars = bars
        self.orientation = orientation
        self.maximum = maximum
    }

    private var scaleMaximum: Double {
        let largest = maximum ?? bars.map(\.value).max() ?? 0
        return largest > 0 ? largest : 1
    }

    public func render(in area: Rect, frame: inout Frame) {
        guard !area.isEmpty, !bars.isEmpty else { return }
        switch orientation {
        case .horizontal: renderHorizontal(in: area, frame: &frame)
        case .vertical: renderVertical(in: area, frame: &frame)
        }
    }

    private func renderHorizontal(in area: Rect, frame: inout Frame) {
        // Values are figures: they keep their whole width. Labels take what they need of the rest,
        // leaving the bars at least 8 columns (or a third of the width, if more).
        let valueWidth = min(bars.map { DisplayWidth.of($0.shownValue) }.max() ?? 0, area.width)
        let rest = max(0, area.width - valueWidth - 2)
        let labelWidth = min(
            bars.map { DisplayWidth.of($0.label) }.max() ?? 0, rest, max(area.width / 3, rest - 8))
        let barWidth = area.width - labelWidth - valueWidth - 2
        for (row, bar) in bars.prefix(area.height).enumerated() {
            let y = area.y + row
            let label = TextMeasure.fit(bar.label, width: labelWidth, ellipsis: frame.glyphs.ellipsis)
            frame.buffer.write(label, x: area.x, y: y, style: frame.theme[.text], clip: area)
            let eighths = Int((max(0, bar.value) / scaleMaximum * Double(max(0, barWidth) * 8)).rounded())
            let bodyText =
                String(repeating: frame.glyphs.full, count: eighths / 8)
                + (eighths % 8 > 0 ? frame.glyphs.horizontalSteps[eighths % 8 - 1] : "")
            let barStyle = frame.theme[bar.role ?? .chart]
            frame.buffer.write(bodyText, x: area.x + labelWidth + 1, y: y, style: barStyle, clip: area)
            let value = TextMeasure.fit(
                bar.shownValue, width: valueWidth, alignment: .trailing, ellipsis: frame.glyphs.ellipsis)
            frame.buffer.write(value, x: area.maxX - valueWidth, y: y, style: frame.theme[.muted], clip: area)
        }
    }

    private func renderVertical(in area: Rect, frame: inout Frame) {
        let plotHeight = area.height - 1  // the last row holds the labels
        guard plotHeight > 0 else { return }
        let columns = Layout.horizontal(bars.map { _ in .fill(1) }, spacing: bars.count > 1 ? 1 : 0).split(
            area)
        for (bar, column) in zip(bars, columns) where column.width > 0 {
            let eighths = Int((max(0, bar.value) / scaleMaximum * Double(plotHeight * 8)).rounded())
            let style = frame.theme[bar.role ?? .chart]
            for level in 0..<plotHeight {
                let filled = eighths - level * 8
                guard filled > 0 else { break }
                let glyph = filled >= 8 ? frame.glyphs.full : frame.glyphs.verticalSteps[filled - 1]
                let y = area.y + plotHeight - 1 - level
                frame.buffer.write(
                    String(repeating: glyph, count: column.width), x: column.x, y: y, style: style, clip: area
                )
            }
            let label = TextMeasure.fit(
                bar.label, width: column.width, alignment: .center, ellipsis: frame.glyphs.ellipsis)
            frame.buffer.write(label, x: column.x, y: area.maxY - 1, style: frame.theme[.muted], clip: area)
        }
    }
}

/// Short number formatting shared by charts and progress: 1234 → "1.2k".
public enum NumberFormat {
    public static func compact(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1_000_000 { return trimmed(value / 1_000_000) + "M" }
        if magnitude >= 10_000 { return String(Int((value / 1000).rounded())) + "k" }
        if magnitude >= 1000 { return trimmed(value / 1000) + "k" }
        if value == value.rounded() { return String(Int(value)) }
        return trimmed(value)
    }

    /// One decimal, dropping a trailing ".0".
    public static func trimmed(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let whole = abs(tenths) / 10
        let fraction = abs(tenths) % 10
        return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    /// Seconds as `m:ss` or `h:mm:ss`.
    public static func duration(_ seconds: Double) -> String {
        let total = max(0, Int(seconds.rounded()))
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return hours > 0 ? "\(hours):\(two(minutes)):\(two(secs))" : "\(minutes):\(two(secs))"
    }
}
