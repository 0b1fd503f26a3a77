import TerminalUI

/// The placement step of `CanvasLayout`: given the ordered layers, the figures every later
/// step shares (each layer's column and width, the room in each gap for labels and turning
/// lines, each item's row), computed in order by the initializer, then the boxes and the routed
/// edges read from them.
struct CanvasPlacement {
    /// An edge leaving a node: its index in the graph's forward (or back) list, and which.
    typealias Outgoing = (index: Int, link: LayoutGraph.Link, isBack: Bool)

    let graph: LayoutGraph
    let order: LayerOrder
    let compact: Bool
    let nodes: [String: LayoutGraph.Node]
    /// The layer of every item (node or dummy), and its place in that layer.
    private(set) var rank: [String: Int] = [:]
    private(set) var position: [String: Int] = [:]
    /// Each node's edges out, forward ones first, in the order their first hops sit, so they
    /// leave without crossing each other.
    private(set) var outgoing: [String: [Outgoing]] = [:]
    private(set) var widths: [Int] = []
    /// Per layer: back edges leaving it and arriving at it, by index.
    private(set) var backOut: [[Int]] = []
    private(set) var backIn: [[Int]] = []
    /// Per gap after a layer: room for edge labels, and the items a line turns towards there.
    private(set) var labelRoom: [Int] = []
    private(set) var bendTargets: [[String]] = []
    private(set) var layerX: [Int] = []
    private(set) var top: [String: Int] = [:]
    /// The rows a node's outgoing edges leave on, in `outgoing` order.
    private(set) var portRows: [String: [Int]] = [:]
    private(set) var boxes: [CanvasLayout.Box] = []
    /// The lowest row a box or dummy takes.
    private(set) var maxBottom = 0

    init(_ graph: LayoutGraph, _ order: LayerOrder, compact: Bool, labelReserve: Int) {
        self.graph = graph
        self.order = order
        self.compact = compact
        nodes = Dictionary(graph.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, layer) in order.layers.enumerated() {
            for (slot, id) in layer.enumerated() {
                rank[id] = index
                position[id] = slot
            }
        }
        sortOutgoing()
        measureWidths()
        measureGaps(labelReserve: labelReserve)
        placeColumns()
        placeRows()
        makeBoxes()
        sortBendTargets()
    }

    /// The item an edge goes to first: its first dummy, or its target.
    func firstHop(_ item: Outgoing) -> String {
        item.isBack ? item.link.to : (order.chains[item.index]?.first ?? item.link.to)
    }

    /// A box's height (room for a row per edge leaving it), or 1 for a dummy.
    func height(_ id: String) -> Int {
        guard nodes[id] != nil else { return 1 }
        return max(compact ? 3 : 4, (outgoing[id]?.count ?? 0) + 2)
    }

    private mutating func sortOutgoing() {
        let all =
            graph.forward.enumerated().map { Outgoing($0.offset, $0.element, false) }
            + graph.back.enumerated().map { Outgoing($0.offset, $0.element, true) }
        var outgoing: [String: [Outgoing]] = [:]
        for item in all { outgoing[item.link.from, default: []].append(item) }
        for id in outgoing.keys {
            outgoing[id]?.sort { a, b in
                if a.isBack != b.isBack { return !a.isBack }
                return (position[firstHop(a)] ?? 0) < (position[firstHop(b)] ?? 0)
            }
        }
        self.outgoing = outgoing
    }

    /// Widths per layer: the widest title or summary, within limits.
    private mutating func measureWidths() {
        for layer in order.layers {
            var width = compact ? 8 : 14
            for id in layer {
                guard let node = nodes[id] else { continue }
                let title = DisplayWidth.of(node.title) + 2
                let body = compact ? title : max(title, DisplayWidth.of(node.summary))
                width = max(width, min(compact ? 22 : 28, body + 2))
            }
            widths.append(width)
        }
    }

    /// The gaps: label room, then a column per back edge leaving, per bend target, per back
    /// edge arriving.
    private mutating func measureGaps(labelReserve: Int) {
        let count = order.layers.count
        backOut = [[Int]](repeating: [], count: count)
        backIn = [[Int]](repeating: [], count: count)
        for (index, edge) in graph.back.enumerated() {
            backOut[rank[edge.from] ?? 0].append(index)
            backIn[rank[edge.to] ?? 0].append(index)
        }
        labelRoom = [Int](repeating: 2, count: count)
        for edge in graph.forward + graph.back where !edge.label.isEmpty || labelReserve > 0 {
            let text = DisplayWidth.of(edge.label) + (labelReserve > 0 ? labelReserve + 1 : 0)
            let layer = rank[edge.from] ?? 0
            labelRoom[layer] = max(labelRoom[layer], text + 3)
        }
        bendTargets = [[String]](repeating: [], count: count)
        for (from, to) in order.links where rank[to] ?? 0 > 0 {
            let layer = (rank[to] ?? 1) - 1
            if !bendTargets[layer].contains(to), from != to { bendTargets[layer].append(to) }
        }
    }

    private mutating func placeColumns() {
        var x = backIn.first.map { $0.count + 1 } ?? 1
        for index in order.layers.indices {
            if index > 0 { x += backIn[index].count + 1 }
            layerX.append(x)
            x += widths[index] + labelRoom[index] + backOut[index].count + bendTargets[index].count + 1
        }
    }

    /// Rows: each item as close as it can to the row its first incoming line arrives on.
    private mutating func placeRows() {
        var arrivalRow: [String: Int] = [:]
        for layer in order.layers {
            var next = 0
            for id in layer {
                let inOffset = nodes[id] == nil ? 0 : 1
                let y = max(next, arrivalRow[id].map { $0 - inOffset } ?? 0)
                top[id] = y
                next = y + height(id) + 1
                if nodes[id] != nil {
                    let edgesOut = outgoing[id] ?? []
                    portRows[id] = edgesOut.indices.map { y + 1 + $0 }
                    for (slot, item) in edgesOut.enumerated() where !item.isBack {
                        let hop = firstHop(item)
                        if arrivalRow[hop] == nil { arrivalRow[hop] = y + 1 + slot }
                    }
                } else {
                    for (from, to) in order.links where from == id && arrivalRow[to] == nil {
                        arrivalRow[to] = y
                    }
                }
            }
        }
    }

    private mutating func makeBoxes() {
        for (index, layer) in order.layers.enumerated() {
            for id in layer {
                guard let node = nodes[id], let y = top[id] else {
                    if nodes[id] == nil { maxBottom = max(maxBottom, (top[id] ?? 0) + 1) }
                    continue
                }
                let rect = Rect(x: layerX[index], y: y, width: widths[index], height: height(id))
                boxes.append(
                    CanvasLayout.Box(
                        id: id, kind: node.kind, title: node.title, summary: node.summary, rect: rect,
                        layer: index))
                maxBottom = max(maxBottom, rect.maxY)
            }
        }
    }

    /// Turning columns in each gap, ordered so lines fanning out or in nest instead of
    /// crossing: lines going up turn in order of their target from the top, then lines going
    /// down in order of their target from the bottom.
    private mutating func sortBendTargets() {
        let (links, top, nodes) = (order.links, top, nodes)
        for layer in bendTargets.indices {
            bendTargets[layer].sort { a, b in
                let keyA = CanvasLayout.bendKey(a, links: links, top: top, isBox: { nodes[$0] != nil })
                let keyB = CanvasLayout.bendKey(b, links: links, top: top, isBox: { nodes[$0] != nil })
                return keyA != keyB ? keyA.lexicographicallyPrecedes(keyB) : a < b
            }
        }
    }
}

// MARK: Routing

extension CanvasPlacement {
    /// Every edge's polyline, in order of its source's id, and the rightmost column a line takes.
    func routes() -> (edges: [CanvasLayout.Edge], maxRight: Int) {
        let boxByID = Dictionary(boxes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var edges: [CanvasLayout.Edge] = []
        var maxRight = 0
        for id in outgoing.keys.sorted() {
            guard let source = boxByID[id] else { continue }
            for (slot, item) in (outgoing[id] ?? []).enumerated() {
                guard let target = boxByID[item.link.to] else { continue }
                let start = Point(x: source.rect.maxX - 1, y: portRows[id]?[slot] ?? source.inPort.y)
                if item.isBack {
                    let (edge, outColumn) = backRoute(item, from: source, start: start, to: target)
                    edges.append(edge)
                    maxRight = max(maxRight, outColumn)
                } else {
                    edges.append(forwardRoute(item, from: source, start: start, to: target))
                }
            }
        }
        return (edges, maxRight)
    }

    /// A back edge: out to its column in the source's gap, down below the graph, back left to
    /// its column before the target, and up into it.
    private func backRoute(
        _ item: Outgoing, from source: CanvasLayout.Box, start: Point, to target: CanvasLayout.Box
    ) -> (CanvasLayout.Edge, outColumn: Int) {
        let layer = source.layer
        let outColumn =
            layerX[layer] + widths[layer] + labelRoom[layer]
            + (backOut[layer].firstIndex(of: item.index) ?? 0)
        let inColumn = layerX[target.layer] - 2 - (backIn[target.layer].firstIndex(of: item.index) ?? 0)
        let loopY = maxBottom + 1 + item.index
        let points = [
            start, Point(x: outColumn, y: start.y), Point(x: outColumn, y: loopY),
            Point(x: inColumn, y: loopY),
            Point(x: inColumn, y: target.inPort.y), target.inPort,
        ]
        let edge = CanvasLayout.Edge(
            from: item.link.from, to: item.link.to, label: item.link.label, points: points, isBackEdge: true,
            labelOrigin: Point(x: start.x + 2, y: start.y))
        return (edge, outColumn)
    }

    /// A forward edge: through its dummies, turning in each gap's column for the next hop.
    private func forwardRoute(
        _ item: Outgoing, from source: CanvasLayout.Box, start: Point, to target: CanvasLayout.Box
    ) -> CanvasLayout.Edge {
        var points = [start]
        var y = start.y
        var layer = source.layer
        for dummy in order.chains[item.index] ?? [] {
            let dummyY = top[dummy] ?? y
            let column = bendX(layer: layer, target: dummy)
            points += [Point(x: column, y: y), Point(x: column, y: dummyY)]
            layer += 1
            points.append(Point(x: layerX[layer] + widths[layer] - 1, y: dummyY))
            y = dummyY
        }
        let column = bendX(layer: layer, target: item.link.to)
        points += [Point(x: column, y: y), Point(x: column, y: target.inPort.y), target.inPort]
        return CanvasLayout.Edge(
            from: item.link.from, to: item.link.to, label: item.link.label,
            points: CanvasLayout.simplified(points), isBackEdge: false,
            labelOrigin: Point(x: start.x + 2, y: start.y))
    }

    /// The column where a line turns towards `target` in the gap after `layer`.
    private func bendX(layer: Int, target: String) -> Int {
        let slot = bendTargets[layer].firstIndex(of: target) ?? 0
        return layerX[layer] + widths[layer] + labelRoom[layer] + backOut[layer].count + slot
    }
}
