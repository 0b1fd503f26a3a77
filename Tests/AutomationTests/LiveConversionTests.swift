import Foundation
import Testing
import Workspace

@testable import Automation

/// A live run writes its conversions to the step log as a replay does — those after an
/// execution ended too (a held-out lead, a lead that finished its path) — and a split's stays
/// record the path taken, so the summaries recomputed from the step log count them.
@Suite struct LiveConversionTests {
    static let offer = """
        journey: live-offer
        name: Live offer
        entry:
          trigger: { type: event, event: lead.created }
          reentry: never
          next: offer
        nodes:
          - id: offer
            kind: split
            paths:
              - { name: a, weight: 50, next: welcome }
            holdout: 50
          - id: welcome
            kind: action
            action: { type: send, channel: email, template: welcome }
            next: done
          - id: done
            kind: exit
            reason: sent
        """

    let t0 = LiveFixture.start

    @Test func conversionsAfterExitAreStepLogRows() throws {
        let live = try LiveFixture(journey: Self.offer)
        try live.push((1...8).map { LiveFixture.lead("L\($0)", at: t0) })
        try live.runtime.iterate(at: t0)
        let later = t0.addingTimeInterval(5)
        try live.push((1...8).map { LiveFixture.event("L\($0)", "converted", channel: "email", at: later) })
        try live.run(from: later, through: later.addingTimeInterval(1))

        let paths = try live.rows(
            "SELECT lead_id, outcome FROM node_stays WHERE node_id = 'offer' ORDER BY lead_id")
        #expect(paths.count == 8)
        #expect(Set(paths.map { $0[1] }) == ["a", "holdout"])
        #expect(
            try live.rows("SELECT lead_id, after_exit, channel FROM conversions ORDER BY lead_id")
                == paths.map { [$0[0], "1", $0[1] == "a" ? "email" : "-"] })
        #expect(try live.count("SELECT COUNT(*) FROM workflow_executions WHERE status = 'converted'") == 0)

        let run = Int64(try live.count("SELECT id FROM runs"))
        try live.workspace.refreshRunSummaries(run: run, now: later.addingTimeInterval(2))
        let taken = paths.filter { $0[1] == "a" }.count
        #expect(
            try live.rows("SELECT path, leads, conversions FROM run_split_summary ORDER BY path") == [
                ["a", "\(taken)", "\(taken)"], ["holdout", "\(8 - taken)", "\(8 - taken)"],
            ])
        #expect(
            try live.rows("SELECT channel, converted FROM run_channel_summary") == [["email", "\(taken)"]])
    }
}
