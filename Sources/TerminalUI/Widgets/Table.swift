/// A column of a table: heading, how wide, and how its cells align.
public struct TableColumn: Hashable, Sendable {
    public var title: String
    public var width: Constraint
    public var alignment: TextMeasure.Alignment

    public init(_ title: String, width: Constraint = .fill(1), alignment: TextMeasure.Alignment = .leading) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// Rows of aligned columns with a header, an optional selected row and scrolling.
/// Numbers should be right-aligned (`alignment: .trailing`) so digits line up.
public struct Table: Widget {
    public var columns: [TableColumn]
    public var rows: [[String]]
    public var state: ListState
    public var focused: Bool

    public init(
        columns: [TableColumn], rows: [[String]], state: ListState = ListState(selected: nil),
        focused: Bool = true
    ) {
        self.columns = columns
        self.rows = rows
        self.state = state
        self.focused = focused
    }

    public func render(in area: Rect, frame: inout Frame) {
        guard !area.isEmpty, !columns.isEmpty else { return }
        // Keep the last column for scroll markers when the rows do not fit.
        let scrolls = rows.count > area.height - 2
        let cells = Layout.horizontal(columns.map(\.width), spacing: 1).split(
            scrolls ? area.inset(right: 1) : area)
        let headerStyle = frame.theme[.title]
        for (column, rect) in zip(columns, cells) {
            let text = TextMeasure.fit(
                column.title, width: rect.width, alignment: column.alignment, ellipsis: frame.glyphs.ellipsis)
            frame.buffer.write(text, x: rect.x, y: area.y, style: headerStyle, clip: area)
        }
        guard area.height > 1 else { return }
        let ruleStyle = frame.theme[.border]
        frame.buffer.write(
            String(repeating: frame.glyphs.horizontal, count: area.width), x: area.x, y: area.y + 1,
            style: ruleStyle,
            clip: area)
        let body = area.inset(top: 2)
        let top = state.visibleOffset(height: body.height, count: rows.count)
        for row in 0..<body.height {
            let index = top + row
            guard index < rows.count else { break }
            let y = body.y + row
            var style = frame.theme[.text]
            if index == state.selected {
                style = focused ? frame.theme[.selection] : style.adding(.bold)
                frame.buffer.applyStyle(style, to: body.row(row))
            }
            for (columnIndex, rect) in cells.enumerated() {
                let value = columnIndex < rows[index].count ? rows[index][columnIndex] : ""
                let text = TextMeasure.fit(
                    value, width: rect.width, alignment: columns[columnIndex].alignment,
                    ellipsis: frame.glyphs.ellipsis)
                frame.buffer.write(text, x: rect.x, y: y, style: style, clip: body)
            }
        }
        ScrollMarkers(above: top > 0, below: top + body.height < rows.count).render(in: body, frame: &frame)
    }
}
