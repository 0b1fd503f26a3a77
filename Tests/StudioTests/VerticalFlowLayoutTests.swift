import CairnResources
import JourneyModel
import TerminalUI
import Testing

@testable import Studio

/// The narrow canvas: one column in flow order, every way out either a line down to the box
/// below or a stub that names where it goes; and the outline in the same flow order.
@Suite struct VerticalFlowLayoutTests {
    @Test(arguments: CairnResources.paths(under: "sample-journeys", suffix: ".journey.yaml"))
    func everyWayOutShowsBesideItsBoxAt80Columns(path: String) throws {
        let text = try #require(CairnResources.files[path])
        let journey = try #require(JourneyReader.read(text, file: path).journey)
        for compact in [false, true] {
            let layout = CanvasLayout(journey: journey, compact: compact, labelReserve: 4, width: 80)
            #expect(layout.boxes.map(\.id) == journey.idsInFlowOrder)
            #expect(Set(layout.boxes.map(\.rect.x)) == [VerticalFlowLayout.left])
            for (a, b) in zip(layout.boxes, layout.boxes.dropFirst()) { #expect(a.rect.maxY < b.rect.y) }
            // Every edge of the graph is drawn once, and fits in 80 columns with a run's share.
            let graph = LayoutGraph(journey)
            #expect(layout.edges.count == graph.forward.count + graph.back.count, "\(path)")
            #expect(layout.extent.width <= 80, "\(path) is \(layout.extent.width) wide")
            for edge in layout.edges {
                let source = try #require(layout.box(edge.from))
                let target = try #require(layout.box(edge.to))
                if edge.points.last == Point(x: source.rect.x + 2, y: target.rect.y) {
                    #expect(target.layer == source.layer + 1, "a line down goes to the box below")
                } else {
                    #expect(edge.label.contains(edge.to), "the stub of \(edge.from) says where it goes")
                    #expect(edge.points.first?.x == source.rect.maxX - 1)
                }
            }
        }
    }

    @Test func theDecisionsOtherBranchIsAStubThatNamesIt() throws {
        let text = try #require(CairnResources.files["sample-journeys/welcome-series.journey.yaml"])
        let journey = try #require(JourneyReader.read(text, file: "welcome-series").journey)
        let layout = CanvasLayout(journey: journey, compact: false, labelReserve: 0, width: 80)
        let labels = layout.edges.filter { $0.from == "opened-welcome" }.map(\.label)
        // In flow order the `no` branch (sms-nudge) comes before wait-to-day-5, where both meet:
        // `no` is the line down, `yes` the stub that names where it goes.
        #expect(labels.sorted() == [" wait-to-day-5 (yes)", "no"])
        #expect(layout.edges.first { $0.from == "sms-nudge" }?.label == "")
        // From 100 columns the journey runs left to right again.
        let wide = CanvasLayout(journey: journey, compact: false, labelReserve: 0, width: 120)
        #expect(Set(wide.boxes.map(\.rect.x)).count > 1)
    }

    @Test func theOutlineFollowsTheFlowFromTheEntry() throws {
        let text = try #require(CairnResources.files["sample-journeys/welcome-series.journey.yaml"])
        let journey = try #require(JourneyReader.read(text, file: "welcome-series").journey)
        #expect(
            journey.idsInFlowOrder == [
                "entry", "welcome-email", "wait-2d", "opened-welcome", "sms-nudge", "wait-to-day-5",
                "educational", "wait-to-day-7", "special-offer", "done",
            ])
        // A node nothing leads to comes last, in file order.
        var orphaned = journey
        orphaned.nodes.insert(JourneyNode(id: "aside", body: .exit(ExitStep(reason: nil))), at: 0)
        #expect(orphaned.idsInFlowOrder.last == "aside")
    }
}
