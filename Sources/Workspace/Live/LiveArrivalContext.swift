import Foundation
import GRDB
import JourneyModel
import ReplayEngine

/// What a batch of arrivals needs from the workspace, read in one transaction with prepared
/// statements rather than a read per arrival: the arrivals' leads, their events, and the
/// run's stored states of those leads (decoded only when one is brought back).
public struct LiveArrivalContext: Sendable {
    var leads: [String: Lead] = [:]
    var events: [Int64: LeadEvent] = [:]
    var stateTexts: [String: String] = [:]

    /// The lead of the `live` cohort, as it was when the batch was read.
    public func lead(_ leadID: String) -> Lead? { leads[leadID] }

    /// A `lead_events` row of the batch.
    public func event(_ eventID: Int64) -> LeadEvent? { events[eventID] }

    /// The run's stored state of a lead of the batch, if the run has seen it.
    public func state(of leadID: String) throws(WorkspaceError) -> LeadSnapshot? {
        guard let text = stateTexts[leadID] else { return nil }
        do {
            return try Workspace.decodeLeadState(text)
        } catch {
            throw WorkspaceError.from(error, path: "live_leads")
        }
    }
}

extension Workspace {
    static let liveLeadSQL = """
        SELECT l.lead_id, l.created_at, l.time_zone, l.consent_email, l.consent_sms, l.consent_chat,
            l.properties
        FROM leads l JOIN cohorts c ON c.id = l.cohort_id WHERE c.name = ? AND l.lead_id = ?
        """
    static let liveEventSQL = "SELECT lead_id, type, channel, occurred_at, data FROM lead_events WHERE id = ?"

    /// Reads what `arrivals` need for run `runID`, in one read transaction.
    public func liveArrivalContext(_ arrivals: [LiveArrivalRow], run runID: Int64) throws(WorkspaceError)
        -> LiveArrivalContext
    {
        guard !arrivals.isEmpty else { return LiveArrivalContext() }
        return try read { db in
            var context = LiveArrivalContext()
            let leads = try db.cachedStatement(sql: Self.liveLeadSQL)
            let events = try db.cachedStatement(sql: Self.liveEventSQL)
            let states = try db.cachedStatement(
                sql: "SELECT state FROM live_leads WHERE run_id = ? AND lead_id = ?")
            var seen = Set<String>()
            for arrival in arrivals {
                if let id = arrival.eventID, let row = try Row.fetchOne(events, arguments: [id]) {
                    context.events[id] = Self.liveEvent(row)
                }
                guard seen.insert(arrival.leadID).inserted else { continue }
                if let row = try Row.fetchOne(leads, arguments: [LiveIntake.cohortName, arrival.leadID]) {
                    context.leads[arrival.leadID] = Self.liveLead(row)
                }
                context.stateTexts[arrival.leadID] = try String.fetchOne(
                    states, arguments: [runID, arrival.leadID])
            }
            return context
        }
    }

    static func liveLead(_ row: Row) -> Lead {
        let zoneName: String = row[2]
        return Lead(
            id: row[0], properties: JSON.properties(fromText: row[6]),
            timeZone: TimeZone(identifier: zoneName) ?? ISODate.utc,
            consents: LeadChunkReader.consents(in: row, from: 3), createdAt: EpochSeconds.date(row[1]))
    }

    static func liveEvent(_ row: Row) -> LeadEvent {
        let data: String? = row[4]
        return LeadEvent(
            leadID: row[0], type: row[1], channel: (row[2] as String?).flatMap(Channel.init(rawValue:)),
            time: EpochSeconds.date(row[3]), data: data.map(JSON.properties(fromText:)) ?? [:])
    }
}
