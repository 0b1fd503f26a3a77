import Foundation
import JourneyModel
import TerminalUI

/// Draws the canvas screen: the graph (or the outline), a status line with the version, the
/// edit state and the validator's message, and whatever is open on top (prompt, delete
/// question, node editor).
enum CanvasScreenView {
    /// From this width on the node editor opens beside the graph, leaving the graph
    /// `graphBesideEditor` columns (the editor takes the rest, up to `editorMaxWidth`); below, over it.
    static let editorBesideWidth = 100
    static let graphBesideEditor = 40
    static let editorMaxWidth = 110

    static func render(_ screen: CanvasScreen, in area: Rect, frame: inout Frame) {
        guard let document = screen.document else {
            let text =
                screen.problem.map { "Cannot open \(screen.journey): \($0)" } ?? "Loading \(screen.journey)…"
            frame.render(
                Paragraph(text, role: screen.problem == nil ? .muted : .error), in: area.inset(left: 1))
            return
        }
        let canvasArea = Rect(x: area.x, y: area.y, width: area.width, height: max(0, area.height - 1))
        let problems = document.problemNodes
        if screen.showsOutline(canvasArea.size) {
            renderOutline(screen, document.journey, problems: problems, in: canvasArea, frame: &frame)
        } else {
            frame.render(
                JourneyCanvasView(
                    journey: document.journey, selection: screen.selection, counts: screen.overlayCounts,
                    problems: problems, compact: screen.compact, viewport: screen.viewport,
                    width: canvasArea.width),
                in: canvasArea)
        }
        renderStatus(screen, document, in: area.row(area.height - 1), frame: &frame)
        switch screen.mode {
        case .browsing: break
        case .prompt(let prompt, _): prompt.render(in: canvasArea, frame: &frame)
        case .confirmDelete(let confirm, _): frame.render(confirm.dialog, in: canvasArea)
        case .editor(let editor):
            let panel = editorPanel(in: canvasArea)
            frame.buffer.fill(panel, with: frame.theme[.panel])
            editor.view(in: panel, frame: &frame)
        }
    }

    /// Where the node editor is drawn: beside the graph on wide terminals, over it on narrow ones.
    static func editorPanel(in canvasArea: Rect) -> Rect {
        let width = editorWidth(forCanvasWidth: canvasArea.width)
        return Rect(x: canvasArea.maxX - width, y: canvasArea.y, width: width, height: canvasArea.height)
    }

    static func editorWidth(forCanvasWidth width: Int) -> Int {
        width >= editorBesideWidth ? min(editorMaxWidth, width - graphBesideEditor) : width
    }

    /// The first outline row shown, so the selection stays in view.
    static func outlineOffset(_ screen: CanvasScreen, height: Int) -> Int {
        let index = screen.outlineOrder.firstIndex(of: screen.selection ?? "") ?? 0
        return max(0, index - max(1, height) + 1)
    }

    private static func renderOutline(
        _ screen: CanvasScreen, _ journey: Journey, problems: Set<String>, in area: Rect, frame: inout Frame
    ) {
        let counts = screen.overlayCounts
        let idWidth = screen.outlineOrder.map { DisplayWidth.of($0) }.max() ?? 0
        let items = screen.outlineOrder.map { id -> ListItem in
            let node = journey.node(id)
            let kind = node?.kind ?? .entry
            let glyph = JourneyCanvasView.glyph(kind, unicode: frame.glyphs.isUnicode)
            var text = node.map(NodeSummary.line) ?? NodeSummary.trigger(journey.entry.trigger)
            let ways = JourneyEdits.slots(of: id, in: journey).compactMap { way in
                way.target.map { way.label.isEmpty ? $0 : "\(way.label): \($0)" }
            }
            if !ways.isEmpty { text += "  \(frame.glyphs.arrowRight) " + ways.joined(separator: ", ") }
            if let arrivals = counts?.arrivals[id] { text = "\(arrivals.formatted()) in · " + text }
            let mark = problems.contains(id) ? "!" : " "
            let padded = id + String(repeating: " ", count: max(0, idWidth - DisplayWidth.of(id)))
            return ListItem(
                "\(glyph) \(padded) \(mark) \(text)",
                role: problems.contains(id) ? .error : JourneyCanvasView.role(kind))
        }
        let index = screen.outlineOrder.firstIndex(of: screen.selection ?? "")
        frame.render(
            ListView(
                items, state: ListState(selected: index, offset: outlineOffset(screen, height: area.height))),
            in: area)
    }

    private static func renderStatus(
        _ screen: CanvasScreen, _ document: CanvasDocument, in row: Rect, frame: inout Frame
    ) {
        var parts = ["v\(document.version)"]
        if document.isDirty { parts.append("modified") }
        if let counts = screen.overlayCounts, let run = screen.run {
            parts.append("run #\(run): \((counts.arrivals[Journey.entryID] ?? 0).formatted()) entries")
        }
        let head = parts.joined(separator: " · ")
        let used = frame.write(" " + head, at: row.origin, style: frame.theme[.muted], clip: row)
        let message: (String, ThemeRole)
        if let diagnostic = document.message(for: screen.selection) {
            let count = document.diagnostics.count
            let prefix = count > 1 ? "\(count) problems · " : ""
            message = (prefix + diagnostic.message, diagnostic.severity == .error ? .error : .warning)
        } else {
            message = ("valid", .success)
        }
        frame.write(
            "  " + message.0, at: Point(x: row.x + used, y: row.y), style: frame.theme[message.1], clip: row)
    }
}
