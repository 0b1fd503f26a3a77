import Foundation
import GRDB
import JourneyModel
import ReplayEngine
import Testing

@testable import Workspace

@Suite struct CohortImportTests {
    static let leadsHeader = "id,created_at,time_zone,consents,state,score\n"

    func refused(_ test: TestWorkspace, _ inputs: [String], skip: Bool = false) throws -> ImportReport? {
        do {
            try test.workspace.importCohort(
                name: "c", inputs: inputs.map(CohortImportInput.file), skipInvalid: skip)
            Issue.record("expected the import to be refused")
            return nil
        } catch {
            guard case .importFailed(let report) = error else { throw error }
            #expect(try test.count("cohorts") == 0)
            #expect(try test.count("leads") == 0)
            #expect(try test.count("lead_events") == 0)
            return report
        }
    }

    @Test func importsTheSampleCSVPair() throws {
        let test = try TestWorkspace()
        let report = try test.workspace.importCohort(
            name: "sample",
            inputs: [
                .file(
                    Repository.root.appendingPathComponent("sample-journeys/cohorts/sample-events.csv").path),
                .file(
                    Repository.root.appendingPathComponent("sample-journeys/cohorts/sample-leads.csv").path),
            ])
        #expect(report.leads == 24)
        #expect(report.events == 47)
        #expect(report.problems.isEmpty)
        #expect(try test.count("leads") == 24)
        #expect(try test.count("lead_events") == 47)
        let cohort = try test.workspace.cohort(named: "sample")
        #expect(cohort.leads == 24)
        #expect(cohort.events == 47)
        #expect(cohort.origin == "csv")
    }

    @Test func csvAndJSONLinesSamplesGiveTheSameLeadsAndEvents() throws {
        let test = try TestWorkspace()
        let folder = Repository.root.appendingPathComponent("sample-journeys/cohorts")
        try test.workspace.importCohort(
            name: "csv",
            inputs: [
                .file(folder.appendingPathComponent("sample-leads.csv").path),
                .file(folder.appendingPathComponent("sample-events.csv").path),
            ])
        try test.workspace.importCohort(
            name: "jsonl", inputs: [.file(folder.appendingPathComponent("sample.jsonl").path)])
        var fromCSV: [CohortLead] = []
        var fromJSONL: [CohortLead] = []
        try test.workspace.forEachLead(inCohort: "csv") { fromCSV.append($0) }
        try test.workspace.forEachLead(inCohort: "jsonl") { fromJSONL.append($0) }
        #expect(fromCSV.map(\.lead) == fromJSONL.map(\.lead))
        #expect(fromCSV.map(\.events) == fromJSONL.map(\.events))
        #expect(fromCSV.count == 24)
    }

    @Test func leadsStreamInEntryOrderWithTypedPropertiesConsentsAndEvents() throws {
        let test = try TestWorkspace()
        let leads = try test.file(
            "leads.csv",
            Self.leadsHeader + """
                b,2026-11-02T10:00:00+02:00,Europe/Paris,email;sms,CA,80
                a,2026-11-02T09:00:00Z,,,NY,07
                """)
        let events = try test.file(
            "events.csv",
            """
            lead_id,type,channel,time,page
            a,visited,,2026-11-03,/pricing
            b,opened,email,2026-11-02T12:00:00Z,
            b,clicked,email,2026-11-02T11:00:00Z,
            """)
        try test.workspace.importCohort(name: "c", inputs: [.file(leads), .file(events)])
        var seen: [CohortLead] = []
        try test.workspace.forEachLead(inCohort: "c") { seen.append($0) }
        #expect(seen.map(\.lead.id) == ["b", "a"])  // 08:00Z before 09:00Z
        #expect(seen[0].lead.createdAt == ISODate.parse("2026-11-02T08:00:00Z"))
        #expect(seen[0].lead.timeZone.identifier == "Europe/Paris")
        #expect(seen[0].lead.consents == [.email, .sms])
        #expect(seen[0].lead.properties == ["state": "CA", "score": 80])
        #expect(seen[0].events.map(\.type) == ["clicked", "opened"])
        #expect(seen[1].lead.timeZone.secondsFromGMT() == 0)
        #expect(seen[1].lead.consents.isEmpty)
        // A leading zero keeps text: zip codes and ids are not numbers.
        #expect(seen[1].lead.properties == ["state": "NY", "score": "07"])
        #expect(seen[1].events.first?.data == ["page": "/pricing"])
        #expect(seen[1].events.first?.channel == nil)
    }

    @Test func raggedRowIsReportedWithFileAndLine() throws {
        let test = try TestWorkspace()
        let leads = try test.file(
            "leads.csv", Self.leadsHeader + "a,2026-11-02,UTC,email,CA,1\nb,2026-11-02,UTC\n")
        let report = try refused(test, [leads])
        #expect(
            report?.problems.map(\.description) == [
                "\(leads):3: error: row has 3 fields but the header has 6"
            ])
    }

    @Test func badDateIsReported() throws {
        let test = try TestWorkspace()
        let leads = try test.file("leads.csv", Self.leadsHeader + "a,2026-02-30,UTC,email,CA,1\n")
        let report = try refused(test, [leads])
        #expect(
            report?.problems.map(\.description) == [
                "\(leads):2: error: created_at '2026-02-30' is not an ISO-8601 date or time "
                    + "(e.g. 2026-11-02T09:30:00Z or 2026-11-02)"
            ])
    }

    @Test func unknownTimeZoneIsReportedWithASuggestion() throws {
        let test = try TestWorkspace()
        let leads = try test.file(
            "leads.csv", Self.leadsHeader + "a,2026-11-02,America/New_Yrok,email,NY,1\n")
        let report = try refused(test, [leads])
        #expect(
            report?.problems.map(\.description) == [
                "\(leads):2: error: unknown time zone 'America/New_Yrok' (did you mean 'America/New_York'?); "
                    + "use an IANA name such as America/New_York"
            ])
    }

    @Test func duplicateLeadIDIsReportedWithTheFirstLine() throws {
        let test = try TestWorkspace()
        let leads = try test.file(
            "leads.csv",
            Self.leadsHeader
                + "a,2026-11-02,UTC,email,CA,1\nb,2026-11-02,UTC,email,CA,1\na,2026-11-03,UTC,,CA,2\n")
        let report = try refused(test, [leads])
        #expect(
            report?.problems.map(\.description) == [
                "\(leads):4: error: duplicate lead id 'a' (first on line 2)"
            ])
    }

    @Test func eventForUnknownLeadIsReported() throws {
        let test = try TestWorkspace()
        let leads = try test.file("leads.csv", Self.leadsHeader + "a,2026-11-02,UTC,email,CA,1\n")
        let events = try test.file(
            "events.csv", "lead_id,type,channel,time\na,opened,email,2026-11-02\nz,opened,email,2026-11-02\n")
        let report = try refused(test, [leads, events])
        #expect(report?.problems.map(\.description) == ["\(events):3: error: event for unknown lead 'z'"])
    }

    @Test func aLineThatIsNotJSONIsReportedWithItsColumn() throws {
        let test = try TestWorkspace()
        let lines = try test.file(
            "c.jsonl",
            """
            {"type": "lead", "id": "a", "created_at": "2026-11-02T09:00:00Z"}
            {"type": "lead", "id": "b" "created_at": "2026-11-02T09:00:00Z"}
            this is not json
            """)
        let report = try refused(test, [lines])
        #expect(
            report?.problems.map(\.description) == [
                "\(lines):2: error: not JSON: expected ',' or '}' in an object (column 28)",
                "\(lines):3: error: not JSON: unexpected word 'this' (column 1)",
            ])
    }

    @Test func jsonLinesRecordProblemsAreReported() throws {
        let test = try TestWorkspace()
        let lines = try test.file(
            "c.jsonl",
            """
            {"type": "lead", "id": "a", "created_at": "2026-11-02T09:00:00Z", "consents": ["email", "fax"]}
            {"type": "contact", "id": "b"}
            {"type": "lead", "id": "c", "created_at": "2026-11-02", "propertes": {}}
            {"type": "event", "lead_id": "nobody", "event": "opened", "time": "2026-11-02"}
            [1, 2]
            """)
        let report = try refused(test, [lines])
        #expect(
            report?.problems.map(\.description) == [
                "\(lines):1: error: unknown channel 'fax' (channels: email, sms, chat)",
                "\(lines):2: error: unknown record type \"contact\" (expected \"lead\" or \"event\")",
                "\(lines):3: error: unknown field \"propertes\" in a lead (did you mean 'properties'?) "
                    + "(fields: type, id, created_at, time_zone, consents, properties)",
                "\(lines):5: error: expected a JSON object with \"type\": \"lead\" or \"event\", found a list",
                "\(lines):4: error: event for unknown lead 'nobody'",
            ])
    }

    @Test func jsonLinesEventsMayComeBeforeTheirLead() throws {
        let test = try TestWorkspace()
        let lines = try test.file(
            "c.jsonl",
            """
            {"type": "event", "lead_id": "a", "event": "opened", "channel": "email", "time": "2026-11-02T10:00:00Z"}
            {"type": "lead", "id": "a", "created_at": "2026-11-02T09:00:00Z", "consents": ["email"], "properties": {"vip": true, "tags": ["x", 2]}}
            """)
        let report = try test.workspace.importCohort(name: "c", inputs: [.file(lines)])
        #expect(report.leads == 1)
        #expect(report.events == 1)
        try test.workspace.forEachLead(inCohort: "c") { lead in
            #expect(lead.lead.properties == ["vip": true, "tags": ["x", 2]])
            #expect(lead.events.map(\.field) == ["email.opened"])
        }
    }

    @Test func missingFileAndMissingColumnAreReported() throws {
        let test = try TestWorkspace()
        let missing = test.folder.appendingPathComponent("nope.csv").path
        let report = try refused(test, [missing])
        #expect(report?.problems.map(\.description) == ["\(missing): error: no such file"])
        let noCreated = try test.file("leads.csv", "id,state\na,CA\n")
        let second = try refused(test, [noCreated], skip: true)
        #expect(
            second?.problems.map(\.description) == [
                "\(noCreated):1: error: missing column 'created_at' in the header (columns: id, state)"
            ])
    }

    @Test func quotedLineBreaksKeepLineNumbersRight() throws {
        let test = try TestWorkspace()
        let leads = try test.file(
            "leads.csv",
            Self.leadsHeader + "a,2026-11-02,UTC,email,\"two\nlines\",1\nb,not-a-date,UTC,email,CA,1\n")
        let report = try refused(test, [leads])
        #expect(report?.problems.first?.line == 4)
    }

    @Test func allOrNothingLeavesNoRowsAfterALateBadRow() throws {
        let test = try TestWorkspace()
        var text = Self.leadsHeader
        for i in 0..<5000 { text += "L\(i),2026-11-02T09:00:00Z,UTC,email,CA,\(i % 100)\n" }
        text += "bad,yesterday,UTC,email,CA,1\n"
        let leads = try test.file("leads.csv", text)
        let report = try refused(test, [leads])
        #expect(report?.problemCount == 1)
        #expect(report?.problems.first?.line == 5002)
    }

    @Test func skipInvalidImportsTheGoodRowsAndReportsTheRest() throws {
        let test = try TestWorkspace()
        let leads = try test.file(
            "leads.csv",
            Self.leadsHeader
                + "a,2026-11-02,UTC,email,CA,1\nb,2026-13-02,UTC,email,CA,1\nc,2026-11-02,Mars/Base,,CA,1\n")
        let events = try test.file(
            "events.csv", "lead_id,type,channel,time\na,opened,email,2026-11-02\nb,opened,email,2026-11-02\n")
        let report = try test.workspace.importCohort(
            name: "c", inputs: [.file(leads), .file(events)], skipInvalid: true)
        #expect(report.leads == 1)
        #expect(report.events == 1)
        #expect(report.problems.map(\.line) == [3, 4, 3])
        #expect(try test.count("leads") == 1)
        #expect(try test.count("lead_events") == 1)
        #expect(try test.workspace.cohort(named: "c").skippedRows == 3)
    }

    @Test func aCohortNameIsUniqueAndChecked() throws {
        let test = try TestWorkspace()
        let leads = try test.file("leads.csv", Self.leadsHeader + "a,2026-11-02,UTC,email,CA,1\n")
        try test.workspace.importCohort(name: "c", inputs: [.file(leads)])
        #expect(throws: WorkspaceError.cohortExists("c")) {
            try test.workspace.importCohort(name: "c", inputs: [.file(leads)])
        }
        #expect(throws: WorkspaceError.invalidCohortName("my cohort")) {
            try test.workspace.importCohort(name: "my cohort", inputs: [.file(leads)])
        }
        #expect(try test.count("leads") == 1)
    }

    @Test func aCSVWithNeitherIdNorLeadIdIsRefused() throws {
        let test = try TestWorkspace()
        let odd = try test.file("odd.csv", "name,email\nx,y\n")
        let report = try refused(test, [odd])
        #expect(
            report?.problems.map(\.message) == [
                "cannot tell what this CSV holds: a leads file needs an 'id' column, an events file a 'lead_id' column"
            ])
    }
}

@Suite struct ImportMessageTests {
    @Test func refusalMessagesSayWhatToDo() {
        let rows = ImportReport(
            cohort: "c", leads: 0, events: 0,
            problems: [ImportProblem(file: "l.csv", line: 3, message: "bad")],
            problemCount: 1)
        #expect(
            WorkspaceError.importFailed(rows).description == """
                l.csv:3: error: bad
                import of cohort 'c' refused: 1 bad row; nothing was imported (use --skip-invalid to import the good rows)
                """)
        let file = ImportReport(
            cohort: "c", leads: 0, events: 0,
            problems: [ImportProblem(file: "x.csv", line: 0, message: "no such file")],
            problemCount: 1, fileRefused: true)
        #expect(
            WorkspaceError.importFailed(file).description == """
                x.csv: error: no such file
                import of cohort 'c' refused; nothing was imported
                """)
    }
}

@Suite struct PropertyColumnTests {
    @Test func propertiesRoundTripThroughTheirColumn() throws {
        let properties: [String: Value] = [
            "state": "CA", "score": 80, "ratio": 0.25, "vip": true, "tags": ["a", 2, false],
            "note": "say \"hi\"\n",
            "nothing": .null, "emoji": "🏔",
        ]
        let text = JSONText.encode(properties)
        #expect(JSON.properties(fromText: text) == properties)
        #expect(JSON.properties(fromText: #"{"a":{"nested":1},"b":2}"#) == ["b": 2])
        #expect(JSON.properties(fromText: "not json").isEmpty)
        // Plain strings are taken whole; an escape after a plain start, a control character or
        // a string left open still go the careful way.
        #expect(JSON.properties(fromText: #"{"k":"ab\u00e9c","p":"plain"}"#) == ["k": "abéc", "p": "plain"])
        #expect(JSON.properties(fromText: "{\"k\":\"a\u{01}b\"}").isEmpty)
        #expect(JSON.properties(fromText: #"{"k":"open"#).isEmpty)
    }

    @Test func numbersReadTheSameOnTheWholeNumberPathAndTheTextOne() throws {
        // Whole numbers of up to 15 digits are read digit by digit; every other number as text.
        let read = { (text: String) in JSON.properties(fromText: #"{"n":\#(text)}"#)["n"] }
        #expect(read("0") == .number(0) && read("42") == .number(42) && read("-7") == .number(-7))
        #expect(read("-0")?.number.map { $0 == 0 && $0.sign == .minus } == true)
        #expect(read("999999999999999") == .number(999_999_999_999_999))
        #expect(read("12345678901234567") == .number(12_345_678_901_234_567))
        #expect(
            read("2.5") == .number(2.5) && read("1e3") == .number(1000) && read("-1.5E-2") == .number(-0.015))
        #expect(read("007") == .number(7))
        // Broken numbers and words are refused whole, on either path.
        for broken in ["-", "1-2", "12+", "1.2.3", "tru", "nul", "falsey"] {
            #expect(JSON.properties(fromText: #"{"n":\#(broken)}"#).isEmpty, "\(broken)")
        }
        #expect(read("true") == .bool(true) && read("false") == .bool(false) && read("null") == .null)
        #expect(JSON.properties(fromText: #"{"a":1,"b":-20}"#) == ["a": 1, "b": -20])
    }
}

@Suite struct ImportEnvironmentTests {
    @Test func aLockedWorkspaceIsAClearErrorAndNothingIsWritten() throws {
        let test = try TestWorkspace()
        let leads = try test.file(
            "leads.csv", CohortImportTests.leadsHeader + "a,2026-11-02,UTC,email,CA,1\n")
        // Another connection in the middle of a write, held on its own thread.
        let other = try DatabaseQueue(path: test.path)
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        Thread {
            try? other.inDatabase { db in
                try db.inTransaction(.immediate) {
                    holding.signal()
                    release.wait()
                    return .rollback
                }
            }
            done.signal()
        }.start()
        holding.wait()
        let impatient = try Workspace.open(at: test.path, busyTimeout: 0.2)
        #expect(throws: WorkspaceError.locked(path: test.path)) {
            try impatient.importCohort(name: "c", inputs: [.file(leads)])
        }
        release.signal()
        done.wait()
        #expect(try test.count("cohorts") == 0)
        #expect(
            WorkspaceError.locked(path: "w.db").description
                == "w.db: the workspace is locked by another process; try again when it has finished")
    }

    @Test func textThatIsNotUTF8IsReported() throws {
        let test = try TestWorkspace()
        var bytes = Array((CohortImportTests.leadsHeader + "a,2026-11-02,UTC,email,").utf8)
        bytes += [0xC3, 0x28]  // an invalid two-byte sequence
        bytes += Array(",1\n".utf8)
        let csvPath = test.folder.appendingPathComponent("latin.csv").path
        FileManager.default.createFile(atPath: csvPath, contents: Data(bytes))
        do {
            try test.workspace.importCohort(name: "c", inputs: [.file(csvPath)], skipInvalid: true)
            Issue.record("expected a refusal")
        } catch {
            guard case .importFailed(let report) = error else { throw error }
            #expect(
                report.problems.map(\.description) == [
                    "\(csvPath):2: error: cannot read the file: it is not UTF-8 text"
                ])
        }
        var lineBytes = Array(#"{"type": "lead", "id": "a", "created_at": "2026-11-02"}"#.utf8) + [0x0A]
        lineBytes += [0x7B, 0xFF, 0x7D, 0x0A]
        let jsonlPath = test.folder.appendingPathComponent("bad.jsonl").path
        FileManager.default.createFile(atPath: jsonlPath, contents: Data(lineBytes))
        let report = try test.workspace.importCohort(name: "j", inputs: [.file(jsonlPath)], skipInvalid: true)
        #expect(report.leads == 1)
        #expect(report.problems.map(\.description) == ["\(jsonlPath):2: error: line is not UTF-8 text"])
    }
}

@Suite struct EntryOrderTests {
    @Test func leadsCreatedAtTheSameInstantStreamOnceEachAcrossChunks() throws {
        let test = try TestWorkspace()
        var text = CohortImportTests.leadsHeader
        let count = Workspace.leadChunkSize * 2 + 17
        for i in (0..<count).reversed() {
            text += "L\(String(i + 100_000)),2026-11-02T09:00:00Z,UTC,email,CA,1\n"
        }
        let leads = try test.file("leads.csv", text)
        try test.workspace.importCohort(name: "c", inputs: [.file(leads)])
        var ids: [String] = []
        try test.workspace.forEachLead(inCohort: "c") { ids.append($0.lead.id) }
        #expect(ids.count == count)
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == count)
    }
}
