import Foundation
import Testing

/// `cairn validate`, `cairn show` and the root command, run as a real process.
@Suite struct ValidateCommandTests {
    @Test func validSampleExitsZero() throws {
        let outcome = try CairnProcess.run(["validate", "sample-journeys/welcome-series.journey.yaml"])
        #expect(outcome.status == 0)
        #expect(
            outcome.stdout == "sample-journeys/welcome-series.journey.yaml: ok — 'welcome-series', 9 nodes\n")
    }

    @Test func everySampleValidates() throws {
        let folder = CairnProcess.repositoryRoot.appendingPathComponent("sample-journeys")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".journey.yaml") }.sorted().map { "sample-journeys/" + $0 }
        let outcome = try CairnProcess.run(["validate"] + files)
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasSuffix("\(files.count) files: \(files.count) valid, 0 with errors\n"))
        #expect(!outcome.stdout.contains("warning"))
    }

    @Test func errorsAreLocatedAndExitOne() throws {
        let folder = try TemporaryFolder()
        let path = try folder.file(
            "bad.journey.yaml",
            Array(
                """
                journey: bad
                name: Bad
                entry:
                  trigger: { type: event, event: lead.created }
                  next: welcome
                nodes:
                  - id: welcome
                    kind: action
                    action: { type: send, channel: email, template: hi }
                    next: wait-3d
                  - id: wait-2d
                    kind: wait
                    wait: { for: 2d }
                    next: done
                  - id: done
                    kind: exit

                """.utf8))
        let outcome = try CairnProcess.run(["validate", path])
        #expect(outcome.status == 1)
        #expect(
            outcome.stdout == """
                \(path):10:11: error: unknown node 'wait-3d' in 'next' (did you mean 'wait-2d'?)
                \(path):11:5: warning: node 'wait-2d' is unreachable from the entry
                \(path):15:5: warning: node 'done' is unreachable from the entry

                """)
    }

    @Test func jsonReport() throws {
        let outcome = try CairnProcess.run([
            "validate", "--format", "json", "sample-journeys/welcome-series.journey.yaml", "missing.yaml",
        ])
        #expect(outcome.status == 1)
        let json = try #require(
            JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(json["valid"] as? Bool == false)
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.count == 2)
        #expect(files[0]["journey"] as? String == "welcome-series")
        #expect(files[0]["nodes"] as? Int == 9)
        let missing = try #require((files[1]["diagnostics"] as? [[String: Any]])?.first)
        #expect(missing["message"] as? String == "no such file")
        #expect(missing["line"] as? Int == 1)
        #expect(missing["severity"] as? String == "error")
    }

    /// Made by name inside the test: a 30 MiB argument would be described in every test report.
    static func hostileFile(_ name: String) -> [UInt8] {
        switch name {
        case "binary":
            return [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + [UInt8](repeating: 0, count: 4096)
        case "latin1": return Array("name: caf".utf8) + [0xE9, 0x0A]
        case "bomb": return Array(aliasBomb.utf8)
        case "deep": return Array(("journey: " + String(repeating: "[", count: 100_000)).utf8)
        case "huge": return [UInt8](repeating: UInt8(ascii: "#"), count: 30 << 20)
        default: return []
        }
    }

    @Test(arguments: ["empty", "binary", "latin1", "bomb", "deep", "huge"])
    func hostileFileGetsOneErrorAndExitOne(_ name: String) throws {
        let bytes = Self.hostileFile(name)
        let folder = try TemporaryFolder()
        let path = try folder.file("\(name).journey.yaml", bytes)
        let outcome = try CairnProcess.run(["validate", path], timeLimit: 20)
        #expect(outcome.finished)
        #expect(outcome.status == 1)
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("\(path):") == true)
        #expect(lines.first?.contains(": error: ") == true)
    }

    static let aliasBomb: String = {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...15 {
            text +=
                "l\(level): &l\(level) ["
                + Array(repeating: level == 1 ? "*a" : "*l\(level - 1)", count: 10)
                .joined(separator: ", ") + "]\n"
        }
        return text
    }()

    @Test func missingFileAndDirectory() throws {
        let outcome = try CairnProcess.run(["validate", "nope.yaml", "docs"])
        #expect(outcome.status == 1)
        #expect(
            outcome.stdout == """
                nope.yaml:1:1: error: no such file
                docs:1:1: error: is a directory, not a journey file
                2 files: 0 valid, 2 with errors

                """)
    }

    @Test(arguments: [
        ["validate"], ["validate", "--format", "xml", "f"], ["validate", "--bogus", "f"], ["nonsense"],
    ])
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        let outcome = try CairnProcess.run(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("Error:"))
        #expect(outcome.stderr.contains("Usage:") || outcome.stderr.contains("Help:"))
    }

    @Test(arguments: [["--help"], ["validate", "--help"], ["show", "--help"]])
    func helpEverywhere(_ arguments: [String]) throws {
        let outcome = try CairnProcess.run(arguments)
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("USAGE: cairn"))
    }

    @Test func noSubcommandCreatesAndSeedsTheWorkspace() throws {
        let folder = try TemporaryFolder()
        let outcome = try CairnProcess.run([], in: folder.url)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(
            outcome.stdout.hasPrefix("Cairn 0.1.0 — workspace cairn.db: 10 journeys, 2 cohorts, 0 runs.\n"))
        #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("cairn.db").path))
    }

    @Test func version() throws {
        let outcome = try CairnProcess.run(["--version"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "0.1.0\n")
    }

    @Test func showOutlinesTheGraph() throws {
        let outcome = try CairnProcess.run(["show", "sample-journeys/welcome-series.journey.yaml"])
        #expect(outcome.status == 0)
        #expect(
            outcome.stdout == """
                welcome-series — Welcome Series
                Day 0 welcome email; day 2 SMS if the email was not opened; day 5 educational content; day 7 special offer.
                entry: on event lead.created (reentry: never)
                goal 'customer': status = "customer"
                └─ welcome-email  send email 'welcome'
                   └─ wait-2d  wait 2d
                      └─ opened-welcome  if email.opened exists or score > 80
                         ├─ [yes] wait-to-day-5  wait 3d
                         │  └─ educational  send email 'getting-started-guide'
                         │     └─ wait-to-day-7  wait 2d
                         │        └─ special-offer  send email 'special-offer-20'
                         │           └─ done  exit: series complete
                         └─ [no] sms-nudge  send sms 'welcome-nudge'
                            └─ → wait-to-day-5 (joins above)

                """)
    }

    @Test func showMarksLoops() throws {
        let folder = try TemporaryFolder()
        let path = try folder.file(
            "loop.journey.yaml",
            Array(
                """
                journey: loop
                name: Loop
                entry:
                  trigger: { type: event, event: lead.created }
                  next: nudge
                nodes:
                  - id: nudge
                    kind: action
                    action: { type: send, channel: email, template: nudge }
                    next: wait
                  - id: wait
                    kind: wait
                    wait: { event: email.opened, timeout: 3d }
                    next: done
                    on_timeout: nudge
                  - id: done
                    kind: goal

                """.utf8))
        let outcome = try CairnProcess.run(["show", path])
        #expect(outcome.status == 0)
        #expect(
            outcome.stdout == """
                loop — Loop
                entry: on event lead.created (reentry: never)
                └─ nudge  send email 'nudge'
                   └─ wait  wait for email.opened, up to 3d
                      ├─ [event] done  goal reached
                      └─ [timeout] ↺ back to nudge

                """)
    }

    @Test func showRefusesAnInvalidJourney() throws {
        let outcome = try CairnProcess.run(["show", "nope.yaml"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr == "nope.yaml:1:1: error: no such file\n")
    }
}
