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
    /// events in time order. Memory stays at one lead whatever the cohort's size; `body` runs
    /// on the calling thread inside one read snapshot, so a concurrent import cannot tear it.
    public func forEachLead(
        inCohort name: String, _ body: (CohortLead) throws -> Void
    ) throws(WorkspaceError) {
        let cohortID = try cohort(named: name).id
        do {
            try pool.read { db in
                var zones: [String: TimeZone] = [:]
                let utc = TimeZone(identifier: "UTC") ?? TimeZone.current
                let events = try db.cachedStatement(
                    sql: """
                        SELECT type, channel, occurred_at, data FROM lead_events
                        WHERE cohort_id = ? AND lead_id = ? ORDER BY occurred_at, id
                        """)
                let leads = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT lead_id, created_at, time_zone, consent_email, consent_sms, consent_chat, properties,
                            segment, preferred_channel, responsiveness
                        FROM leads WHERE cohort_id = ? ORDER BY created_at, lead_id
                        """, arguments: [cohortID])
                while let row = try leads.next() {
                    let id: String = row["lead_id"]
                    let zoneName: String = row["time_zone"]
                    let zone = zones[zoneName] ?? TimeZone(identifier: zoneName) ?? utc
                    zones[zoneName] = zone
                    var consents = Set<Channel>()
                    if row["consent_email"] == 1 { consents.insert(.email) }
                    if row["consent_sms"] == 1 { consents.insert(.sms) }
                    if row["consent_chat"] == 1 { consents.insert(.chat) }
                    let lead = Lead(
                        id: id, properties: JSON.properties(fromText: row["properties"]), timeZone: zone,
                        consents: consents, createdAt: EpochSeconds.date(row["created_at"]))
                    var leadEvents: [LeadEvent] = []
                    let eventRows = try Row.fetchCursor(events, arguments: [cohortID, id])
                    while let event = try eventRows.next() {
                        let data: String? = event["data"]
                        leadEvents.append(
                            LeadEvent(
                                leadID: id, type: event["type"],
                                channel: (event["channel"] as String?).flatMap(Channel.init(rawValue:)),
                                time: EpochSeconds.date(event["occurred_at"]),
                                data: data.map(JSON.properties(fromText:)) ?? [:]))
                    }
                    var latent: LatentBehavior?
                    if let segment: String = row["segment"],
                        let preferred = (row["preferred_channel"] as String?).flatMap(Channel.init(rawValue:))
                    {
                        latent = LatentBehavior(
                            segment: segment, preferredChannel: preferred,
                            responsiveness: row["responsiveness"] ?? 1)
                    }
                    try body(CohortLead(lead: lead, events: leadEvents, latent: latent))
                }
            }
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw WorkspaceError.from(error, path: path)
        }
    }
}
