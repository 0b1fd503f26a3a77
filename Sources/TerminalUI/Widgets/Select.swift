/// A choice among options, shown closed as `value ▾` and open as a list.
public struct SelectState: Hashable, Sendable {
    public var options: [String]
    public var selected: Int
    public var isOpen: Bool
    /// The option under the cursor while open (becomes `selected` on Enter).
    public var highlighted: Int

    public init(options: [String], selected: Int = 0) {
        self.options = options
        self.selected = min(max(0, selected), max(0, options.count - 1))
        self.isOpen = false
        self.highlighted = self.selected
    }

    public var value: String? {
        options.indices.contains(selected) ? options[selected] : nil
    }

    /// Enter/space opens and confirms, Esc closes without change, arrows move;
    /// closed, left/right cycle the value in place.
    public mutating func handle(_ key: Key) -> Bool {
        guard !options.isEmpty, key.modifiers.isEmpty else { return false }
        if isOpen {
            switch key.code {
            case .up, .character("k"): highlighted = max(0, highlighted - 1)
            case .down, .character("j"): highlighted = min(options.count - 1, highlighted + 1)
            case .enter, .character(" "):
                selected = highlighted
                isOpen = false
            case .escape:
                highlighted = selected
                isOpen = false
            default: return false
            }
            return true
        }
        switch key.code {
        case .enter, .character(" "):
            isOpen = true
            highlighted = selected
        case .left: selected = (selected + options.count - 1) % options.count
        case .right: selected = (selected + 1) % options.count
        default: return false
        }
        return true
    }
}

/// Draws a `SelectState`; when open, the option list drops down over what is
/// below (clipped to the frame), so draw it after its neighbours.
public struct Select: Widget {
    public var state: SelectState
    public var focused: Bool

    public init(_ state: SelectState, focused: Bool = true) {
        self.state = state
        self.focused = focused
    }

    public func render(in area: Rect, frame: inout Frame) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        let style = focused ? frame.theme[.input] : frame.theme[.input].patched(with: frame.theme[.muted])
        frame.buffer.fill(row, with: frame.buffer[row.x, row.y].style.patched(with: style))
        let arrow = frame.glyphs.arrowDown
        let textWidth = row.width - DisplayWidth.of(arrow) - 1
        frame.write(
            state.value ?? "", at: row.origin, style: style,
            clip: Rect(x: row.x, y: row.y, width: textWidth, height: 1))
        frame.buffer.write(arrow, x: row.maxX - DisplayWidth.of(arrow), y: row.y, style: style, clip: row)
        guard state.isOpen else { return }
        let height = min(state.options.count + 2, frame.area.maxY - row.maxY)
        let popup = Rect(x: row.x, y: row.maxY, width: row.width, height: height)
        let block = Block(focused: true, background: .panel)
        block.render(in: popup, frame: &frame)
        let items = state.options.map { ListItem($0) }
        ListView(items, state: ListState(selected: state.highlighted)).render(
            in: block.inner(popup), frame: &frame)
    }
}
