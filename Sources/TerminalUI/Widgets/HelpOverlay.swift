/// The `?` overlay: every binding of the current screen, grouped, from the
/// same `KeyMap` that dispatches keys, so the help cannot drift from behaviour.
public struct HelpOverlay: Widget {
    public var title: String
    public var sections: [HelpSection]
    /// Lines scrolled past at the top.
    public var scroll: Int

    public init(title: String = "Keys", sections: [HelpSection], scroll: Int = 0) {
        self.title = title
        self.sections = sections
        self.scroll = scroll
    }

    public init<Action>(title: String = "Keys", keyMap: KeyMap<Action>, scroll: Int = 0) {
        self.init(title: title, sections: keyMap.helpSections, scroll: scroll)
    }

    /// The overlay's lines: a heading per section, then `keys  help` rows.
    public func lines() -> [Line] {
        let keyWidth = sections.flatMap(\.entries).map { DisplayWidth.of($0.keys) }.max() ?? 0
        var lines: [Line] = []
        for section in sections {
            if !lines.isEmpty { lines.append(Line("")) }
            lines.append(Line(section.title, role: .title))
            for entry in section.entries {
                lines.append(
                    Line([
                        Span(TextMeasure.fit(entry.keys, width: keyWidth) + "  ", role: .key),
                        Span(entry.help, role: .text),
                    ]))
            }
        }
        return lines
    }

    public func render(in area: Rect, frame: inout Frame) {
        let content = lines()
        let widest = content.map(\.width).max() ?? 0
        let rect = area.centered(
            Size(width: min(area.width, widest + 4), height: min(area.height, content.count + 2)))
        guard rect.width >= 4, rect.height >= 3 else { return }
        let block = Block(title: title, footer: "esc close", focused: true, background: .panel)
        block.render(in: rect, frame: &frame)
        let inner = block.inner(rect).inset(left: 1)
        let top = min(max(0, scroll), max(0, content.count - inner.height))
        for (row, line) in content.dropFirst(top).prefix(inner.height).enumerated() {
            line.render(in: inner.row(row), frame: &frame)
        }
        ScrollMarkers(above: top > 0, below: top + inner.height < content.count).render(
            in: block.inner(rect), frame: &frame)
    }
}
