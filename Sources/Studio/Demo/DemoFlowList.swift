import Analytics
import JourneyModel
import TerminalUI

/// The whole journey on one screen, for the demo: a line per node in flow order (the outline's
/// and the dashboard's order, `JourneyGraph.flowOrder`), with the leads that arrived there and their share of the
/// entries once a run has counts; a node nobody reached says so. Before the run each line
/// shows what the node does.
struct DemoFlowList: Widget {
    var journey: Journey
    var counts: RunCounts?

    /// Node ids in flow order, the entry left out (its entries head the panel).
    var order: [String] { JourneyGraph(journey).flowOrder() }

    func render(in area: Rect, frame: inout Frame) {
        guard !area.isEmpty else { return }
        let layout = CanvasLayout(journey: journey, compact: true)
        let ids = order
        let shown = ids.count > area.height ? area.height - 1 : ids.count
        for (row, id) in ids.prefix(max(0, shown)).enumerated() {
            guard let box = layout.box(id) else { continue }
            let line = self.line(box, width: area.width, glyphs: frame.glyphs)
            frame.render(line, in: Rect(x: area.x, y: area.y + row, width: area.width, height: 1))
        }
        if shown < ids.count {
            frame.render(
                Line(
                    "\(frame.glyphs.ellipsis) \(ids.count - shown) more nodes: c opens the canvas",
                    role: .muted),
                in: Rect(x: area.x, y: area.y + shown, width: area.width, height: 1))
        }
    }

    /// `◆ Which region?         20,000 100.0%`, or with no counts `◆ Which region?  3 branches`.
    func line(_ box: CanvasLayout.Box, width: Int, glyphs: GlyphSet) -> Line {
        let glyph = JourneyCanvasView.glyph(box.kind, unicode: glyphs.isUnicode) + " "
        let dots = glyphs.ellipsis
        let role = JourneyCanvasView.role(box.kind)
        guard let counts else {
            let title = TextMeasure.fit(box.title, width: min(28, max(0, width - 2)), ellipsis: dots)
            let summary = TextMeasure.truncate(box.summary, toWidth: max(0, width - 31), ellipsis: dots)
            return Line([Span(glyph, role: role), Span(title, role: role), Span(" " + summary, role: .muted)])
        }
        let leads = counts.arrivals[box.id] ?? 0
        let entries = counts.arrivals[Journey.entryID] ?? 0
        let figure =
            leads == 0
            ? "not reached"
            : "\(ReportFormat.count(leads)) \(ReportFormat.percent(Double(leads) / Double(max(entries, 1))))"
        let room = max(0, width - 2 - figure.count - 1)
        return Line([
            Span(glyph, role: role),
            Span(TextMeasure.fit(box.title, width: room, ellipsis: dots), role: role),
            Span(" " + figure, role: leads == 0 ? .warning : .info),
        ])
    }
}
