import Foundation
import GRDB
import JourneyModel

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

/// A lead with everything a replay needs: its record, its recorded events in time order, and
/// for synthetic cohorts the latent behaviour the simulator answers with.
public struct CohortLead: Sendable {
    public var lead: Lead
    public var events: [LeadEvent]
    public var latent: LatentBehavior?
}

/// What a synthetic lead is like underneath: which segment's rates apply, the channel it
/// prefers, and how responsive it is compared with its segment (1 = typical).
public struct LatentBehavior: Sendable, Hashable {
    public var segment: String
    public var preferredChannel: Channel
    public var responsiveness: Double

    public init(segment: String, preferredChannel: Channel, responsiveness: Double) {
        self.segment = segment
        self.preferredChannel = preferredChannel
        self.responsiveness = responsiveness
    }
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
    /// events in time order. Leads are read in chunks of `leadChunkSize`, each in a short read
    /// transaction, and `body` runs outside any: a long replay then never holds a snapshot that
    /// would keep SQLite from checkpointing the WAL its own results grow. Cohorts never change
    /// once stored, so the chunks see exactly what one snapshot would. Memory stays at a chunk.
    public func forEachLead(
        inCohort name: String, _ body: (CohortLead) throws -> Void
    ) throws(WorkspaceError) {
        let cohort = try cohort(named: name)
        let cohortID = cohort.id
        // Synthetic cohorts have no recorded events: skip a million empty lookups.
        let hasEvents = cohort.events > 0
        var zones: [String: TimeZone] = [:]
        // Where the last chunk ended, in entry order.
        var after: (createdAt: Int64, leadID: String)?
        do {
            while true {
                let position = after
                let chunk: [CohortLead] = try pool.read { db in
                    try Self.leadChunk(
                        db, cohortID: cohortID, after: position, hasEvents: hasEvents, zones: &zones)
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

    /// The next `leadChunkSize` leads after `after` in entry order, with their events.
    static func leadChunk(
        _ db: Database, cohortID: Int64, after: (createdAt: Int64, leadID: String)?, hasEvents: Bool,
        zones: inout [String: TimeZone]
    ) throws -> [CohortLead] {
        let utc = TimeZone(identifier: "UTC") ?? TimeZone.current
        let events = try db.cachedStatement(
            sql: """
                SELECT type, channel, occurred_at, data FROM lead_events
                WHERE cohort_id = ? AND lead_id = ? ORDER BY occurred_at, id
                """)
        let columns = """
            SELECT lead_id, created_at, time_zone, consent_email, consent_sms, consent_chat, properties,
                segment, preferred_channel, responsiveness FROM leads
            """
        // Keyset pagination on the entry-order index: each chunk starts where the last ended.
        let leads =
            try after.map { after in
                try Row.fetchCursor(
                    db,
                    sql: columns + """
                         WHERE cohort_id = ? AND (created_at, lead_id) > (?, ?)
                        ORDER BY created_at, lead_id LIMIT ?
                        """, arguments: [cohortID, after.createdAt, after.leadID, leadChunkSize])
            }
            ?? Row.fetchCursor(
                db, sql: columns + " WHERE cohort_id = ? ORDER BY created_at, lead_id LIMIT ?",
                arguments: [cohortID, leadChunkSize])
        var chunk: [CohortLead] = []
        chunk.reserveCapacity(leadChunkSize)
        // Columns by position: name lookups cost more than the rest on a million rows.
        while let row = try leads.next() {
            let id: String = row[0]
            let zoneName: String = row[2]
            let zone = zones[zoneName] ?? TimeZone(identifier: zoneName) ?? utc
            zones[zoneName] = zone
            var consents = Set<Channel>()
            if row[3] == 1 { consents.insert(.email) }
            if row[4] == 1 { consents.insert(.sms) }
            if row[5] == 1 { consents.insert(.chat) }
            let lead = Lead(
                id: id, properties: JSON.properties(fromText: row[6]), timeZone: zone, consents: consents,
                createdAt: EpochSeconds.date(row[1]))
            var leadEvents: [LeadEvent] = []
            if hasEvents {
                let eventRows = try Row.fetchCursor(events, arguments: [cohortID, id])
                while let event = try eventRows.next() {
                    let data: String? = event[3]
                    leadEvents.append(
                        LeadEvent(
                            leadID: id, type: event[0],
                            channel: (event[1] as String?).flatMap(Channel.init(rawValue:)),
                            time: EpochSeconds.date(event[2]),
                            data: data.map(JSON.properties(fromText:)) ?? [:]))
                }
            }
            var latent: LatentBehavior?
            if let segment: String = row[7],
                let preferred = (row[8] as String?).flatMap(Channel.init(rawValue:))
            {
                latent = LatentBehavior(
                    segment: segment, preferredChannel: preferred, responsiveness: row[9] ?? 1)
            }
            chunk.append(CohortLead(lead: lead, events: leadEvents, latent: latent))
        }
        return chunk
    }
}
