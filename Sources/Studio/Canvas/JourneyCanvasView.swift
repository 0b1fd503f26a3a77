import JourneyModel
import TerminalUI

/// A journey drawn as a graph, optionally with run counts on its nodes and edges; the canvas
/// screen and the replay screen both draw with it. (Placeholder until the layout lands: one
/// line per node.)
struct JourneyCanvasView: Widget {
    var journey: Journey
    var selection: String?
    var counts: RunCounts?
    /// Nodes with validation problems, marked.
    var problems: Set<String> = []
    var compact = false

    func render(in area: Rect, frame: inout Frame) {
        let ids = ["entry"] + journey.nodes.map(\.id)
        let lines = ids.map { id -> String in
            let arrivals = counts?.arrivals[id].map { "  \($0)" } ?? ""
            return (id == selection ? "> " : "  ") + id + arrivals
        }
        frame.render(Paragraph(lines.joined(separator: "\n")), in: area)
    }
}
