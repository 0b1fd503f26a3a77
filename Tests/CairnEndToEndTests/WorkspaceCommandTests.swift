import Foundation
import Testing

/// The workspace commands as a user runs them: versions, cohorts, bad input, a killed import.
@Suite struct WorkspaceCommandTests {
    func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func versionsOnlyGrow() throws {
        let folder = try TemporaryFolder()
        let db = folder.url.appendingPathComponent("w.db").path
        let file = folder.url.appendingPathComponent("w.yaml").path
        let initialised = try CairnProcess.run(["init", "--db", db])
        #expect(initialised.status == 0 && initialised.stdout.hasPrefix("created "))
        #expect(
            try CairnProcess.run(["export", "journey", "welcome-series", "-o", file, "--db", db]).status == 0)
        let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(
            of: "wait: { for: 2d }", with: "wait: { for: 3d }")
        try text.write(toFile: file, atomically: true, encoding: .utf8)

        let saved = try CairnProcess.run(["import", "journey", file, "--message", "longer wait", "--db", db])
        #expect(saved.stdout == "saved 'welcome-series' version 2\n")
        let same = try CairnProcess.run(["import", "journey", file, "--db", db])
        #expect(same.status == 0 && same.stdout == "'welcome-series' unchanged: same content as version 2\n")
        let rolled = try CairnProcess.run(["rollback", "welcome-series", "--to", "1", "--db", db])
        #expect(rolled.stdout == "'welcome-series' rolled back to version 1 as version 3, now active\n")

        let history = try CairnProcess.run(["history", "welcome-series", "--format", "json", "--db", db])
        let versions = try #require(try json(history.stdout) as? [[String: Any]])
        #expect(versions.compactMap { $0["version"] as? Int }.sorted() == [1, 2, 3])
        let diff = try CairnProcess.run(["diff", "welcome-series", "1", "2", "--db", db])
        #expect(diff.stdout.contains("-    wait: { for: 2d }\n+    wait: { for: 3d }\n"))
    }

    @Test func aBadCohortRowRefusesTheWholeImport() throws {
        let folder = try TemporaryFolder()
        let db = folder.url.appendingPathComponent("w.db").path
        let csv = try folder.file(
            "bad.csv", Array("id,created_at,time_zone\nx1,2026-01-01,UTC\nx2,2026-01-01,Mars/Olympus\n".utf8))
        let outcome = try CairnProcess.run(["import", "cohort", csv, "--name", "bad", "--db", db])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("\(csv):3: error: unknown time zone 'Mars/Olympus'"))
        let cohorts = try CairnProcess.run(["cohorts", "--format", "json", "--db", db])
        let names = try #require(try json(cohorts.stdout) as? [[String: Any]]).compactMap {
            $0["name"] as? String
        }
        #expect(!names.contains("bad"))
    }

    @Test func aKilledImportLeavesNothingBehind() throws {
        let folder = try TemporaryFolder()
        let db = folder.url.appendingPathComponent("w.db").path
        #expect(try CairnProcess.run(["init", "--db", db]).status == 0)
        var text = "id,created_at,time_zone,consents,state,score\n"
        text.reserveCapacity(400_000 * 50)
        for i in 0..<400_000 {
            text += "L\(i),2026-01-01T00:00:00Z,America/New_York,email;sms,CA,\(i % 100)\n"
        }
        let csv = try folder.file("big.csv", Array(text.utf8))
        let killed = try CairnProcess.run(
            ["import", "cohort", csv, "--name", "big", "--db", db], timeLimit: 1.5)
        #expect(!killed.finished)
        let cohorts = try CairnProcess.run(["cohorts", "--format", "json", "--db", db])
        #expect(cohorts.status == 0)
        let names = try #require(try json(cohorts.stdout) as? [[String: Any]]).compactMap {
            $0["name"] as? String
        }
        #expect(names.sorted() == ["sample", "sample-synthetic"])
        // The same import, let run, goes through.
        let again = try CairnProcess.run(
            ["import", "cohort", csv, "--name", "big", "--db", db], timeLimit: 300)
        #expect(again.status == 0, "\(again.stderr)")
    }
}
