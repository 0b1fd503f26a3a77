import Foundation
import Testing

/// `cairn replay`, `runs` and `report` on a fresh workspace, as a user runs them.
@Suite struct ReplayCommandTests {
    func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func replayThenReportAndCompare() throws {
        let folder = try TemporaryFolder()
        let db = folder.url.appendingPathComponent("w.db").path
        let arguments = [
            "replay", "welcome-series", "--cohort", "sample", "--seed", "7", "--mode", "simulated",
            "--format", "json",
            "--db", db,
        ]
        let first = try CairnProcess.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        let second = try CairnProcess.run(arguments)
        let a = try #require(try json(first.stdout) as? [String: Any])
        let b = try #require(try json(second.stdout) as? [String: Any])
        #expect(a["runID"] as? Int == 1 && b["runID"] as? Int == 2)
        #expect(a["entries"] as? Int == 24 && a["leads"] as? Int == 24)
        // Same journey, cohort, seed and mode: the same figures.
        for key in ["entries", "conversions", "messagesSent", "handoffs"] {
            #expect(a[key] as? Int == b[key] as? Int, "\(key)")
        }
        #expect(a["messagesSuppressed"] as? [String: Int] == b["messagesSuppressed"] as? [String: Int])

        let runs = try CairnProcess.run(["runs", "--format", "json", "--db", db])
        let listed = try #require(try json(runs.stdout) as? [[String: Any]])
        #expect(listed.map { $0["status"] as? String } == ["completed", "completed"])

        let report = try CairnProcess.run(["report", "--run", "1", "--db", db])
        #expect(report.status == 0)
        #expect(
            report.stdout.hasPrefix(
                "Run 1 — welcome-series v1 on cohort sample (seed 7, simulated): completed\n"))
        #expect(report.stdout.contains("FUNNEL (main path)\n  counts leads that came along the main path"))

        let compare = try CairnProcess.run(["report", "--run", "1", "--compare", "2", "--db", db])
        #expect(compare.status == 0)
        #expect(compare.stdout.contains("\n  entries             24     24           0\n"))

        let trend = try CairnProcess.run(["report", "--trend", "5", "--db", db])
        #expect(trend.status == 0, "\(trend.stderr)")
        #expect(trend.stdout.hasPrefix("TREND — welcome-series, last 2 runs, oldest first\n"))
        let trendJSON = try #require(
            try json(try CairnProcess.run(["report", "--trend", "2", "--format", "json", "--db", db]).stdout)
                as? [String: Any])
        #expect((trendJSON["runs"] as? [[String: Any]])?.map { $0["run"] as? Int } == [1, 2])
        let replayRange = try CairnProcess.run(["report", "--run", "1", "--from", "2026-01-01", "--db", db])
        #expect(replayRange.status == 1 && replayRange.stderr.contains("run 1 is a simulated replay"))
        let badRange = try CairnProcess.run(["report", "--from", "yesterday", "--db", db])
        #expect(badRange.status == 2 && badRange.stderr.contains("--from takes an ISO-8601 date"))
        let summary = try #require(
            try json(try CairnProcess.run(["report", "--run", "1", "--format", "json", "--db", db]).stdout)
                as? [String: Any])
        #expect((summary["summary"] as? [String])?.first?.hasPrefix("Of 24 leads, ") == true)

        let lead = try CairnProcess.run(["lead", "L002", "--run", "1", "--db", db])
        #expect(lead.status == 0)
        #expect(lead.stdout.hasPrefix("Lead L002 in run 1\n\nentry 1: "))
        #expect(lead.stdout.contains("  opened-welcome  ["))
        #expect(lead.stdout.contains("      email.opened exists: expected —, actual "))
        #expect(lead.stdout.contains("      email 'welcome': sent"))
        let leadJSON = try CairnProcess.run(["lead", "L002", "--run", "1", "--format", "json", "--db", db])
        let timeline = try #require(try json(leadJSON.stdout) as? [String: Any])
        let executions = try #require(timeline["executions"] as? [[String: Any]])
        #expect(executions.count == 1)
        #expect((executions[0]["stays"] as? [[String: Any]])?.first?["node"] as? String == "welcome-email")
        let stranger = try CairnProcess.run(["lead", "nobody", "--run", "1", "--db", db])
        #expect(stranger.status == 1 && stranger.stderr == "error: lead 'nobody' did not enter run 1\n")

        let csv = try CairnProcess.run([
            "report", "--format", "csv", "-o", folder.url.appendingPathComponent("r.csv").path, "--db", db,
        ])
        #expect(csv.status == 0 && csv.stdout.isEmpty)
        let written = try String(contentsOf: folder.url.appendingPathComponent("r.csv"), encoding: .utf8)
        #expect(
            written.hasPrefix(
                "section,run,journey,version,cohort,seed,mode,status,leads,entries,conversions,has_goal\nrun,2,"
            ))
    }

    @Test func badInputGetsClearErrors() throws {
        let folder = try TemporaryFolder()
        let db = folder.url.appendingPathComponent("w.db").path
        let noJourney = try CairnProcess.run(["replay", "nope", "--cohort", "sample", "--db", db])
        #expect(noJourney.status == 1 && noJourney.stderr == "error: no journey 'nope' in this workspace\n")
        let noCohort = try CairnProcess.run(["replay", "welcome-series", "--cohort", "nope", "--db", db])
        #expect(noCohort.status == 1 && noCohort.stderr.contains("no cohort 'nope'"))
        let badDate = try CairnProcess.run([
            "replay", "welcome-series", "--cohort", "sample", "--until", "soon", "--db", db,
        ])
        #expect(badDate.status == 2)
        let noRuns = try CairnProcess.run(["report", "--db", db])
        #expect(noRuns.status == 1)
        #expect(
            noRuns.stderr == "error: the workspace has no runs yet; replay a journey first (cairn replay)\n")
        let badRun = try CairnProcess.run(["report", "--run", "x", "--db", db])
        #expect(badRun.status == 2)
    }

    @Test func aKilledReplayIsMarkedInterrupted() throws {
        let folder = try TemporaryFolder()
        let db = folder.url.appendingPathComponent("w.db").path
        let profile = CairnProcess.repositoryRoot.appendingPathComponent(
            "sample-journeys/cohorts/b2b-saas.profile.yaml")
        let synth = try CairnProcess.run([
            "cohort", "synth", profile.path, "--size", "60000", "--seed", "1", "--name", "big", "--db", db,
        ])
        #expect(synth.status == 0, "\(synth.stderr)")
        // Give the replay a moment to start writing, then kill it without warning.
        let outcome = try CairnProcess.run(
            ["replay", "welcome-series", "--cohort", "big", "--mode", "simulated", "--db", db], timeLimit: 3)
        #expect(!outcome.finished)
        let runs = try CairnProcess.run(["runs", "--format", "json", "--db", db])
        let listed = try #require(try json(runs.stdout) as? [[String: Any]])
        #expect(listed.first?["status"] as? String == "interrupted")
        // The workspace stays usable: another replay on the small cohort completes.
        let again = try CairnProcess.run(["replay", "welcome-series", "--cohort", "sample", "--db", db])
        #expect(again.status == 0)
    }
}
