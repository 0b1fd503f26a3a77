import JourneyModel
import TerminalUI

/// The layout for narrow terminals: the journey as one column, read top to bottom in flow order
/// (`Journey.idsInFlowOrder`). An edge to the box right below is a line down; every other edge (a decision's
/// other branch, a split's other paths, a wait's timeout, a loop back) is a stub out of the box's
/// right side that names where it goes, so no branch is off-screen to the right.
enum VerticalFlowLayout {
    /// The column of the boxes, and the row between two boxes (the line down and its label).
    static let left = 2
    static let gap = 1

    static func layout(_ journey: Journey, compact: Bool, labelReserve: Int) -> CanvasLayout {
        let graph = LayoutGraph(journey)
        let nodes = Dictionary(graph.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let order = journey.idsInFlowOrder.filter { nodes[$0] != nil }
        let links = graph.forward + graph.back
        let width = boxWidth(graph.nodes, compact: compact)
        var boxes: [CanvasLayout.Box] = []
        var stubsByNode: [String: [LayoutGraph.Link]] = [:]
        var downByNode: [String: LayoutGraph.Link] = [:]
        var y = 0
        for (index, id) in order.enumerated() {
            guard let node = nodes[id] else { continue }
            let out = links.filter { $0.from == id }
            let below = order.indices.contains(index + 1) ? order[index + 1] : nil
            let down = out.first { $0.to == below }
            downByNode[id] = down
            stubsByNode[id] = out.filter { $0.to != down?.to }
            let height = max(compact ? 3 : 4, (stubsByNode[id]?.count ?? 0) + 2)
            let rect = Rect(x: left, y: y, width: width, height: height)
            boxes.append(
                CanvasLayout.Box(
                    id: id, kind: node.kind, title: node.title, summary: node.summary, rect: rect,
                    layer: index))
            y += height + gap
        }
        let byID = Dictionary(boxes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var edges: [CanvasLayout.Edge] = []
        var right = left + width
        for box in boxes {
            if let down = downByNode[box.id], let target = byID[down.to] {
                edges.append(downEdge(down, from: box, to: target))
            }
            for (slot, link) in (stubsByNode[box.id] ?? []).enumerated() {
                let stub = stubEdge(
                    link, from: box, slot: slot, backward: (byID[link.to]?.layer ?? 0) <= box.layer)
                edges.append(stub)
                right = max(right, stub.labelOrigin.x + DisplayWidth.of(stub.label) + labelReserve + 1)
            }
        }
        return CanvasLayout(
            boxes: boxes, edges: edges, layers: order.map { [$0] },
            extent: Size(width: right + 2, height: max(0, y - gap)))
    }

    /// One width for every box: the widest title or summary, within the horizontal layout's limits.
    static func boxWidth(_ nodes: [LayoutGraph.Node], compact: Bool) -> Int {
        var width = compact ? 14 : 20
        for node in nodes {
            let title = DisplayWidth.of(node.title) + 2
            let body = compact ? title : max(title, DisplayWidth.of(node.summary))
            width = max(width, min(compact ? 22 : 28, body + 2))
        }
        return width
    }

    /// A line from the bottom of `box` down into the top of the box below, labelled beside it.
    static func downEdge(_ link: LayoutGraph.Link, from box: CanvasLayout.Box, to target: CanvasLayout.Box)
        -> CanvasLayout.Edge
    {
        let x = box.rect.x + 2
        return CanvasLayout.Edge(
            from: link.from, to: link.to, label: link.label,
            points: [Point(x: x, y: box.rect.maxY - 1), Point(x: x, y: target.rect.y)], isBackEdge: false,
            labelOrigin: Point(x: x + 2, y: box.rect.maxY))
    }

    /// A short line out of the box's right side, on a row of its own, with where it goes:
    /// `→ sms-nudge (no)`; a loop back says so (`→ back to wait-2d`).
    static func stubEdge(_ link: LayoutGraph.Link, from box: CanvasLayout.Box, slot: Int, backward: Bool)
        -> CanvasLayout.Edge
    {
        let y = box.rect.y + 1 + slot
        let start = Point(x: box.rect.maxX - 1, y: y)
        // The label starts on the line's last cell, after the arrow: `├─→ sms-nudge (no)`.
        let label =
            " " + (backward ? "back to " : "") + link.to + (link.label.isEmpty ? "" : " (\(link.label))")
        return CanvasLayout.Edge(
            from: link.from, to: link.to, label: label,
            points: [start, Point(x: start.x + 3, y: y)], isBackEdge: backward,
            labelOrigin: Point(x: start.x + 3, y: y))
    }
}
