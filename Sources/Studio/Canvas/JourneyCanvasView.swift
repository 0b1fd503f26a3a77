import Foundation
import JourneyModel
import TerminalUI

/// A journey drawn as a graph (`CanvasLayout`), optionally with run counts on its nodes and
/// edges; the canvas screen and the replay screen both draw with it. The viewport is the
/// caller's; with `fit` the view instead scrolls to the selection (or the top left) by itself,
/// for screens that do not keep one.
struct JourneyCanvasView: Widget {
    var journey: Journey
    var selection: String?
    var counts: RunCounts?
    /// Nodes with validation problems, marked.
    var problems: Set<String> = []
    var compact = false
    var viewport = CanvasViewport()
    /// Ignore `viewport` and show the selection (or the start).
    var fit = false
    /// The canvas's width, when it picks the layout (top to bottom when narrow); `nil`: left to right.
    var width: Int?

    var layout: CanvasLayout {
        let reserve = counts == nil ? 0 : 4
        guard let width else {
            return CanvasLayout(journey: journey, compact: compact, labelReserve: reserve)
        }
        return CanvasLayout(journey: journey, compact: compact, labelReserve: reserve, width: width)
    }

    func render(in area: Rect, frame: inout Frame) {
        guard !area.isEmpty else { return }
        let layout = self.layout
        var port = viewport
        if fit {
            port = CanvasViewport()
            if let box = selection.flatMap(layout.box) { port.reveal(box.rect, viewport: area.size) }
        }
        port.scroll(dx: 0, dy: 0, extent: layout.extent, viewport: area.size)
        let canvas = Self.canvas(
            layout, selection: selection, counts: counts, problems: problems, compact: compact,
            glyphs: frame.glyphs)
        frame.render(CanvasView(canvas, viewport: port), in: area)
    }

    static func role(_ kind: NodeKind) -> ThemeRole {
        switch kind {
        case .entry: return .nodeEntry
        case .decision: return .nodeDecision
        case .split: return .nodeSplit
        case .wait: return .nodeWait
        case .action: return .nodeAction
        case .goal: return .nodeGoal
        case .exit: return .nodeExit
        }
    }

    /// One character per kind, so kinds tell apart without colour (NO_COLOR, ASCII).
    static func glyph(_ kind: NodeKind, unicode: Bool) -> String {
        switch kind {
        case .entry: return unicode ? "▶" : ">"
        case .decision: return unicode ? "◆" : "?"
        case .split: return unicode ? "⑂" : "%"
        case .wait: return unicode ? "◷" : "~"
        case .action: return unicode ? "✉" : "@"
        case .goal: return unicode ? "★" : "*"
        case .exit: return unicode ? "■" : "#"
        }
    }

    /// A branch's share of the leads leaving its source (`73%`); a lone edge's leads (`22`), since
    /// its share is always all.
    static func shareText(_ edge: CanvasLayout.Edge, _ counts: RunCounts) -> String {
        let key = RunCounts.Edge(from: edge.from, to: edge.to)
        let siblings = counts.edges.keys.filter { $0.from == edge.from }.count
        if siblings > 1, let share = counts.share(of: key) { return "\(Int((share * 100).rounded()))%" }
        return compactCount(counts.edges[key] ?? 0)
    }

    /// A count in at most four characters, so it fits the room the layout keeps beside a label:
    /// `950`, `9999`, `12k`, `1.2M`.
    static func compactCount(_ count: Int) -> String {
        switch count {
        case ..<10_000: return "\(count)"
        case ..<1_000_000: return "\(count / 1000)k"
        case ..<10_000_000: return "\(count / 1_000_000).\(count / 100_000 % 10)M"
        default: return "\(count / 1_000_000)M"
        }
    }

    static func canvas(
        _ layout: CanvasLayout, selection: String?, counts: RunCounts?, problems: Set<String>, compact: Bool,
        glyphs: GlyphSet
    ) -> Canvas {
        var canvas = Canvas()
        for edge in layout.edges {
            canvas.path(edge.points, role: .muted)
        }
        for box in layout.boxes {
            let border: ThemeRole =
                box.id == selection ? .focus : problems.contains(box.id) ? .error : role(box.kind)
            canvas.box(box.rect, role: border, fill: .panel)
            let inner = box.rect.width - 2
            let title = TextMeasure.truncate(
                glyph(box.kind, unicode: glyphs.isUnicode) + " " + box.title, toWidth: inner,
                ellipsis: glyphs.ellipsis)
            canvas.label(
                title, at: Point(x: box.rect.x + 1, y: box.rect.y + 1), role: role(box.kind),
                attributes: box.id == selection ? [.bold, .reverse] : [.bold])
            if !compact {
                canvas.label(
                    TextMeasure.truncate(box.summary, toWidth: inner, ellipsis: glyphs.ellipsis),
                    at: Point(x: box.rect.x + 1, y: box.rect.y + 2), role: .muted)
            }
            if problems.contains(box.id) {
                canvas.label(
                    "!", at: Point(x: box.rect.maxX - 2, y: box.rect.y), role: .error, attributes: [.bold])
            }
            if let counts, let arrivals = counts.arrivals[box.id] {
                let converted = counts.conversions[box.id] ?? 0
                let text =
                    " \(arrivals.formatted()) in" + (converted > 0 ? " \(converted.formatted()) conv " : " ")
                canvas.label(
                    TextMeasure.truncate(text, toWidth: box.rect.width - 2, ellipsis: glyphs.ellipsis),
                    at: Point(x: box.rect.x + 1, y: box.rect.maxY - 1), role: .info)
            }
        }
        for edge in layout.edges {
            var text = edge.label
            if let counts { text += (text.isEmpty ? "" : " ") + Self.shareText(edge, counts) }
            if !text.isEmpty { canvas.label(text, at: edge.labelOrigin, role: .accent) }
            if let end = edge.points.last {
                // A line that ends going down (the narrow layout's) points down into its box.
                let previous = edge.points.dropLast().last
                if let previous, previous.x == end.x, previous.y < end.y {
                    canvas.label(glyphs.arrowDown, at: Point(x: end.x, y: end.y - 1), role: .muted)
                } else {
                    canvas.label(glyphs.arrowRight, at: Point(x: end.x - 1, y: end.y), role: .muted)
                }
            }
        }
        return canvas
    }
}
