import Foundation
import GRDB
import JourneyModel
import ReplayEngine
import TestSupport
import Testing

@testable import Workspace

/// A replay over recorded events spans the cohort's recorded history plus the journey's longest
/// wait, stores that span with the run, and counts what the trigger's fires came to, on the
/// hand-computed `WinBackFixture`.
@Suite struct RecordedSpanTests {
    static func workspace(within: String = "90d", schedule: String = "weekly on mon at 09:00") throws
        -> TestWorkspace
    {
        let test = try TestWorkspace()
        try test.workspace.importCohort(
            name: "history", inputs: [.text(WinBackFixture.cohortJSONL, name: "history.jsonl")])
        try test.workspace.saveJourney(
            yaml: WinBackFixture.journeyYAML(within: within, schedule: schedule),
            file: "win-back.journey.yaml")
        return test
    }

    static func epoch(_ text: String) -> Int64 { EpochSeconds.parse(text) ?? -1 }

    @Test func longestWaitIsTheLongestRunOfWaits() throws {
        let journey = try #require(
            JourneyReader.readAndValidate(bytes: Array(WinBackFixture.journeyYAML().utf8), file: "j").journey)
        // wait-3d, then the purchase wait's 14d timeout.
        #expect(journey.longestWait == .days(17))
        // re-engagement: the email click (4d), SMS reply (3d) and chat reply (5d) waits, one
        // after another on the path of timeouts; the single longest is 5d.
        let file = "sample-journeys/re-engagement.journey.yaml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        let reEngagement = try #require(
            JourneyReader.readAndValidate(bytes: Array(text.utf8), file: file).journey)
        #expect(reEngagement.longestWait == .days(12))
        #expect(
            Journey.longest(
                .window(TimeWindow(from: TimeOfDay(hour: 9, minute: 0), to: TimeOfDay(hour: 17, minute: 0))))
                == .days(7))
    }

    @Test func theOldDefaultLetNobodyIn() throws {
        let test = try Self.workspace()
        let journey = try test.workspace.journeyToReplay("win-back", version: nil).journey
        let leads = try test.workspace.replayCohort(named: "history")
        defer { try? leads.close() }
        // No horizon: a time trigger fires for 90 days after each lead's creation, as before.
        let summary = Replay.run(
            journey: journey, cohort: leads, configuration: ReplayConfiguration(mode: .recorded),
            recorder: NullRecorder())
        #expect(summary.entries == 0)
    }

    @Test func recordedReplaySpansTheHistoryAndCountsTheFires() throws {
        let test = try Self.workspace()
        let outcome = try test.workspace.replay(
            ReplayOrder(journey: "win-back", cohort: "history", mode: .recorded))
        #expect(outcome.summary.entries == 3)
        let span = outcome.span
        #expect(span.basis == .recordedHistory)
        #expect(span.start == Self.epoch("2025-01-01T00:00:00Z"))
        #expect(span.lastRecorded == Self.epoch("2025-06-30T12:00:00Z"))
        #expect(span.longestWaitSeconds == 17 * 86_400)
        #expect(span.end == Self.epoch("2025-07-17T12:00:00Z"))
        #expect(
            span.text
                == "span 2025-01-01T00:00:00Z – 2025-07-17T12:00:00Z (recorded history to 2025-06-30T12:00:00Z"
                + " + longest run of waits 17d)")
        let stored = try test.workspace.pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT horizon_at, options FROM runs WHERE id = ?", arguments: [outcome.runID])
        }
        #expect(stored?["horizon_at"] == Self.epoch("2025-07-17T12:00:00Z"))
        #expect(
            stored?["options"] as String?
                == #"{"span":{"basis":"recorded-history","end":1752753600,"last_recorded":1751284800,"#
                + #""longest_wait_seconds":1468800,"start":1735689600}}"#)
        let tally = try #require(
            try test.workspace.pool.read { db in try RunEntrySummary.read(db, run: outcome.runID) })
        #expect(tally == outcome.summary.entry)
        #expect(
            tally.triggerFires == 79 && tally.heldBack == 0 && tally.refused == 76 && tally.refusedLeads == 4)
        #expect(
            tally.leaves == [
                AudienceLeafTally(index: 0, text: "purchase ≥ 1", negated: false, refusals: 29, leads: 2),
                AudienceLeafTally(
                    index: 1, text: "no purchase within 90d", negated: false, refusals: 47, leads: 3),
            ])
        #expect(EntryDiagnosis.diagnose(leads: 4, entries: 3, tally: tally) == nil)
    }

    @Test func anAudienceThatRefusesEveryoneIsNamed() throws {
        let test = try Self.workspace(within: "400d")
        let outcome = try test.workspace.replay(
            ReplayOrder(journey: "win-back", cohort: "history", mode: .recorded))
        let tally = outcome.summary.entry
        #expect(outcome.summary.entries == 0)
        #expect(tally.triggerFires == 108 && tally.refused == 108 && tally.refusedLeads == 4)
        #expect(tally.leaves.map(\.refusals) == [29, 79] && tally.leaves.map(\.leads) == [2, 3])
        let diagnosis = try #require(EntryDiagnosis.diagnose(leads: 4, entries: 0, tally: tally))
        #expect(diagnosis.cause == .audienceRefused)
        #expect(
            diagnosis.text
                == "nobody entered: the audience refused 108 of 108 trigger fires; leaf 'no purchase within 400d'"
                + " refused the most leads: 3 at 79 fire times")
    }

    @Test func aTriggerThatNeverFiresInTheSpanIsSaid() throws {
        let test = try Self.workspace(schedule: "on 2030-01-01 at 09:00")
        let outcome = try test.workspace.replay(
            ReplayOrder(journey: "win-back", cohort: "history", mode: .recorded))
        #expect(outcome.summary.entries == 0 && outcome.summary.entry.triggerFires == 0)
        #expect(
            EntryDiagnosis.diagnose(leads: 4, entries: 0, tally: outcome.summary.entry)?.text
                == "nobody entered: the trigger never fired in the span")
    }

    @Test func untilOverridesAndSimulatedStaysOpenEnded() throws {
        let test = try Self.workspace()
        let until = try test.workspace.replay(
            ReplayOrder(
                journey: "win-back", cohort: "history", mode: .recorded,
                horizon: EpochSeconds.date(Self.epoch("2025-05-01T00:00:00Z"))))
        #expect(
            until.span
                == ReplaySpan(
                    basis: .until, start: Self.epoch("2025-01-01T00:00:00Z"),
                    end: Self.epoch("2025-05-01T00:00:00Z")))
        #expect(until.span.text == "span 2025-01-01T00:00:00Z – 2025-05-01T00:00:00Z (--until)")
        // Only L-A's entry (2025-04-07) comes before the 1st of May.
        #expect(until.summary.entries == 1)
        let simulated = try test.workspace.replay(
            ReplayOrder(journey: "win-back", cohort: "history", mode: .simulated))
        #expect(simulated.span.basis == .openEnded && simulated.span.end == nil)
        #expect(
            simulated.span.text
                == "span 2025-01-01T00:00:00Z – open-ended (a time trigger fires up to 90d after each lead's creation)"
        )
        #expect(simulated.summary.entries == 0)
    }
}

/// Drops every record.
private final class NullRecorder: ReplayRecorder {
    func record(_ record: ReplayRecord) {}
    func progress(_ progress: ReplayProgress) {}
    func finish(_ summary: ReplaySummary) {}
}
