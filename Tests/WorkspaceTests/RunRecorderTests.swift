import Foundation
import GRDB
import JourneyModel
import Testing

@testable import ReplayEngine
@testable import Workspace

/// A real replay written through the workspace's recorder into a real SQLite file.
@Suite struct RunRecorderTests {
    static let start = Date(timeIntervalSince1970: 1_780_000_000)

    /// 300 leads a minute apart with varied channel preferences, consents and zones.
    static func cohort() -> [CohortLead] {
        let zones = ["America/New_York", "Europe/London", "Asia/Tokyo"].compactMap(TimeZone.init(identifier:))
        return (0..<300).map { i in
            let preferred: Channel = [.email, .sms, .chat][i % 3]
            let lead = Lead(
                id: String(format: "L%03d", i), properties: ["score": .number(Double(i % 100))],
                timeZone: zones[i % zones.count],
                consents: i % 10 == 0 ? [.email] : [.email, .sms, .chat],
                createdAt: start.addingTimeInterval(Double(i) * 60))
            return CohortLead(lead: lead, behavior: LeadBehavior(preferredChannel: preferred))
        }
    }

    struct Replayed {
        let test: TestWorkspace
        let runID: Int64
        let summary: ReplaySummary
        let collected: CollectingRecorder
    }

    /// Replays welcome-series into a fresh workspace with the given batch size.
    static func replay(batchRows: Int, journeyFile: String = "sample-journeys/welcome-series.journey.yaml")
        throws
        -> Replayed
    {
        let test = try TestWorkspace()
        let yaml = try Repository.text(journeyFile)
        let outcome = try test.workspace.saveJourney(yaml: yaml, file: journeyFile)
        let journey = try #require(JourneyReader.read(yaml, file: journeyFile).journey)
        try test.workspace.pool.write { db in
            try db.execute(
                sql:
                    "INSERT INTO cohorts (name, origin, author, created_at, lead_count) VALUES ('c', 'csv', 't', 0, 300)"
            )
        }
        let request = ReplayOrder(
            journey: journey.id, version: outcome.version, cohort: "c", seed: 42, mode: .simulated,
            horizon: nil)
        let recorder = try test.workspace.startRun(request, engineVersion: "test", batchRows: batchRows)
        let configuration = ReplayConfiguration(seed: 42, mode: .simulated)
        let summary = Replay.run(
            journey: journey, cohort: cohort(), configuration: configuration, recorder: recorder)
        #expect(recorder.failure == nil)
        let collected = CollectingRecorder()
        _ = Replay.run(
            journey: journey, cohort: cohort(), configuration: configuration, recorder: collected)
        return Replayed(test: test, runID: recorder.runID, summary: summary, collected: collected)
    }

    func rows(_ r: Replayed, _ sql: String) throws -> [Row] {
        try r.test.workspace.pool.read { db in try Row.fetchAll(db, sql: sql) }
    }

    /// The step log of run `run`, without its ids: what a recorder made of the records.
    func stepLog(_ r: Replayed, run: Int64) throws -> [[DatabaseValue]] {
        let stays = try rows(
            r,
            """
            SELECT lead_id, rotation, node_id, visit, entered_at, exited_at, outcome, next_node_id, explanation
            FROM node_stays WHERE run_id = \(run) ORDER BY lead_id, rotation, entered_at, id
            """)
        let messages = try rows(
            r,
            """
            SELECT lead_id, rotation, node_id, channel, template, status, requested_at, opened_at
            FROM messages WHERE run_id = \(run) ORDER BY lead_id, rotation, requested_at, id
            """)
        return (stays + messages).map { row in Array(row.databaseValues) }
    }

    @Test func recordsFindTheirExecutionWhateverLeadSlotTheyAreTold() throws {
        // The engine tells the recorder each record's lead slot; the recorder must file every
        // record under its own execution whether told no slot, the true one, one that every
        // lead shares (all but one execution at a time then go by key), slots far beyond any
        // lead's, or its true slot for some records and none for others.
        let r = try Self.replay(batchRows: 100)
        let request = ReplayOrder(journey: "welcome-series", cohort: "c", seed: 42, mode: .simulated)
        let leads = Dictionary(uniqueKeysWithValues: Self.cohort().enumerated().map { ($1.lead.id, $0) })
        var logs: [[[DatabaseValue]]] = [try stepLog(r, run: r.runID)]
        for telling in 0..<5 {
            let recorder = try r.test.workspace.startRun(request, engineVersion: "test", batchRows: 100)
            for (index, record) in r.collected.records.enumerated() {
                let slot = leads[record.execution.leadID] ?? 0
                switch telling {
                case 0: recorder.record(record)
                case 1: recorder.record(record, lead: slot)
                case 2: recorder.record(record, lead: 7)
                case 3: recorder.record(record, lead: slot * 65_536)
                default:
                    if index % 2 == 0 { recorder.record(record, lead: slot) } else { recorder.record(record) }
                }
            }
            recorder.finish(r.summary)
            #expect(recorder.failure == nil)
            logs.append(try stepLog(r, run: recorder.runID))
        }
        #expect(logs[0].count == r.collected.nodeStays.count + r.collected.messages.count)
        for (telling, log) in logs.enumerated().dropFirst() {
            let same = log == logs[0]
            #expect(same, "recorded differently when told slots the \(telling)th way")
        }
    }

    @Test func writesTheStepLogAndTotals() throws {
        let r = try Self.replay(batchRows: 4096)
        let run = try #require(try rows(r, "SELECT * FROM runs").first)
        #expect(run["status"] == "completed")
        #expect(run["entries"] == r.summary.entries && r.summary.entries == 300)
        #expect(run["leads"] == 300)
        #expect(run["conversions"] == r.summary.conversions)
        #expect(run["messages_sent"] == r.summary.messagesSent)
        #expect(try r.test.count("workflow_executions") == 300)
        #expect(try r.test.count("node_stays") == r.collected.nodeStays.count)
        #expect(try r.test.count("messages") == r.collected.messages.count)
        let decided = try rows(r, "SELECT explanation FROM node_stays WHERE node_id = 'opened-welcome'")
        // Leads that converted during the 2-day wait never reach the decision.
        #expect(decided.count == r.collected.nodeStays.filter { $0.nodeID == "opened-welcome" }.count)
        #expect(decided.count > 250)
        #expect(
            decided.allSatisfy {
                ($0["explanation"] as String?)?.contains("\"field\":\"email.opened\"") == true
            })
    }

    @Test func summariesAddUp() throws {
        let r = try Self.replay(batchRows: 4096)
        let entered = try rows(
            r, "SELECT node_id, entered, exited, dwell_count, dwell_p50 FROM run_node_summary")
        let byNode = Dictionary(uniqueKeysWithValues: entered.map { ($0["node_id"] as String, $0) })
        #expect(byNode["welcome-email"]?["entered"] == 300)
        // Every execution ends once: drop-off plus conversions is every entry.
        let dropped = try rows(r, "SELECT SUM(leads) AS n FROM run_dropoff_summary").first?["n"] as Int? ?? 0
        #expect(dropped + r.summary.conversions == 300)
        // The 2-day wait's stays that ended took exactly two days.
        #expect(byNode["wait-2d"]?["dwell_p50"] == 172_800)
        let reachedFromLog =
            try rows(
                r, "SELECT COUNT(*) AS n FROM node_stays WHERE node_id = 'educational' AND visit = 1"
            ).first?["n"] as Int?
        #expect(byNode["educational"]?["entered"] == reachedFromLog)
        let channels = try rows(r, "SELECT SUM(sent) AS n FROM run_channel_summary").first?["n"] as Int?
        #expect(channels == r.summary.messagesSent)
    }

    @Test func sameRowsWhateverTheBatchSize() throws {
        let big = try Self.replay(batchRows: 4096)
        let small = try Self.replay(batchRows: 1)
        for table in [
            "workflow_executions", "node_stays", "messages", "run_node_summary", "run_dropoff_summary",
        ] {
            let columns = try rows(big, "SELECT name FROM pragma_table_info('\(table)')").map {
                $0["name"] as String
            }
            // Ids differ between two workspaces: the run's, and the workflow's random UUID.
            .filter { !["id", "run_id", "workflow_id"].contains($0) }.joined(separator: ", ")
            let sql = "SELECT \(columns) FROM \(table) ORDER BY \(columns)"
            #expect(try rows(big, sql) == rows(small, sql), "\(table) differs between batch sizes")
        }
    }

    @Test func aCancelledRunIsMarkedCancelled() throws {
        let test = try TestWorkspace()
        let file = "sample-journeys/welcome-series.journey.yaml"
        let yaml = try Repository.text(file)
        try test.workspace.saveJourney(yaml: yaml, file: file)
        try test.workspace.pool.write { db in
            try db.execute(
                sql: "INSERT INTO cohorts (name, origin, author, created_at) VALUES ('c', 'csv', 't', 0)")
        }
        let recorder = try test.workspace.startRun(
            ReplayOrder(
                journey: "welcome-series", version: 1, cohort: "c", seed: 1, mode: .simulated, horizon: nil),
            engineVersion: "test")
        let cancellation = ReplayCancellation()
        cancellation.cancel()
        let journey = try #require(JourneyReader.read(yaml, file: file).journey)
        _ = Replay.run(
            journey: journey, cohort: Self.cohort(),
            configuration: ReplayConfiguration(seed: 1, mode: .simulated),
            recorder: recorder, cancellation: cancellation)
        let status = try test.workspace.pool.read { db in
            try String.fetchOne(db, sql: "SELECT status FROM runs")
        }
        #expect(status == "cancelled")
    }

    @Test func durationTallyIsExactNearestRank() {
        var tally = DurationTally()
        for value: Int64 in [40, 10, 30, 20, 20] { tally.add(value) }
        #expect(tally.count == 5 && tally.total == 120 && tally.min == 10 && tally.max == 40)
        #expect(tally.percentile(50) == 20 && tally.percentile(90) == 40 && tally.percentile(0) == 10)
        #expect(DurationHistogram.counts(tally).first == 5)
        #expect(DurationTally().percentile(50) == nil)
    }

    @Test func durationTallyCountsZerosWithTheRest() {
        var tally = DurationTally()
        for value: Int64 in [0, 30, 0, 0, 10] { tally.add(value) }
        #expect(tally.counts == [0: 3, 10: 1, 30: 1])
        #expect(tally.min == 0 && tally.max == 30 && tally.total == 40 && tally.count == 5)
        #expect(tally.percentile(50) == 0 && tally.percentile(80) == 10 && tally.percentile(100) == 30)
        #expect(tally.count(atMost: 0) == 3 && tally.count(atMost: 10) == 4)
        var merged = DurationTally()
        merged.add(0)
        merged.add(20)
        merged.merge(tally)
        #expect(merged.counts == [0: 4, 10: 1, 20: 1, 30: 1] && merged.count == 7)
        var onlyZeros = DurationTally()
        onlyZeros.add(0)
        #expect(onlyZeros.min == 0 && onlyZeros.max == 0 && onlyZeros.percentile(99) == 0)
    }

    @Test func durationTallyCountsRunsOfEqualDurationsWithTheRest() {
        // The latest duration and its repeats are kept apart from the dictionary: every order
        // of the same durations gives the same tally.
        let durations: [Int64] = [172_800, 172_800, 0, 172_800, 60, 60, 172_800, 0, 5, 60]
        var tallies: [DurationTally] = []
        for order in [durations, durations.reversed(), durations.sorted(), durations.sorted().reversed()] {
            var tally = DurationTally()
            for value in order { tally.add(value) }
            tallies.append(tally)
        }
        #expect(tallies[0].counts == [0: 2, 5: 1, 60: 3, 172_800: 4])
        #expect(tallies[0].min == 0 && tallies[0].max == 172_800 && tallies[0].count == 10)
        #expect(tallies[0].percentile(50) == 60 && tallies[0].percentile(70) == 172_800)
        for tally in tallies.dropFirst() {
            #expect(tally == tallies[0] && tally.hashValue == tallies[0].hashValue)
        }
        var merged = tallies[1]
        merged.merge(tallies[2])
        #expect(merged.counts == [0: 4, 5: 2, 60: 6, 172_800: 8] && merged.total == 2 * tallies[0].total)
        var repeatsOnly = DurationTally()
        for _ in 0..<3 { repeatsOnly.add(7) }
        #expect(repeatsOnly.counts == [7: 3] && repeatsOnly.min == 7 && repeatsOnly.percentile(99) == 7)
    }

    @Test func executionIDsAreUUIDsThatSortInTheOrderGiven() {
        #expect(RunRecorder.executionID(run: 42, sequence: 7) == "0000002a-0000-8000-8000-000000000007")
        #expect(RunRecorder.executionID(run: 3, sequence: 1) != RunRecorder.executionID(run: 4, sequence: 1))
        let ids = [1, 2, 15, 16, 4095, 1 << 40, 1 << 48].map {
            RunRecorder.executionID(run: 3, sequence: Int64($0))
        }
        #expect(ids == ids.sorted())
        #expect(ids.allSatisfy { $0.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12] })
        #expect(UUID(uuidString: ids[0]) != nil)
    }
}
