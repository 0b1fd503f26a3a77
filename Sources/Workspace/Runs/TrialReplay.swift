import Foundation
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
        let leads: [CohortLead]
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
    /// them (the same `CohortRecordReader`: same rules, same messages, `source:LINE` locations),
    /// in entry order as a stored cohort reads back. Nothing touches the database.
    func sampleLeads(jsonLines: String, source: String) throws(WorkspaceError) -> [CohortLead] {
        let input = CohortImportInput(name: source, format: .jsonLines, path: nil) {
            InputStream(data: Data(jsonLines.utf8))
        }
        let sample = SampleRecords()
        let reader = CohortRecordReader(
            accept: .init(lead: { sample.leads.append($0) }, event: { sample.events.append($0) }))
        do {
            try reader.importJSONLines(input)
            try reader.finish()
        } catch {
            throw WorkspaceError.from(error, path: path)
        }
        if reader.problemCount > 0 {
            throw .importFailed(
                ImportReport(
                    cohort: source, leads: 0, events: 0, problems: reader.problems,
                    problemCount: reader.problemCount, fileRefused: true))
        }
        if reader.leadCount > TrialReplayOrder.maxLeads {
            throw .invalidArgument(
                "a test replay takes at most \(TrialReplayOrder.maxLeads) leads, not \(reader.leadCount)")
        }
        return sample.cohort()
    }
}

/// A test replay's sample rows, kept in memory as the reader accepts them.
private final class SampleRecords {
    var leads: [LeadRow] = []
    var events: [EventRow] = []

    /// The leads as a stored cohort reads back (`leadChunk`): by entry time, then by id as
    /// SQLite orders text (byte by byte); each lead's events by time, then as accepted.
    func cohort() -> [CohortLead] {
        var eventsByLead: [String: [LeadEvent]] = [:]
        let timed = events.enumerated().sorted { a, b in
            (a.element.occurredAt, a.offset) < (b.element.occurredAt, b.offset)
        }
        for (_, row) in timed {
            eventsByLead[row.leadID, default: []].append(
                LeadEvent(
                    leadID: row.leadID, type: row.type, channel: row.channel,
                    time: EpochSeconds.date(row.occurredAt),
                    data: row.dataJSON.map(JSON.properties(fromText:)) ?? [:]))
        }
        let ordered = leads.sorted { a, b in
            a.createdAt != b.createdAt
                ? a.createdAt < b.createdAt : a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
        }
        let utc = TimeZone(identifier: "UTC") ?? TimeZone.current
        var zones: [String: TimeZone] = [:]
        return ordered.map { row in
            let zone = zones[row.timeZone] ?? TimeZone(identifier: row.timeZone) ?? utc
            zones[row.timeZone] = zone
            let lead = Lead(
                id: row.id, properties: JSON.properties(fromText: row.propertiesJSON), timeZone: zone,
                consents: row.consents, createdAt: EpochSeconds.date(row.createdAt))
            return CohortLead(lead: lead, events: eventsByLead[row.id] ?? [])
        }
    }
}
