import Analytics
import Foundation
import TerminalUI
import Testing
import Workspace

@testable import Studio

@Suite struct LeadInspectorScreenTests {
    /// Run 1 (welcome-series on sample, seed 1) and the first lead, by id, with both a decision
    /// explained and a message.
    static func leadWithADecisionAndAMessage() throws -> (TestWorkspace, LeadTimeline) {
        let workspace = try TestWorkspace()
        try workspace.workspace.replay(ReplayOrder(journey: "welcome-series", cohort: "sample", seed: 1))
        for number in 1...24 {
            let lead = String(format: "L%03d", number)
            guard let timeline = try? LeadTimeline.load(workspace.workspace, run: 1, lead: lead) else {
                continue
            }
            let executions = timeline.executions
            if executions.contains(where: {
                $0.stays.contains { !$0.explanation.isEmpty } && !$0.messages.isEmpty
            }) {
                return (workspace, timeline)
            }
        }
        throw NoSuchLead()
    }

    struct NoSuchLead: Error {}

    @Test func theTimelineExplainsEveryLeafAndEachMessagesFate() throws {
        let (workspace, timeline) = try Self.leadWithADecisionAndAMessage()
        let (screen, _) = runStudio(workspace, start: [.lead(id: timeline.lead, run: 1)], events: [])
        let text = screen.lastFrame.plainText
        let execution = try #require(timeline.executions.first)
        let leaf = try #require(execution.stays.flatMap(\.explanation).first)
        #expect(text.contains("\(leaf.field) \(leaf.op): expected \(leaf.expected), actual \(leaf.actual)"))
        let message = try #require(execution.messages.first)
        #expect(text.contains("\(message.channel) '\(message.template ?? "")': \(message.status)"))
        #expect(text.contains("— \(execution.status)"))
        assertSnapshot(screen.lastFrame, named: "lead-timeline-80x24")
        let (wide, _) = runStudio(
            workspace, start: [.lead(id: timeline.lead, run: 1)], size: Size(width: 120, height: 40),
            events: [])
        assertSnapshot(wide.lastFrame, named: "lead-timeline-120x40")
    }

    @Test func anUnknownLeadSaysSoOnTheScreen() throws {
        let (workspace, _) = try Self.leadWithADecisionAndAMessage()
        let (screen, _) = runStudio(workspace, start: [.lead(id: "nobody", run: 1)], events: [])
        #expect(screen.lastFrame.plainText.contains("lead 'nobody' did not enter run 1"))
        assertSnapshot(screen.lastFrame, named: "lead-unknown-80x24")
    }

    @Test func slashSearchesAndScrollsToTheMatch() throws {
        let (workspace, timeline) = try Self.leadWithADecisionAndAMessage()
        let (_, model) = runStudio(
            workspace, start: [.lead(id: timeline.lead, run: 1)],
            events: Event.keys("/") + Event.typing("special-offer") + Event.keys("enter"))
        let inspector = try #require(model.current as? LeadInspectorScreen)
        let lines = try #require(inspector.lines)
        let text = lines[inspector.scroll].spans.map(\.text).joined()
        #expect(text.contains("special-offer"))
    }

    @Test func handoffContextReadsAsLines() {
        let json = """
            {"conversation":[{"at":"2026-10-01T08:00:00Z","channel":"email","type":"sent","template":"welcome"}],
             "score":82,"previous_agents":["a1"],"reason":"hot","metadata":{},"outcome":"assigned"}
            """
        #expect(
            LeadTimelineLines.context(json) == [
                "score 82", "previous agents: a1", "conversation so far:",
                "  2026-10-01 08:00  email sent welcome",
            ])
    }
}
