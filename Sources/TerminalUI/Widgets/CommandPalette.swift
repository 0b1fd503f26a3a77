/// The palette's query and selection; the commands come from the screen's `KeyMap`.
public struct PaletteState: Hashable, Sendable {
    public var query: TextInputState
    public var selected: Int

    public init(query: String = "") {
        self.query = TextInputState(text: query)
        self.selected = 0
    }

    public enum Outcome<Action: Hashable & Sendable>: Hashable, Sendable {
        case run(Action)
        case cancelled
    }

    /// The commands matching the query, best first.
    public func filtered<Action>(_ commands: [PaletteCommand<Action>]) -> [(
        command: PaletteCommand<Action>, positions: [Int]
    )] {
        FuzzyMatch.rank(query.text, commands.map(\.title)).map { (commands[$0.index], $0.match.positions) }
    }

    /// Typing filters, up/down (or ctrl+p/ctrl+n) choose, Enter runs, Esc closes.
    public mutating func handle<Action>(_ key: Key, commands: [PaletteCommand<Action>]) -> Outcome<Action>? {
        let matches = filtered(commands)
        switch key {
        case .escape: return .cancelled
        case .enter:
            guard matches.indices.contains(selected) else { return nil }
            return .run(matches[selected].command.action)
        case .up, .ctrl("p"):
            selected = max(0, selected - 1)
        case .down, .ctrl("n"):
            selected = min(max(0, matches.count - 1), selected + 1)
        default:
            if query.handle(key) { selected = 0 }
        }
        return nil
    }
}

/// A box near the top: the query line, then matching commands with the
/// matched letters in the accent role and each command's keys on the right.
public struct CommandPalette<Action: Hashable & Sendable>: Widget {
    public var state: PaletteState
    public var commands: [PaletteCommand<Action>]

    public init(_ state: PaletteState, commands: [PaletteCommand<Action>]) {
        self.state = state
        self.commands = commands
    }

    public func render(in area: Rect, frame: inout Frame) {
        let width = min(area.width, max(30, area.width * 2 / 3))
        let height = min(area.height, max(5, min(commands.count + 4, area.height * 2 / 3)))
        let rect = Rect(
            x: area.x + (area.width - width) / 2, y: area.y + min(2, area.height / 8), width: width,
            height: height)
        guard rect.width >= 6, rect.height >= 4 else { return }
        let block = Block(title: "Commands", focused: true, background: .panel)
        block.render(in: rect, frame: &frame)
        let inner = block.inner(rect)
        frame.buffer.write(
            "\(frame.glyphs.pointer) ", x: inner.x, y: inner.y, style: frame.theme[.accent], clip: inner)
        let promptWidth = DisplayWidth.of(frame.glyphs.pointer) + 1
        TextInput(state.query, placeholder: "type to filter", focused: true)
            .render(
                in: Rect(x: inner.x + promptWidth, y: inner.y, width: inner.width - promptWidth, height: 1),
                frame: &frame)
        let listArea = inner.inset(top: 1)
        let matches = state.filtered(commands)
        if matches.isEmpty {
            frame.write(
                "no matching command", at: listArea.origin, style: frame.theme[.muted], clip: listArea)
            return
        }
        let listState = ListState(selected: min(state.selected, matches.count - 1))
        let top = listState.visibleOffset(height: listArea.height, count: matches.count)
        for (row, entry) in matches.dropFirst(top).prefix(listArea.height).enumerated() {
            let index = top + row
            let rowRect = listArea.row(row)
            let isSelected = index == listState.selected
            let base = isSelected ? frame.theme[.selection] : frame.theme[.text]
            if isSelected {
                frame.buffer.fill(rowRect, with: frame.buffer[rowRect.x, rowRect.y].style.patched(with: base))
            }
            let keysWidth = DisplayWidth.of(entry.command.keys)
            let titleClip = Rect(
                x: rowRect.x + 1, y: rowRect.y, width: rowRect.width - keysWidth - 2, height: 1)
            var x = titleClip.x
            for (offset, character) in entry.command.title.enumerated() {
                let style =
                    entry.positions.contains(offset) && !isSelected
                    ? base.patched(with: frame.theme[.accent]).adding(.bold) : base
                x += frame.buffer.write(
                    String(character), x: x, y: rowRect.y,
                    style: isSelected && entry.positions.contains(offset) ? base.adding(.bold) : style,
                    clip: titleClip)
            }
            let keyStyle = isSelected ? base : frame.theme[.muted]
            frame.buffer.write(
                entry.command.keys, x: rowRect.maxX - keysWidth, y: rowRect.y, style: keyStyle, clip: rowRect)
        }
    }
}
