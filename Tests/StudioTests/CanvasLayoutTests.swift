import CairnResources
import JourneyModel
import TerminalUI
import Testing

@testable import Studio

/// The canvas layout without a screen: layers, positions, no overlaps, fewer crossings, loops.
@Suite struct CanvasLayoutTests {
    static func journey(_ yaml: String) throws -> Journey {
        try #require(JourneyReader.read(yaml, file: "test.yaml").journey)
    }

    static let chain = """
        journey: chain
        name: Chain
        entry: { trigger: { type: event, event: lead.created }, next: send }
        nodes:
          - { id: send, kind: action, action: { type: send, channel: email, template: hi }, next: check }
          - id: check
            kind: decision
            if: { type: behavior, field: email.opened, operator: exists }
            then: done
            else: nudge
          - { id: nudge, kind: action, action: { type: send, channel: sms, template: nudge }, next: done }
          - { id: done, kind: exit }
        """

    @Test func layersAreLongestPathsFromTheEntry() throws {
        let layout = CanvasLayout(journey: try Self.journey(Self.chain))
        let layers = layout.layers.map { $0.filter { !$0.hasPrefix("\u{1}") } }
        #expect(layers == [["entry"], ["send"], ["check"], ["nudge"], ["done"]])
        // check → done skips the nudge layer: a dummy carries it through.
        #expect(layout.layers[3].count == 2)
    }

    @Test func boxesSitWhereTheirFirstEdgeArrives() throws {
        let layout = CanvasLayout(journey: try Self.journey(Self.chain))
        let rects = Dictionary(uniqueKeysWithValues: layout.boxes.map { ($0.id, $0.rect) })
        #expect(rects["entry"] == Rect(x: 1, y: 0, width: 23, height: 4))
        #expect(rects["send"]?.y == 0)
        #expect(rects["check"]?.y == 0)
        #expect(rects["check"]?.height == 4)
        // The decision's edges leave on rows of their own, in the order their targets sit: "no"
        // to the nudge straight on, "yes" below it towards the long edge to done.
        let yes = try #require(layout.edges.first { $0.from == "check" && $0.label == "yes" })
        let no = try #require(layout.edges.first { $0.from == "check" && $0.label == "no" })
        #expect(no.points.first?.y == 1)
        #expect(yes.points.first?.y == 2)
        #expect(no.points.count == 2)
        #expect(yes.to == "done" && no.to == "nudge")
        #expect(layout.box("done").map { $0.rect.x } ?? 0 > layout.box("nudge").map { $0.rect.maxX } ?? 0)
    }

    @Test(arguments: CairnResources.paths(under: "sample-journeys", suffix: ".journey.yaml"))
    func noTwoBoxesOverlap(path: String) throws {
        let text = try #require(CairnResources.files[path])
        let journey = try #require(JourneyReader.read(text, file: path).journey)
        for compact in [false, true] {
            let layout = CanvasLayout(journey: journey, compact: compact)
            #expect(layout.boxes.count == journey.nodes.count + 1)
            for (index, a) in layout.boxes.enumerated() {
                for b in layout.boxes.dropFirst(index + 1) {
                    #expect(a.rect.intersection(b.rect).isEmpty, "\(a.id) overlaps \(b.id) in \(path)")
                }
                #expect(a.rect.maxX <= layout.extent.width && a.rect.maxY <= layout.extent.height)
            }
            // Every edge is orthogonal and ends on its target's left border.
            for edge in layout.edges {
                for (p, q) in zip(edge.points, edge.points.dropFirst()) { #expect(p.x == q.x || p.y == q.y) }
                #expect(edge.points.last == layout.box(edge.to)?.inPort)
            }
        }
    }

    @Test func barycenterSweepsReduceCrossings() throws {
        // The split's paths lead to a and b; a goes on to y, b to x, but x is listed first: in
        // file order the two last edges cross.
        let journey = try Self.journey(
            """
            journey: crossed
            name: Crossed
            entry: { trigger: { type: event, event: lead.created }, next: split }
            nodes:
              - id: split
                kind: split
                paths:
                  - { name: a, weight: 50, next: a }
                  - { name: b, weight: 50, next: b }
              - { id: a, kind: action, action: { type: score, by: 1 }, next: y }
              - { id: b, kind: action, action: { type: score, by: 2 }, next: x }
              - { id: x, kind: exit }
              - { id: y, kind: exit }
            """)
        let graph = LayoutGraph(journey)
        var order = CanvasLayout.orderedLayers(graph, ranks: CanvasLayout.longestPathLayers(graph))
        #expect(order.layers == [["entry"], ["split"], ["a", "b"], ["x", "y"]])
        #expect(order.crossings == 1)
        order.reduceCrossings()
        #expect(order.crossings == 0)
        #expect(order.layers[3] == ["y", "x"])
        #expect(CanvasLayout(journey: journey).layers == order.layers)
    }

    @Test func aCycleThroughAWaitIsDrawnAsALoopBelow() throws {
        let journey = try Self.journey(
            """
            journey: loop
            name: Loop
            entry: { trigger: { type: event, event: lead.created }, next: ask }
            nodes:
              - { id: ask, kind: action, action: { type: send, channel: email, template: ask }, next: wait }
              - id: wait
                kind: wait
                wait: { event: email.opened, timeout: 2d }
                next: done
                on_timeout: ask
              - { id: done, kind: goal }
            """)
        let layout = CanvasLayout(journey: journey)
        let loop = try #require(layout.edges.first { $0.isBackEdge })
        #expect(loop.from == "wait" && loop.to == "ask" && loop.label == "timeout")
        let lowest = layout.boxes.map(\.rect.maxY).max() ?? 0
        #expect(loop.points.contains { $0.y > lowest })
        #expect(loop.points.last == layout.box("ask")?.inPort)
        #expect(layout.edges.filter(\.isBackEdge).count == 1)
        #expect(
            layout.layers.map { $0.filter { !$0.hasPrefix("\u{1}") } } == [
                ["entry"], ["ask"], ["wait"], ["done"],
            ])
        var frame = Frame(size: Size(width: 80, height: 10))
        frame.render(JourneyCanvasView(journey: journey, selection: "wait", compact: true), in: frame.area)
        assertSnapshot(frame.buffer, named: "canvas-loop-80x10")
    }

    @Test func edgeCountsFitTheRoomBesideTheLabel() {
        #expect(
            [950, 9999, 12_345, 999_999, 1_234_567, 12_345_678].map(JourneyCanvasView.compactCount) == [
                "950", "9999", "12k", "999k", "1.2M", "12M",
            ])
    }
}
