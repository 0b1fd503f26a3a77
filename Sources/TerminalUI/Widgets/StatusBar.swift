/// The bottom line: where you are on the left, the key hints that matter now,
/// and a note on the right. Hints that do not fit are dropped from the end,
/// never cut in half.
public struct StatusBar: Widget {
    public var leading: String
    public var hints: [KeyHint]
    public var trailing: String

    public init(leading: String = "", hints: [KeyHint], trailing: String = "") {
        self.leading = leading
        self.hints = hints
        self.trailing = trailing
    }

    public func render(in area: Rect, frame: inout Frame) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        let base = frame.theme[.statusBar]
        frame.buffer.fill(row, with: base)
        var x = row.x
        if !leading.isEmpty {
            x += frame.write(" \(leading) ", at: Point(x: x, y: row.y), style: base.adding(.bold), clip: row)
        }
        let trailingWidth = trailing.isEmpty ? 0 : DisplayWidth.of(trailing) + 2
        let limit = row.maxX - trailingWidth
        for hint in hints {
            let width = DisplayWidth.of(hint.keys) + DisplayWidth.of(hint.help) + 3
            guard x + width <= limit else { break }
            x += frame.buffer.write(
                " " + hint.keys, x: x, y: row.y, style: base.patched(with: frame.theme[.key]))
            x += frame.buffer.write(" \(hint.help) ", x: x, y: row.y, style: base)
        }
        if !trailing.isEmpty, trailingWidth <= row.width {
            frame.buffer.write(" \(trailing) ", x: row.maxX - trailingWidth, y: row.y, style: base, clip: row)
        }
    }
}
