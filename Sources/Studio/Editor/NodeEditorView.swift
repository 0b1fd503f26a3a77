import JourneyModel
import TerminalUI

/// Draws the node editor: a box titled with what is edited, its lines (labels on the left,
/// cells on the right, condition rows indented by depth with the condition as text on their
/// heading), each line's problems under it in the error role, the validator's new problems and
/// the last refusal at the bottom; an open choice, the completion list and the discard
/// question are drawn last, over the lines.
enum NodeEditorView {
    /// Where one editor line landed on screen, and where each of its cells is.
    struct PlacedLine {
        var index: Int
        var y: Int
        /// Rows the line's cells take (a condition row wraps its window onto a second row when
        /// the box is narrow), before its problems.
        var rows: Int
        var labelWidth: Int
        var cells: [Rect]
    }

    static func title(_ editor: NodeEditor) -> String {
        switch editor.target {
        case .node(let id):
            let kind = editor.journey.node(id)?.kind.rawValue ?? "node"
            return "Edit \(kind) '\(id)'"
        case .entry: return "Edit the entry of \(editor.journey.id)"
        case .goal: return "Edit the goal of \(editor.journey.id)"
        case .policy: return "Edit the policy of \(editor.journey.id)"
        }
    }

    static func render(_ editor: NodeEditor, in area: Rect, frame: inout Frame) {
        guard !area.isEmpty else { return }
        let block = Block(title: " \(title(editor)) ", focused: true, background: .surface)
        frame.render(block, in: area)
        let inner = block.inner(area).inset(left: 1, right: 1)
        guard !editor.lines.isEmpty else {
            if case .node(let id) = editor.target {
                frame.render(
                    Paragraph("The journey has no node '\(id)'. Esc closes.", role: .error), in: inner)
            }
            return
        }
        let footer = footerLines(editor, width: inner.width)
        let body = inner.inset(bottom: footer.isEmpty ? 0 : footer.count + 1)
        let placed = place(editor, in: body)
        for line in placed { draw(line, editor, body: body, frame: &frame) }
        for (offset, text) in footer.enumerated() {
            let row = Rect(x: inner.x, y: inner.maxY - footer.count + offset, width: inner.width, height: 1)
            frame.render(Line([Span(text.text, role: text.role)]), in: row)
        }
        drawPopups(editor, placed, frame: &frame)
        if let confirm = editor.confirm { frame.render(confirm.dialog, in: area) }
    }

    // MARK: - Layout

    /// Where a line's problems start, and the rows they take there (wrapped to fit).
    static func messageColumn(_ line: EditorLine, labelWidth: Int) -> Int {
        line.isConditionRow ? 2 + line.depth * 2 : labelWidth
    }

    static func messageRows(_ line: EditorLine, width: Int, labelWidth: Int) -> [String] {
        let room = max(10, width - messageColumn(line, labelWidth: labelWidth))
        return line.messages.flatMap { TextMeasure.wrap($0, width: room) }
    }

    static func labelWidth(_ editor: NodeEditor) -> Int {
        let widest = editor.lines.filter { !$0.isConditionRow }.map { DisplayWidth.of($0.label) }.max() ?? 0
        return min(16, widest + 2)
    }

    /// The lines that show in `body`, scrolled so the focused line and its problems are in view.
    static func place(_ editor: NodeEditor, in body: Rect) -> [PlacedLine] {
        let labels = labelWidth(editor)
        var starts: [Int] = []
        var heights: [Int] = []
        var y = 0
        for line in editor.lines {
            starts.append(y)
            heights.append(
                cellRows(line, width: body.width)
                    + messageRows(line, width: body.width, labelWidth: labels).count)
            y += heights[heights.count - 1]
        }
        let focusLine = min(editor.focus.line, editor.lines.count - 1)
        let focusEnd = starts[focusLine] + heights[focusLine]
        // Without a stored scroll position, put the focus a third of the way down once the form
        // is taller than the box: lines above and below it stay in view as it moves.
        let total = y
        var top = max(0, min(starts[focusLine] - body.height / 3, total - body.height))
        top = max(top, focusEnd - body.height)
        var placed: [PlacedLine] = []
        for (index, line) in editor.lines.enumerated() {
            let rowY = body.y + starts[index] - top
            guard rowY >= body.y, rowY < body.maxY else { continue }
            placed.append(
                PlacedLine(
                    index: index, y: rowY, rows: cellRows(line, width: body.width), labelWidth: labels,
                    cells: cellRects(line, x: body.x, y: rowY, width: body.width, labelWidth: labels)))
        }
        return placed
    }

    static func cellRects(_ line: EditorLine, x: Int, y: Int, width: Int, labelWidth: Int) -> [Rect] {
        func row(_ widths: [Int], from start: Int) -> [Rect] {
            var rects: [Rect] = []
            var cursor = start
            for w in widths {
                rects.append(Rect(x: cursor, y: y, width: max(0, w), height: 1))
                cursor += w + 1
            }
            return rects
        }
        switch line.role {
        case .leaf:
            return leafRects(line, x: x, y: y, width: width)
        case .group:
            return row([5], from: x + 2 + line.depth * 2)
        case .conditionHeading, .heading:
            return []
        case .days:
            return row(Array(repeating: 7, count: line.cells.count), from: x + labelWidth)
        case .path:
            let room = width - labelWidth
            let name = max(6, (room - 9) / 2)
            var rects = row([name, 4], from: x + labelWidth)
            rects.append(Rect(x: rects[1].maxX + 3, y: y, width: max(0, room - name - 9), height: 1))
            return rects
        case .fields:
            let count = max(1, line.cells.count)
            let room = width - labelWidth
            let each = (room - (count - 1)) / count
            return row(Array(repeating: each, count: count), from: x + labelWidth)
        }
    }

    /// A condition row's cells: type, field, operator, value, then the window (`within`, `since`),
    /// each of those two after its caption. When the row is too narrow for the field and value
    /// to show 24 columns between them, the window goes on a second row under the field.
    static func leafRects(_ line: EditorLine, x: Int, y: Int, width: Int) -> [Rect] {
        let start = x + 2 + line.depth * 2
        let room = x + width - start
        let (type, op) = (12, 14)
        let window = [leafCaptionWidth("within") + 8, leafCaptionWidth("since") + 10]
        let oneRow = room - type - op - window.reduce(0, +) - 5
        let twoRows = oneRow < leafTextRoom
        let flexible = twoRows ? max(4, room - type - op - 3) : oneRow
        let field = flexible / 2
        var rects: [Rect] = []
        var cursor = start
        for w in [type, field, op, flexible - field] + (twoRows ? [] : window) {
            rects.append(Rect(x: cursor, y: y, width: max(0, w), height: 1))
            cursor += w + 1
        }
        if twoRows {
            let second = start + type + 1
            rects.append(Rect(x: second, y: y + 1, width: window[0], height: 1))
            rects.append(Rect(x: second + window[0] + 1, y: y + 1, width: window[1], height: 1))
        }
        return rects
    }

    /// The columns a condition row's field and value share at the least before its window wraps.
    static let leafTextRoom = 24

    /// A captioned cell of a condition row ("within", "since") takes its caption and a space.
    static func leafCaptionWidth(_ key: String) -> Int { DisplayWidth.of(key) + 1 }

    /// Rows a line's cells take: two for a condition row whose window wraps.
    static func cellRows(_ line: EditorLine, width: Int) -> Int {
        guard case .leaf = line.role else { return 1 }
        return Set(leafRects(line, x: 0, y: 0, width: width).map(\.y)).count
    }

    /// The focus a click at `point` gives, if it lands on a cell (or an empty condition).
    static func focus(at point: Point, in area: Rect, _ editor: NodeEditor) -> EditorFocus? {
        let block = Block(focused: true)
        let inner = block.inner(area).inset(left: 1, right: 1)
        let footer = footerLines(editor, width: inner.width)
        let body = inner.inset(bottom: footer.isEmpty ? 0 : footer.count + 1)
        for line in place(editor, in: body) where (line.y..<line.y + line.rows).contains(point.y) {
            if let cell = line.cells.firstIndex(where: { $0.contains(point) }) {
                return EditorFocus(line: line.index, cell: cell)
            }
            // Beside the cells: the line's first place for the focus (an empty condition's heading).
            return editor.stops.first { $0.line == line.index }
        }
        return nil
    }

    // MARK: - Drawing

    private static func draw(_ placed: PlacedLine, _ editor: NodeEditor, body: Rect, frame: inout Frame) {
        let line = editor.lines[placed.index]
        drawLabel(placed, editor, body: body, frame: &frame)
        drawCells(placed, editor, body: body, frame: &frame)
        if case .group = line.role, let kind = line.cell("group")?.content, let rect = placed.cells.first {
            let meaning =
                ["all": "every one holds", "any": "at least one holds", "not": "it does not hold"][kind] ?? ""
            frame.write(
                meaning, at: Point(x: rect.maxX + 2, y: rect.y), style: frame.theme[.muted], clip: body)
        }
        // Problems, one per row under the line, from where its cells start.
        let messageX = body.x + messageColumn(line, labelWidth: placed.labelWidth)
        for (offset, message) in messageRows(line, width: body.width, labelWidth: placed.labelWidth)
            .enumerated()
        {
            let y = placed.y + placed.rows + offset
            guard y < body.maxY else { break }
            let rect = Rect(x: messageX, y: y, width: body.maxX - messageX, height: 1)
            frame.write(message, at: rect.origin, style: frame.theme[.error], clip: rect)
        }
    }

    /// The line's label: a heading, a condition's heading with the condition in words, or a
    /// field's name (a split path's with its number).
    private static func drawLabel(_ placed: PlacedLine, _ editor: NodeEditor, body: Rect, frame: inout Frame)
    {
        let line = editor.lines[placed.index]
        let labelStyle = editor.focus.line == placed.index ? frame.theme[.focus] : frame.theme[.text]
        let labelRect = Rect(x: body.x, y: placed.y, width: placed.labelWidth - 1, height: 1)
        switch line.role {
        case .conditionHeading(let key):
            frame.write(line.label, at: labelRect.origin, style: labelStyle, clip: labelRect)
            var copy = editor.lines
            let (condition, isEmpty) = ConditionRows.read(key, in: &copy)
            let text: Span =
                isEmpty
                ? Span("none (ctrl+n adds a row, ctrl+g a group)", role: .muted)
                : condition.map { Span(ConditionText.describe($0), role: .accent) }
                    ?? Span("(fix the rows below)", role: .muted)
            let rest = Rect(
                x: body.x + placed.labelWidth, y: placed.y, width: body.width - placed.labelWidth, height: 1)
            frame.render(Line([text]), in: rest)
        case .heading:
            frame.render(
                Line([Span(line.label, role: .title, attributes: .bold)]), in: body.row(placed.y - body.y))
        default:
            if !line.isConditionRow {
                let ordinal =
                    line.role == .path
                    ? " \(editor.lines[...placed.index].filter { $0.role == .path }.count)" : ""
                frame.write(line.label + ordinal, at: labelRect.origin, style: labelStyle, clip: labelRect)
            }
        }
    }

    /// The line's cells, each with its caption when the line has several.
    private static func drawCells(_ placed: PlacedLine, _ editor: NodeEditor, body: Rect, frame: inout Frame)
    {
        let line = editor.lines[placed.index]
        let focusedLine = editor.focus.line == placed.index
        let multiple = line.role == .fields && line.cells.count > 1
        for (index, rect) in placed.cells.enumerated() where line.cells.indices.contains(index) {
            let cell = line.cells[index]
            let focused = focusedLine && editor.focus.cell == index && editor.confirm == nil
            var input = rect
            let captioned =
                line.role == .leaf(line.conditionKey ?? "") && ["within", "since"].contains(cell.label)
            if captioned || (multiple && !cell.placeholder.isEmpty) {
                let caption = (captioned ? cell.label : cell.placeholder) + " "
                let used = frame.write(caption, at: rect.origin, style: frame.theme[.muted], clip: rect)
                input = Rect(x: rect.x + used, y: rect.y, width: rect.width - used, height: 1)
            }
            if line.role == .path, index == 1 {
                frame.write("%", at: Point(x: rect.maxX, y: rect.y), style: frame.theme[.muted], clip: body)
            }
            drawCell(
                cell, in: input, focused: focused, placeholder: multiple ? "" : cell.placeholder,
                frame: &frame)
        }
    }

    private static func drawCell(
        _ cell: FormField, in rect: Rect, focused: Bool, placeholder: String, frame: inout Frame
    ) {
        switch cell.value {
        case .text(let state):
            if focused {
                TextInput(state, placeholder: placeholder, focused: true).render(in: rect, frame: &frame)
                return
            }
            // Without the focus a field shows its beginning (an input scrolls to its cursor),
            // in the error colour when it does not read.
            let row = rect.row(0)
            var style = frame.theme[.input].patched(with: frame.theme[.muted])
            if cell.error != nil { style = style.patched(with: frame.theme[.error]) }
            frame.buffer.fill(row, with: frame.buffer[row.x, row.y].style.patched(with: style))
            if state.text.isEmpty {
                frame.write(placeholder, at: row.origin, style: frame.theme[.muted], clip: row)
            } else {
                frame.write(state.text, at: row.origin, style: style, clip: row)
            }
        case .choice(let state):
            var closed = state
            closed.isOpen = false
            Select(closed, focused: focused).render(in: rect, frame: &frame)
        case .toggle(let on):
            Checkbox(cell.label, checked: on, focused: focused).render(in: rect, frame: &frame)
        }
    }

    private static func drawPopups(_ editor: NodeEditor, _ placed: [PlacedLine], frame: inout Frame) {
        guard editor.confirm == nil, let line = placed.first(where: { $0.index == editor.focus.line }),
            line.cells.indices.contains(editor.focus.cell), let cell = editor.currentCell
        else { return }
        let rect = line.cells[editor.focus.cell]
        if case .choice(let state) = cell.value, state.isOpen {
            let width = max(rect.width, (state.options.map { DisplayWidth.of($0) }.max() ?? 0) + 4)
            Select(state, focused: true).render(
                in: Rect(x: rect.x, y: rect.y, width: width, height: 1), frame: &frame)
            return
        }
        let matches = editor.completionMatches
        guard !matches.isEmpty else { return }
        let width = max(rect.width, (matches.map { DisplayWidth.of($0) }.max() ?? 0) + 6)
        let popup = Rect(
            x: rect.x, y: rect.maxY, width: min(width, frame.area.maxX - rect.x), height: matches.count + 2
        )
        .intersection(frame.area)
        let block = Block(title: "Tab", focused: false, background: .panel)
        block.render(in: popup, frame: &frame)
        ListView(matches.map { ListItem($0) }, state: ListState(selected: nil), focused: false).render(
            in: block.inner(popup), frame: &frame)
    }

    private static func footerLines(_ editor: NodeEditor, width: Int) -> [(text: String, role: ThemeRole)] {
        var lines: [(String, ThemeRole)] = []
        for problem in editor.problems.prefix(2) {
            lines += TextMeasure.wrap(problem, width: max(10, width)).prefix(2).map { ($0, .error) }
        }
        if let message = editor.message {
            lines += TextMeasure.wrap(message, width: max(10, width)).prefix(2).map { ($0, .warning) }
        }
        if lines.isEmpty, editor.lines.indices.contains(editor.focus.line),
            case .leaf = editor.lines[editor.focus.line].role
        {
            // The row's cells have no headings: say what they are while one has the focus.
            let columns = "type, field (Tab completes), operator, value, within, since"
            lines.append((TextMeasure.truncate("row: " + columns, toWidth: width), .muted))
        }
        return lines
    }
}
