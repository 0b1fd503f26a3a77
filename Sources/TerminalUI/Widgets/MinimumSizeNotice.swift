/// What a program shows instead of its view when the terminal is too small:
/// a centred "needs at least W×H" rather than a broken layout.
public struct MinimumSizeNotice: Widget {
    public var minimum: Size

    public init(minimum: Size) {
        self.minimum = minimum
    }

    public func render(in area: Rect, frame: inout Frame) {
        let times = frame.glyphs.times
        let lines = [
            "needs at least \(minimum.width)\(times)\(minimum.height)",
            "now \(area.width)\(times)\(area.height)",
        ]
        let top = area.y + max(0, (area.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() where top + offset < area.maxY {
            let style = offset == 0 ? frame.theme[.warning] : frame.theme[.muted]
            let fitted = TextMeasure.fit(
                line, width: area.width, alignment: .center, ellipsis: frame.glyphs.ellipsis)
            frame.buffer.write(fitted, x: area.x, y: top + offset, style: style, clip: area)
        }
    }
}
