import Foundation
import GRDB
import JourneyModel
import ReplayEngine

/// A test replay: a journey version replayed in memory over a few leads — a named cohort's
/// first leads, or sample leads given inline — to see where each goes and why before launch.
/// Nothing is written: no run appears in `cairn runs`, and the sample leads are not kept.
public struct TrialReplayOrder: Sendable, Hashable {
    public enum Leads: Sendable, Hashable {
        /// The first `limit` leads of a stored cohort, in entry order.
        case cohort(String, limit: Int)
        /// Records in the JSON Lines cohort format (docs/cohort-format.md), one per line.
        case records(jsonLines: String, source: String)
    }

    public var journey: String
    /// `nil`: the active version, else the latest.
    public var version: Int?
    public var leads: Leads
    public var seed: UInt64
    public var mode: ReplayMode
    public var horizon: Date?

    public init(
        journey: String, version: Int? = nil, leads: Leads, seed: UInt64 = 1, mode: ReplayMode = .mixed,
        horizon: Date? = nil
    ) {
        self.journey = journey
        self.version = version
        self.leads = leads
        self.seed = seed
        self.mode = mode
        self.horizon = horizon
    }

    /// The most leads a test replay takes.
    public static let maxLeads = 1000
}

/// What a test replay did: every record, in the engine's order, and the summary.
public struct TrialReplayOutcome: Sendable {
    public var journey: String
    public var version: Int
    /// The leads replayed, in entry order: those that never entered have no records.
    public var leads: [String]
    public var records: [ReplayRecord]
    public var summary: ReplaySummary
}

extension Workspace {
    public func trialReplay(_ order: TrialReplayOrder) throws(WorkspaceError) -> TrialReplayOutcome {
        let (stored, journey) = try journeyToReplay(order.journey, version: order.version)
        let leads: [ReplayEngine.CohortLead]
        switch order.leads {
        case .cohort(let name, let limit):
            let cohort = try replayCohort(named: name)
            leads = Array(cohort.prefix(max(0, min(limit, TrialReplayOrder.maxLeads))))
            try cohort.close()
        case .records(let jsonLines, let source):
            leads = try sampleLeads(jsonLines: jsonLines, source: source)
        }
        let configuration = ReplayConfiguration(seed: order.seed, mode: order.mode, horizon: order.horizon)
        let recorder = CollectingRecorder()
        let summary = Replay.run(
            journey: journey, cohort: leads, agents: try agents(),
            configuration: configuration, recorder: recorder)
        return TrialReplayOutcome(
            journey: order.journey, version: stored.version, leads: leads.map(\.lead.id),
            records: recorder.records,
            summary: summary)
    }

    /// Leads and events in the JSON Lines cohort format, checked exactly as an import checks
    /// them (same rules, same messages, `source:LINE` locations), then read back in entry order.
    /// The import runs in a transaction that is always rolled back: nothing stays.
    func sampleLeads(jsonLines: String, source: String) throws(WorkspaceError) -> [ReplayEngine.CohortLead] {
        let input = CohortImportInput(name: source, format: .jsonLines, path: nil) {
            InputStream(data: Data(jsonLines.utf8))
        }
        let author = Workspace.currentAuthor
        let outcome: Result<[ReplayEngine.CohortLead], WorkspaceError>
        do {
            outcome = try pool.writeWithoutTransaction { db in
                var result: Result<[ReplayEngine.CohortLead], WorkspaceError> = .success([])
                try db.inTransaction {
                    try db.execute(
                        sql: """
                            INSERT INTO cohorts (name, origin, sources, author, created_at)
                            VALUES (?, 'jsonl', '[]', ?, ?)
                            """, arguments: ["trial-\(UUID().uuidString)", author, EpochSeconds.now()])
                    let session = CohortImportSession(db: db, cohortID: db.lastInsertedRowID)
                    try session.importJSONLines(input)
                    try session.finish()
                    if session.problemCount > 0 {
                        result = .failure(
                            .importFailed(
                                ImportReport(
                                    cohort: source, leads: 0, events: 0, problems: session.problems,
                                    problemCount: session.problemCount, fileRefused: true)))
                    } else if session.leadCount > TrialReplayOrder.maxLeads {
                        result = .failure(
                            .invalidArgument(
                                "a test replay takes at most \(TrialReplayOrder.maxLeads) leads, "
                                    + "not \(session.leadCount)"))
                    } else {
                        var reader = LeadChunkReader(
                            cohortID: session.cohortID, hasEvents: session.eventCount > 0,
                            behavior: { _ in nil })
                        result = .success(try reader.chunk(db, after: nil))
                    }
                    return .rollback
                }
                return result
            }
        } catch {
            throw WorkspaceError.from(error, path: path)
        }
        return try outcome.get()
    }
}
