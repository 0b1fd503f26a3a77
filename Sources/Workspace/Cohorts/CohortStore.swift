import Foundation
import GRDB
import JourneyModel
import ReplayEngine

/// A cohort in the list.
public struct CohortSummary: Sendable, Hashable, Codable {
    public var id: Int64
    public var name: String
    /// `csv`, `jsonl`, `synthetic` or `seed`.
    public var origin: String
    public var leads: Int
    public var events: Int
    public var skippedRows: Int
    /// The synthesis seed, for synthetic cohorts.
    public var seed: Int64?
    public var createdAt: Int64
    public var author: String
}

extension Workspace {
    public func cohorts() throws(WorkspaceError) -> [CohortSummary] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM cohorts ORDER BY name").map(Self.cohortSummary)
        }
    }

    public func cohort(named name: String) throws(WorkspaceError) -> CohortSummary {
        let found = try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM cohorts WHERE name = ?", arguments: [name]).map(
                Self.cohortSummary)
        }
        guard let found else {
            let names = try cohorts().map(\.name)
            throw .cohortNotFound(name, suggestion: Suggestion.closest(to: name, among: names))
        }
        return found
    }

    static func cohortSummary(_ row: Row) -> CohortSummary {
        CohortSummary(
            id: row["id"], name: row["name"], origin: row["origin"], leads: row["lead_count"],
            events: row["event_count"], skippedRows: row["skipped_rows"], seed: row["seed"],
            createdAt: row["created_at"], author: row["author"])
    }

    /// Streams a cohort's leads in entry order — creation time, then lead id — each with its
    /// events in time order and, for a synthetic cohort, the behavior its profile gives it
    /// (`BehaviorModel.leadBehavior(for:)`). Leads are read in chunks of `leadChunkSize`, each
    /// in a short read transaction, and `body` runs outside any: a long replay then never holds
    /// a snapshot that would keep SQLite from checkpointing the WAL its own results grow.
    /// Imported and synthetic cohorts never change once stored, so the chunks see exactly what
    /// one snapshot would; the `live` cohort grows meanwhile, and each chunk sees it as it was
    /// when that chunk was read.
    /// Memory stays at a chunk, and the reading connection at a small page cache while it reads.
    public func forEachLead(
        inCohort name: String, _ body: (CohortLead) throws -> Void
    ) throws(WorkspaceError) {
        let cohort = try cohort(named: name)
        let behaviorModel = try behaviorModel(ofCohort: name)
        var reader = LeadChunkReader(
            cohortID: cohort.id, hasEvents: cohort.events > 0,
            behavior: { latent in behaviorModel?.leadBehavior(for: latent) })
        // Where the last chunk ended, in entry order.
        var after: (createdAt: Int64, leadID: String)?
        do {
            while true {
                let position = after
                let chunk: [CohortLead] = try pool.read { db in
                    try Self.withStreamCache(db) { try reader.chunk(db, after: position) }
                }
                for lead in chunk { try body(lead) }
                guard chunk.count == Self.leadChunkSize, let last = chunk.last else { break }
                after = (EpochSeconds.seconds(last.lead.createdAt), last.lead.id)
            }
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw WorkspaceError.from(error, path: path)
        }
    }

    static let leadChunkSize = 2048
}

/// Reads a cohort's leads a chunk at a time, in entry order, into the engine's `CohortLead`.
struct LeadChunkReader {
    let cohortID: Int64
    /// Synthetic cohorts have no recorded events: skip a million empty lookups.
    let hasEvents: Bool
    /// A synthetic lead's behavior from its stored latent traits.
    let behavior: (LatentBehavior) -> LeadBehavior?
    /// Time zones by name, resolved once.
    var zones: [String: TimeZone] = [:]

    static let columns = """
        SELECT lead_id, created_at, time_zone, consent_email, consent_sms, consent_chat, properties,
            segment, preferred_channel, responsiveness FROM leads
        """

    /// The next `leadChunkSize` leads after `after` in entry order, with their events.
    mutating func chunk(_ db: Database, after: (createdAt: Int64, leadID: String)?) throws -> [CohortLead] {
        let size = Workspace.leadChunkSize
        // Keyset pagination on the entry-order index: each chunk starts where the last ended.
        let rows =
            try after.map { after in
                try Row.fetchCursor(
                    db,
                    sql: Self.columns + """
                         WHERE cohort_id = ? AND (created_at, lead_id) > (?, ?)
                        ORDER BY created_at, lead_id LIMIT ?
                        """, arguments: [cohortID, after.createdAt, after.leadID, size])
            }
            ?? Row.fetchCursor(
                db, sql: Self.columns + " WHERE cohort_id = ? ORDER BY created_at, lead_id LIMIT ?",
                arguments: [cohortID, size])
        var chunk: [CohortLead] = []
        chunk.reserveCapacity(size)
        while let row = try rows.next() {
            let lead = self.lead(row)
            let events = hasEvents ? try self.events(of: lead.id, db) : []
            chunk.append(CohortLead(lead: lead, events: events, behavior: latent(row).flatMap(behavior)))
        }
        return chunk
    }

    /// The lead in a row of `columns`, read by position: name lookups cost more than the rest
    /// on a million rows.
    private mutating func lead(_ row: Row) -> Lead {
        let zoneName: String = row[2]
        let zone: TimeZone
        if let known = zones[zoneName] {
            zone = known
        } else {
            zone = TimeZone(identifier: zoneName) ?? ISODate.utc
            zones[zoneName] = zone
        }
        return Lead(
            id: row[0], properties: JSON.properties(fromText: row[6]), timeZone: zone,
            consents: Self.consents(in: row, from: 3),
            createdAt: EpochSeconds.date(row[1]))
    }

    /// The channels a lead consents to, from the row's `consent_email`, `consent_sms` and
    /// `consent_chat` columns (0 or 1), which stand at `first`, `first + 1` and `first + 2`.
    static func consents(in row: Row, from first: Int) -> Set<Channel> {
        var bits = 0
        if row[first] == 1 { bits |= 1 }
        if row[first + 1] == 1 { bits |= 2 }
        if row[first + 2] == 1 { bits |= 4 }
        return consentSets[bits]
    }

    /// Every set of consents the three columns can give, by bit (email 1, sms 2, chat 4): a
    /// lead shares one rather than building its own.
    private static let consentSets: [Set<Channel>] = (0..<8).map { bits in
        Set([Channel.email, .sms, .chat].enumerated().filter { bits & (1 << $0.offset) != 0 }.map(\.element))
    }

    /// A synthetic lead's latent traits; nil for an imported lead.
    private func latent(_ row: Row) -> LatentBehavior? {
        guard let segment: String = row[7],
            let preferred = (row[8] as String?).flatMap(Channel.init(rawValue:))
        else { return nil }
        return LatentBehavior(segment: segment, preferredChannel: preferred, responsiveness: row[9] ?? 1)
    }

    /// The lead's recorded events in time order.
    private func events(of leadID: String, _ db: Database) throws -> [LeadEvent] {
        let statement = try db.cachedStatement(
            sql: """
                SELECT type, channel, occurred_at, data FROM lead_events
                WHERE cohort_id = ? AND lead_id = ? ORDER BY occurred_at, id
                """)
        let rows = try Row.fetchCursor(statement, arguments: [cohortID, leadID])
        var events: [LeadEvent] = []
        while let event = try rows.next() {
            let data: String? = event[3]
            events.append(
                LeadEvent(
                    leadID: leadID, type: event[0],
                    channel: (event[1] as String?).flatMap(Channel.init(rawValue:)),
                    time: EpochSeconds.date(event[2]), data: data.map(JSON.properties(fromText:)) ?? [:]))
        }
        return events
    }
}
