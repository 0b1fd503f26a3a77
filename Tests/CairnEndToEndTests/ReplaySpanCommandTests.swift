import Foundation
import TestSupport
import Testing

/// `cairn replay` and `cairn report` over recorded history, on the hand-computed
/// `WinBackFixture`: the span stated, and the reason a run lets nobody in.
@Suite struct ReplaySpanCommandTests {
    /// A workspace holding the `history` cohort and the win-back journey (its audience's window
    /// `within`); returns the `--db` path.
    static func workspace(_ folder: TemporaryFolder, within: String) throws -> String {
        let db = folder.url.appendingPathComponent("w.db").path
        let cohort = try folder.file("history.jsonl", Array(WinBackFixture.cohortJSONL.utf8))
        let journey = try folder.file(
            "win-back.journey.yaml", Array(WinBackFixture.journeyYAML(within: within).utf8))
        let importedCohort = try CairnProcess.run([
            "import", "cohort", cohort, "--name", "history", "--db", db,
        ])
        #expect(importedCohort.status == 0, "\(importedCohort.stderr)")
        let importedJourney = try CairnProcess.run(["import", "journey", journey, "--db", db])
        #expect(importedJourney.status == 0, "\(importedJourney.stderr)")
        return db
    }

    static let span =
        "span 2025-01-01T00:00:00Z – 2025-07-17T12:00:00Z (recorded history to 2025-06-30T12:00:00Z + longest run of waits 17d)"

    @Test func aRecordedReplaySpansTheHistoryAndSaysSo() throws {
        let folder = try TemporaryFolder()
        let db = try Self.workspace(folder, within: "90d")
        let replay = try CairnProcess.run([
            "replay", "win-back", "--cohort", "history", "--mode", "recorded", "--db", db,
        ])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(
            replay.stdout == """
                run 1: 4 leads, 3 entries, 0 conversions
                \(Self.span)
                execution success 100.0%; halted 0, failed 0, still active 0
                messages sent 0; suppressed: none
                handoffs 0, mean queue wait —
                see 'cairn report --run 1'

                """)
        let json = try CairnProcess.run(
            [
                "replay", "win-back", "--cohort", "history", "--mode", "recorded", "--format", "json", "--db",
                db,
            ])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let span = try #require(object["span"] as? [String: Any])
        #expect(span["basis"] as? String == "recorded-history" && span["end"] as? Int == 1_752_753_600)
        #expect(object["entries"] as? Int == 3 && object["entryDiagnosis"] == nil)
    }

    @Test func aRunThatLetsNobodyInNamesTheRefusingLeaf() throws {
        let folder = try TemporaryFolder()
        let db = try Self.workspace(folder, within: "400d")
        let replay = try CairnProcess.run([
            "replay", "win-back", "--cohort", "history", "--mode", "recorded", "--db", db,
        ])
        #expect(replay.status == 0, "\(replay.stderr)")
        let why =
            "nobody entered: the audience refused 108 of 108 trigger fires; leaf 'no purchase within 400d'"
            + " refused the most leads: 3 at 79 fire times"
        #expect(
            replay.stdout == """
                run 1: 4 leads, 0 entries, 0 conversions
                \(Self.span)
                \(why)
                execution success —; halted 0, failed 0, still active 0
                messages sent 0; suppressed: none
                handoffs 0, mean queue wait —
                see 'cairn report --run 1'

                """)
        let report = try CairnProcess.run(["report", "--run", "1", "--db", db])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(
            report.stdout.contains(
                "\n4 leads, 0 entries, no goal (conversions not measured), execution success —\n\(Self.span)\n\(why)\n"
            ))
        let json = try CairnProcess.run(["report", "--run", "1", "--format", "json", "--db", db])
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let entry = try #require(object["entry"] as? [String: Any])
        let diagnosis = try #require(entry["diagnosis"] as? [String: Any])
        #expect(diagnosis["cause"] as? String == "audience-refused" && diagnosis["leafLeads"] as? Int == 3)
        #expect(
            diagnosis["leafFires"] as? Int == 79 && diagnosis["leaf"] as? String == "no purchase within 400d")
        let fires = try #require(entry["fires"] as? [String: Any])
        #expect(fires["triggerFires"] as? Int == 108 && fires["refused"] as? Int == 108)
    }

    @Test func untilStillOverrides() throws {
        let folder = try TemporaryFolder()
        let db = try Self.workspace(folder, within: "90d")
        let replay = try CairnProcess.run(
            [
                "replay", "win-back", "--cohort", "history", "--mode", "recorded", "--until", "2025-05-01",
                "--db", db,
            ])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(
            replay.stdout.hasPrefix(
                "run 1: 4 leads, 1 entries, 0 conversions\nspan 2025-01-01T00:00:00Z – 2025-05-01T00:00:00Z (--until)\n"
            ))
    }
}
