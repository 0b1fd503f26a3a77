/// A one-line text field. Scrolls horizontally to keep the cursor visible and,
/// when focused, leaves the terminal cursor there. A selected (pre-filled) text is highlighted.
public struct TextInput: Widget {
    public var state: TextInputState
    public var placeholder: String
    public var focused: Bool

    public init(_ state: TextInputState, placeholder: String = "", focused: Bool = true) {
        self.state = state
        self.placeholder = placeholder
        self.focused = focused
    }

    public func render(in area: Rect, frame: inout Frame) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        let style = focused ? frame.theme[.input] : frame.theme[.input].patched(with: frame.theme[.muted])
        frame.buffer.fill(row, with: frame.buffer[row.x, row.y].style.patched(with: style))
        if state.characters.isEmpty {
            if !placeholder.isEmpty {
                frame.write(placeholder, at: row.origin, style: frame.theme[.muted], clip: row)
            }
            if focused { frame.cursor = row.origin }
            return
        }
        // Columns before the cursor; scroll so the cursor sits inside the field.
        let widths = state.characters.map { DisplayWidth.of($0) }
        let cursorColumn = widths.prefix(state.cursor).reduce(0, +)
        var skipColumns = max(0, cursorColumn - (row.width - 1))
        var startIndex = 0
        while skipColumns > 0 && startIndex < widths.count {
            skipColumns -= widths[startIndex]
            startIndex += 1
        }
        let visible = String(state.characters[startIndex...])
        // Selected (pre-filled) text is drawn highlighted: the first key typed replaces it.
        let textStyle = state.isSelected && focused ? style.patched(with: frame.theme[.selection]) : style
        frame.buffer.write(visible, x: row.x, y: row.y, style: textStyle, clip: row)
        if focused {
            let column = widths[startIndex..<state.cursor].reduce(0, +)
            frame.cursor = Point(x: min(row.maxX - 1, row.x + column), y: row.y)
        }
    }
}
