import JourneyModel
import TerminalUI

/// Moving on the canvas: selection, the viewport following it, direction keys, the mouse.
extension CanvasScreen {
    func successors(of id: String, in journey: Journey) -> [String] {
        var seen: Set<String> = []
        let known = Set(outlineOrder)
        return JourneyEdits.slots(of: id, in: journey).compactMap(\.target).filter {
            known.contains($0) && seen.insert($0).inserted
        }
    }

    func predecessors(of id: String, in journey: Journey) -> [String] {
        outlineOrder.filter { successors(of: $0, in: journey).contains(id) }
    }

    /// The size the graph is drawn in: the content less the status line.
    static func canvasSize(_ environment: StudioEnvironment) -> Size {
        let content = environment.contentSize
        return Size(width: content.width, height: max(0, content.height - 1))
    }

    mutating func select(_ id: String, _ environment: StudioEnvironment, keepTrail: Bool = false) {
        guard outlineOrder.contains(id) else { return }
        if !keepTrail { trail.removeAll() }
        selection = id
        reveal(environment)
    }

    /// Keeps the selection if the node is still there (after an edit or undo), else the entry.
    mutating func keepSelection(_ environment: StudioEnvironment) {
        select(
            outlineOrder.contains(selection ?? "") ? selection ?? Journey.entryID : Journey.entryID,
            environment)
    }

    /// Scrolls so the selected box (with a margin) is in view: centred on it when it was out of
    /// view, so a jump shows the box with what lies around it.
    mutating func reveal(_ environment: StudioEnvironment) {
        reveal(in: Self.canvasSize(environment))
    }

    /// `size` is the part of the canvas to keep the box in; the graph is laid out for the whole
    /// canvas (`layoutWidth`, when the editor covers part of it).
    mutating func reveal(in size: Size, layoutWidth: Int? = nil) {
        let whole = Size(width: layoutWidth ?? size.width, height: size.height)
        guard let layout = layout(for: whole), let box = selection.flatMap(layout.box) else { return }
        let margin = Rect(
            x: box.rect.x - 2, y: box.rect.y - 1, width: box.rect.width + 4, height: box.rect.height + 2)
        let visible = Rect(origin: viewport.offset, size: size)
        if visible.intersection(margin) != margin {
            let center = Self.center(box.rect)
            if margin.x < visible.x || margin.maxX > visible.maxX {
                viewport.offset.x = center.x - size.width / 2
            }
            if margin.y < visible.y || margin.maxY > visible.maxY {
                viewport.offset.y = center.y - size.height / 2
            }
        }
        viewport.scroll(dx: 0, dy: 0, extent: layout.extent, viewport: size)
    }

    /// The nearest box in a direction: the one ahead with the least distance, sideways counted double.
    /// In the outline and the narrow (top to bottom) layout, nodes stand in one column in flow
    /// order: every arrow steps along it (left and up back, right and down on).
    mutating func move(_ action: CanvasAction, _ environment: StudioEnvironment) {
        let size = Self.canvasSize(environment)
        if showsOutline(size) || size.width < CanvasLayout.verticalBelowWidth {
            let order = outlineOrder
            let index = order.firstIndex(of: selection ?? "") ?? 0
            let step = action == .up || action == .left ? -1 : 1
            if order.indices.contains(index + step) { select(order[index + step], environment) }
            return
        }
        guard let layout = layout(for: Self.canvasSize(environment)),
            let current = selection.flatMap(layout.box)
        else { return }
        let from = Self.center(current.rect)
        var best: (score: Int, id: String)?
        for box in layout.boxes where box.id != current.id {
            let to = Self.center(box.rect)
            let (ahead, side): (Int, Int)
            switch action {
            case .left: (ahead, side) = (from.x - to.x, to.y - from.y)
            case .right: (ahead, side) = (to.x - from.x, to.y - from.y)
            case .up: (ahead, side) = (from.y - to.y, to.x - from.x)
            default: (ahead, side) = (to.y - from.y, to.x - from.x)
            }
            guard ahead > 0 else { continue }
            let score = ahead + 2 * abs(side)
            if best == nil || score < best?.score ?? 0 { best = (score, box.id) }
        }
        if let best { select(best.id, environment) }
    }

    static func center(_ rect: Rect) -> Point {
        Point(x: rect.x + rect.width / 2, y: rect.y + rect.height / 2)
    }

    // The mouse.

    mutating func mouse(_ event: MouseEvent, in area: Rect, _ environment: StudioEnvironment) -> [Effect<
        StudioMessage
    >] {
        let canvasArea = Rect(x: area.x, y: area.y, width: area.width, height: max(0, area.height - 1))
        if case .editor(var editor) = mode, case .press(button: 1) = event.kind {
            editor.click(at: event.position, in: CanvasScreenView.editorPanel(in: canvasArea))
            mode = .editor(editor)
            return []
        }
        guard case .browsing = mode, let layout = layout(for: canvasArea.size) else { return [] }
        let outline = showsOutline(canvasArea.size)
        switch event.kind {
        case .press(button: 1):
            guard canvasArea.contains(event.position) else { return [] }
            if outline {
                let row =
                    event.position.y - canvasArea.y
                    + CanvasScreenView.outlineOffset(self, height: canvasArea.height)
                if let id = outlineOrder[safe: row] { select(id, environment) }
            } else {
                let point = Point(
                    x: event.position.x - canvasArea.x + viewport.offset.x,
                    y: event.position.y - canvasArea.y + viewport.offset.y)
                if let box = layout.box(at: point) { select(box.id, environment) }
            }
        case .wheelUp, .wheelDown:
            let step = event.kind == .wheelUp ? -3 : 3
            if outline {
                move(step < 0 ? .up : .down, environment)
            } else {
                // Journeys run left to right: when the graph fits top to bottom the wheel pans along it.
                let tall = layout.extent.height > canvasArea.height
                viewport.scroll(
                    dx: tall ? 0 : step * 4, dy: tall ? step : 0, extent: layout.extent,
                    viewport: canvasArea.size)
            }
        default:
            break
        }
        return []
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
