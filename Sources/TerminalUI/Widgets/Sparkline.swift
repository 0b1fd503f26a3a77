/// A one-row trend: the most recent values that fit, one cell each.
public struct Sparkline: Widget {
    public var values: [Double]
    public var role: ThemeRole

    public init(_ values: [Double], role: ThemeRole = .chart) {
        self.values = values
        self.role = role
    }

    public func render(in area: Rect, frame: inout Frame) {
        guard !area.isEmpty, !values.isEmpty else { return }
        let shown = values.suffix(area.width)
        let low = min(0, shown.min() ?? 0)
        let high = shown.max() ?? 0
        let span = high > low ? high - low : 1
        let steps = frame.glyphs.verticalSteps
        var text = ""
        for value in shown {
            let level = Int(((value - low) / span * Double(steps.count - 1)).rounded())
            text += steps[min(max(0, level), steps.count - 1)]
        }
        frame.buffer.write(text, x: area.x, y: area.y, style: frame.theme[role], clip: area)
    }
}
