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

    /// Below this width the canvas lays the journey out top to bottom (`VerticalFlowLayout`).
    static let verticalBelowWidth = 100

    /// The layout for a canvas `width` columns wide: left to right, or top to bottom when narrow.
    init(journey: Journey, compact: Bool, labelReserve: Int, width: Int) {
        if width < Self.verticalBelowWidth {
            self = VerticalFlowLayout.layout(journey, compact: compact, labelReserve: labelReserve)
        } else {
            self.init(journey: journey, compact: compact, labelReserve: labelReserve)
        }
    }

    /// A layout made elsewhere (`VerticalFlowLayout`).
    init(boxes: [Box], edges: [Edge], layers: [[String]], extent: Size) {
        self.boxes = boxes
        self.edges = edges
        self.layers = layers
        self.extent = extent
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

    /// Boxes in their columns and rows, then the edges routed between them (`CanvasPlacement`).
    private mutating func place(_ graph: LayoutGraph, _ order: LayerOrder, compact: Bool, labelReserve: Int) {
        let placement = CanvasPlacement(graph, order, compact: compact, labelReserve: labelReserve)
        boxes = placement.boxes
        let routed = placement.routes()
        edges = routed.edges
        let maxRight = boxes.reduce(routed.maxRight) { max($0, $1.rect.maxX) }
        let loops = graph.back.count
        extent = Size(width: maxRight + 2, height: placement.maxBottom + (loops > 0 ? loops + 1 : 0))
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
