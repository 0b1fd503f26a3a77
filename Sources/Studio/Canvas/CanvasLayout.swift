import JourneyModel
import TerminalUI

/// Where every box and line of a journey goes, left to right: a layered (Sugiyama-style)
/// layout. Layers by longest path from the entry; long edges pass through their middle layers
/// as one-row "dummies" so crossing reduction (barycenter sweeps) and routing treat them like
/// nodes; edges leave a box on a row of their own (labels sit on that row) and turn once in
/// the gap before their target; back edges (cycles through waits) loop around below the graph.
/// Pure: the canvas screen, its navigation and the tests all use the same value.
struct CanvasLayout: Sendable, Hashable {
    struct Box: Sendable, Hashable {
        var id: String
        var kind: NodeKind
        var title: String
        var summary: String
        var rect: Rect
        var layer: Int
        /// Where edges come in (on the left border).
        var inPort: Point { Point(x: rect.x, y: rect.y + 1) }
    }

    struct Edge: Sendable, Hashable {
        var from: String
        var to: String
        var label: String
        /// The polyline, from the source's right border to the target's left border.
        var points: [Point]
        var isBackEdge: Bool
        /// Where the label (and a run's share) is written, over the line.
        var labelOrigin: Point
    }

    private(set) var boxes: [Box] = []
    private(set) var edges: [Edge] = []
    /// Node ids (and dummy ids) per layer, top to bottom, after crossing reduction.
    private(set) var layers: [[String]] = []
    private(set) var extent = Size(width: 0, height: 0)

    /// Rows a label may take beyond its text (a run's share, "100%", when the overlay is on).
    init(journey: Journey, compact: Bool = false, labelReserve: Int = 0) {
        let graph = LayoutGraph(journey)
        let ranks = Self.longestPathLayers(graph)
        var ordered = Self.orderedLayers(graph, ranks: ranks)
        ordered.reduceCrossings()
        layers = ordered.layers
        place(graph, ordered, compact: compact, labelReserve: labelReserve)
    }

    func box(_ id: String) -> Box? { boxes.first { $0.id == id } }

    /// The box at a canvas point, if any.
    func box(at point: Point) -> Box? { boxes.first { $0.rect.contains(point) } }

    // MARK: Layering

    /// Longest path from a source over forward edges: every edge goes at least one layer right.
    static func longestPathLayers(_ graph: LayoutGraph) -> [String: Int] {
        var incoming: [String: Int] = [:]
        for id in graph.ids { incoming[id] = 0 }
        for edge in graph.forward { incoming[edge.to, default: 0] += 1 }
        var layer: [String: Int] = [:]
        var ready = graph.ids.filter { incoming[$0] == 0 }
        for id in ready { layer[id] = 0 }
        var cursor = 0
        while cursor < ready.count {
            let id = ready[cursor]
            cursor += 1
            for edge in graph.forward where edge.from == id {
                layer[edge.to] = max(layer[edge.to] ?? 0, (layer[id] ?? 0) + 1)
                incoming[edge.to, default: 0] -= 1
                if incoming[edge.to] == 0 { ready.append(edge.to) }
            }
        }
        return layer
    }

    /// Layers with dummies for long edges, first ordered by depth-first discovery.
    static func orderedLayers(_ graph: LayoutGraph, ranks: [String: Int]) -> LayerOrder {
        let count = (ranks.values.max() ?? 0) + 1
        var layers = [[String]](repeating: [], count: count)
        for id in graph.ids { layers[ranks[id] ?? 0].append(id) }
        var links: [(String, String)] = []
        var chains: [Int: [String]] = [:]
        for (index, edge) in graph.forward.enumerated() {
            let from = ranks[edge.from] ?? 0
            let to = ranks[edge.to] ?? 0
            var previous = edge.from
            var chain: [String] = []
            for layer in stride(from: from + 1, to: to, by: 1) {
                let dummy = "\u{1}\(index):\(layer)"
                layers[layer].append(dummy)
                chain.append(dummy)
                links.append((previous, dummy))
                previous = dummy
            }
            links.append((previous, edge.to))
            chains[index] = chain
        }
        return LayerOrder(layers: layers, links: links, chains: chains)
    }

    // MARK: Placement and routing

    private mutating func place(_ graph: LayoutGraph, _ order: LayerOrder, compact: Bool, labelReserve: Int) {
        let boxHeight = compact ? 3 : 4
        let nodes = Dictionary(graph.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var rank: [String: Int] = [:]
        for (index, layer) in order.layers.enumerated() { for id in layer { rank[id] = index } }
        // Outgoing edges in the order their targets sit, so they leave without crossing each other.
        var position: [String: Int] = [:]
        for layer in order.layers { for (index, id) in layer.enumerated() { position[id] = index } }
        let allEdges =
            graph.forward.enumerated().map { ($0.offset, $0.element, false) }
            + graph.back.enumerated().map { ($0.offset, $0.element, true) }
        func firstHop(_ index: Int, _ edge: LayoutGraph.Link, _ back: Bool) -> String {
            back ? edge.to : (order.chains[index]?.first ?? edge.to)
        }
        var outgoing: [String: [(Int, LayoutGraph.Link, Bool)]] = [:]
        for item in allEdges { outgoing[item.1.from, default: []].append(item) }
        for id in outgoing.keys {
            outgoing[id]?.sort { a, b in
                if a.2 != b.2 { return !a.2 }
                return (position[firstHop(a.0, a.1, a.2)] ?? 0) < (position[firstHop(b.0, b.1, b.2)] ?? 0)
            }
        }
        func height(_ id: String) -> Int {
            guard nodes[id] != nil else { return 1 }
            return max(boxHeight, (outgoing[id]?.count ?? 0) + 2)
        }
        // Widths per layer: the widest title or summary, within limits.
        var widths: [Int] = []
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
        // The gaps: label room, then a column per back edge leaving, per bend target, per back
        // edge arriving.
        var backOut = [[Int]](repeating: [], count: order.layers.count)
        var backIn = [[Int]](repeating: [], count: order.layers.count)
        for (index, edge) in graph.back.enumerated() {
            backOut[rank[edge.from] ?? 0].append(index)
            backIn[rank[edge.to] ?? 0].append(index)
        }
        var labelRoom = [Int](repeating: 2, count: order.layers.count)
        for edge in graph.forward + graph.back where !edge.label.isEmpty || labelReserve > 0 {
            let text = DisplayWidth.of(edge.label) + (labelReserve > 0 ? labelReserve + 1 : 0)
            let layer = rank[edge.from] ?? 0
            labelRoom[layer] = max(labelRoom[layer], text + 3)
        }
        var bendTargets = [[String]](repeating: [], count: order.layers.count)
        for (from, to) in order.links where rank[to] ?? 0 > 0 {
            let layer = (rank[to] ?? 1) - 1
            if !bendTargets[layer].contains(to), from != to { bendTargets[layer].append(to) }
        }
        var layerX: [Int] = []
        var x = backIn.first.map { $0.count + 1 } ?? 1
        for index in order.layers.indices {
            if index > 0 { x += backIn[index].count + 1 }
            layerX.append(x)
            x += widths[index] + labelRoom[index] + backOut[index].count + bendTargets[index].count + 1
        }
        // Rows: each item as close as it can to the row its first incoming line arrives on.
        var top: [String: Int] = [:]
        var portRows: [String: [Int]] = [:]
        var arrivalRow: [String: Int] = [:]
        for layer in order.layers {
            var next = 0
            for id in layer {
                let inOffset = nodes[id] == nil ? 0 : 1
                let wanted = arrivalRow[id].map { $0 - inOffset } ?? 0
                let y = max(next, wanted)
                top[id] = y
                next = y + height(id) + 1
                if nodes[id] != nil {
                    let edgesOut = outgoing[id] ?? []
                    portRows[id] = edgesOut.indices.map { y + 1 + $0 }
                    for (slot, item) in edgesOut.enumerated() where !item.2 {
                        let hop = firstHop(item.0, item.1, false)
                        if arrivalRow[hop] == nil { arrivalRow[hop] = y + 1 + slot }
                    }
                } else {
                    for (from, to) in order.links where from == id && arrivalRow[to] == nil {
                        arrivalRow[to] = y
                    }
                }
            }
        }
        var maxBottom = 0
        for (index, layer) in order.layers.enumerated() {
            for id in layer {
                guard let node = nodes[id], let y = top[id] else { continue }
                let rect = Rect(x: layerX[index], y: y, width: widths[index], height: height(id))
                boxes.append(
                    Box(
                        id: id, kind: node.kind, title: node.title, summary: node.summary, rect: rect,
                        layer: index))
                maxBottom = max(maxBottom, rect.maxY)
            }
        }
        for layer in order.layers {
            for id in layer where nodes[id] == nil { maxBottom = max(maxBottom, (top[id] ?? 0) + 1) }
        }
        // Turning columns in each gap, ordered so lines fanning out or in nest instead of
        // crossing: lines going up turn in order of their target from the top, then lines going
        // down in order of their target from the bottom.
        for layer in bendTargets.indices {
            bendTargets[layer].sort { a, b in
                let keyA = Self.bendKey(a, links: order.links, top: top, isBox: { nodes[$0] != nil })
                let keyB = Self.bendKey(b, links: order.links, top: top, isBox: { nodes[$0] != nil })
                return keyA != keyB ? keyA.lexicographicallyPrecedes(keyB) : a < b
            }
        }
        let boxByID = Dictionary(boxes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func bendX(layer: Int, target: String) -> Int {
            let slot = bendTargets[layer].firstIndex(of: target) ?? 0
            return layerX[layer] + widths[layer] + labelRoom[layer] + backOut[layer].count + slot
        }
        var maxRight = 0
        for id in outgoing.keys.sorted() {
            guard let source = boxByID[id] else { continue }
            for (slot, item) in (outgoing[id] ?? []).enumerated() {
                let (index, link, isBack) = item
                let startY = portRows[id]?[slot] ?? source.inPort.y
                let start = Point(x: source.rect.maxX - 1, y: startY)
                var points = [start]
                let labelOrigin = Point(x: start.x + 2, y: startY)
                if isBack {
                    guard let target = boxByID[link.to] else { continue }
                    let sourceLayer = source.layer
                    let outColumn =
                        layerX[sourceLayer] + widths[sourceLayer] + labelRoom[sourceLayer]
                        + (backOut[sourceLayer].firstIndex(of: index) ?? 0)
                    let inSlot = backIn[target.layer].firstIndex(of: index) ?? 0
                    let inColumn = layerX[target.layer] - 2 - inSlot
                    let loopY = maxBottom + 1 + index
                    points += [
                        Point(x: outColumn, y: startY), Point(x: outColumn, y: loopY),
                        Point(x: inColumn, y: loopY), Point(x: inColumn, y: target.inPort.y), target.inPort,
                    ]
                    maxRight = max(maxRight, outColumn)
                    edges.append(
                        Edge(
                            from: link.from, to: link.to, label: link.label, points: points, isBackEdge: true,
                            labelOrigin: labelOrigin))
                    continue
                }
                guard let target = boxByID[link.to] else { continue }
                var y = startY
                var layer = source.layer
                for dummy in order.chains[index] ?? [] {
                    let dummyY = top[dummy] ?? y
                    let column = bendX(layer: layer, target: dummy)
                    points += [Point(x: column, y: y), Point(x: column, y: dummyY)]
                    layer += 1
                    points.append(Point(x: layerX[layer] + widths[layer] - 1, y: dummyY))
                    y = dummyY
                }
                let column = bendX(layer: layer, target: link.to)
                points += [Point(x: column, y: y), Point(x: column, y: target.inPort.y), target.inPort]
                edges.append(
                    Edge(
                        from: link.from, to: link.to, label: link.label, points: Self.simplified(points),
                        isBackEdge: false, labelOrigin: labelOrigin))
            }
        }
        for box in boxes { maxRight = max(maxRight, box.rect.maxX) }
        let loops = graph.back.count
        extent = Size(width: maxRight + 2, height: maxBottom + (loops > 0 ? loops + 1 : 0))
    }

    /// Where a target's turning column goes among its gap's: up-going lines first (top target
    /// first), then down-going ones (bottom target first).
    static func bendKey(
        _ target: String, links: [(String, String)], top: [String: Int], isBox: (String) -> Bool
    ) -> [Int] {
        let arrival = (top[target] ?? 0) + (isBox(target) ? 1 : 0)
        let sources = links.filter { $0.1 == target }.map { (top[$0.0] ?? 0) + (isBox($0.0) ? 1 : 0) }
        let from = sources.isEmpty ? arrival : sources.reduce(0, +) / sources.count
        return arrival < from ? [0, arrival] : [1, -arrival]
    }

    /// Drops repeated points and points in the middle of a straight run.
    static func simplified(_ points: [Point]) -> [Point] {
        var result: [Point] = []
        for point in points where result.last != point {
            if result.count >= 2 {
                let a = result[result.count - 2]
                let b = result[result.count - 1]
                if (a.x == b.x && b.x == point.x) || (a.y == b.y && b.y == point.y) { result.removeLast() }
            }
            result.append(point)
        }
        return result
    }
}

/// The journey as the layout sees it: the entry and the nodes (first of a repeated id), edges to
/// known ids (parallel edges merged, their labels joined), split into forward and back edges by a
/// depth-first walk from the entry.
struct LayoutGraph: Sendable {
    struct Node: Sendable {
        var id: String
        var kind: NodeKind
        var title: String
        var summary: String
    }

    struct Link: Sendable, Hashable {
        var from: String
        var to: String
        var label: String
    }

    var nodes: [Node] = []
    var forward: [Link] = []
    var back: [Link] = []
    var ids: [String] { nodes.map(\.id) }

    init(_ journey: Journey) {
        nodes.append(
            Node(
                id: Journey.entryID, kind: .entry, title: Journey.entryID,
                summary: NodeSummary.trigger(journey.entry.trigger)))
        var seen: Set<String> = [Journey.entryID]
        var links: [String: [Link]] = [:]
        for node in journey.nodes where seen.insert(node.id).inserted {
            nodes.append(
                Node(
                    id: node.id, kind: node.kind, title: node.label ?? node.id,
                    summary: NodeSummary.line(node)))
        }
        func add(_ from: String, _ to: String, _ label: String) {
            guard seen.contains(to) else { return }
            if let index = links[from]?.firstIndex(where: { $0.to == to }) {
                let joined = [links[from]?[index].label ?? "", label].filter { !$0.isEmpty }
                links[from]?[index].label = joined.joined(separator: "/")
            } else {
                links[from, default: []].append(Link(from: from, to: to, label: label))
            }
        }
        add(Journey.entryID, journey.entry.next, "")
        var added: Set<String> = []
        for node in journey.nodes where added.insert(node.id).inserted {
            for edge in node.edges { add(node.id, edge.target, Self.shortLabel(edge, of: node)) }
        }
        // Depth-first from the entry, then from anything unreached, in file order: an edge to a
        // node still on the walk's stack closes a cycle and is drawn as a loop.
        var state: [String: Int] = [:]
        for root in ids where state[root] == nil {
            var stack: [(id: String, next: Int)] = [(root, 0)]
            state[root] = 1
            while let (id, next) = stack.last {
                let out = links[id] ?? []
                guard next < out.count else {
                    state[id] = 2
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let link = out[next]
                switch state[link.to] {
                case 1: back.append(link)
                case 2: forward.append(link)
                default:
                    forward.append(link)
                    state[link.to] = 1
                    stack.append((link.to, 0))
                }
            }
        }
    }

    /// `yes`/`no` for a one-branch decision, a split's `60%`, `timeout`: short enough for a gap.
    static func shortLabel(_ edge: JourneyEdge, of node: JourneyNode) -> String {
        if case .split(let split) = node.body, let path = split.paths.first(where: { $0.next == edge.target })
        {
            return "\(path.name) \(path.weight)%"
        }
        return edge.label
    }
}

/// The order of items in each layer and the links between adjacent layers.
struct LayerOrder: Sendable {
    var layers: [[String]]
    var links: [(String, String)]
    /// Dummies of each forward edge (by its index), left to right.
    var chains: [Int: [String]]

    /// Crossings between adjacent layers.
    var crossings: Int {
        var position: [String: Int] = [:]
        var rank: [String: Int] = [:]
        for (layer, ids) in layers.enumerated() {
            for (index, id) in ids.enumerated() {
                position[id] = index
                rank[id] = layer
            }
        }
        var byLayer: [Int: [(Int, Int)]] = [:]
        for (from, to) in links {
            byLayer[rank[from] ?? 0, default: []].append((position[from] ?? 0, position[to] ?? 0))
        }
        var total = 0
        for pairs in byLayer.values {
            for i in pairs.indices {
                for j in pairs.indices where j > i {
                    let (a, b) = (pairs[i], pairs[j])
                    if (a.0 < b.0 && a.1 > b.1) || (a.0 > b.0 && a.1 < b.1) { total += 1 }
                }
            }
        }
        return total
    }

    /// Barycenter sweeps, down then up, keeping the best order seen.
    mutating func reduceCrossings(sweeps: Int = 6) {
        var best = layers
        var bestCrossings = crossings
        for sweep in 0..<sweeps {
            let downward = sweep % 2 == 0
            let indices =
                downward ? Array(layers.indices.dropFirst()) : Array(layers.indices.dropLast().reversed())
            for layer in indices {
                let neighbour = downward ? layer - 1 : layer + 1
                var position: [String: Int] = [:]
                for (index, id) in layers[neighbour].enumerated() { position[id] = index }
                let current = layers[layer]
                let keys = current.enumerated().map { index, id -> (String, Double) in
                    let adjacent = links.compactMap { link -> Int? in
                        downward
                            ? (link.1 == id ? position[link.0] : nil)
                            : (link.0 == id ? position[link.1] : nil)
                    }
                    guard !adjacent.isEmpty else { return (id, Double(index)) }
                    return (id, Double(adjacent.reduce(0, +)) / Double(adjacent.count))
                }
                let original = Dictionary(uniqueKeysWithValues: current.enumerated().map { ($1, $0) })
                layers[layer] = keys.sorted { a, b in
                    a.1 != b.1 ? a.1 < b.1 : (original[a.0] ?? 0) < (original[b.0] ?? 0)
                }.map(\.0)
            }
            let count = crossings
            if count < bestCrossings {
                best = layers
                bestCrossings = count
            }
        }
        layers = best
    }
}
