import Foundation
import GRDB

/// A journey's operator or guard state (`live_journeys`): `running` (also when it has no row)
/// or `paused`, with the reason. The live runtime reads it before each step of the journey's
/// executions; a paused journey steps nothing and delivers nothing new.
public struct LiveJourneyState: Sendable, Hashable {
    public var paused: Bool
    public var reason: String?
    /// When it last changed (epoch seconds with fractions), nil when it never did.
    public var changedAt: Double?

    public init(paused: Bool, reason: String?, changedAt: Double?) {
        self.paused = paused
        self.reason = reason
        self.changedAt = changedAt
    }
}

extension Workspace {
    /// Pauses `journey` (a slug): by `cairn live pause`, or by a guard with its reason.
    public func pauseLiveJourney(
        _ journey: String, reason: String?, now: Double = Date().timeIntervalSince1970
    ) throws(WorkspaceError) {
        try setLiveJourneyState(journey, state: "paused", reason: reason, now: now)
    }

    /// Lets a paused `journey` run again.
    public func resumeLiveJourney(_ journey: String, now: Double = Date().timeIntervalSince1970)
        throws(WorkspaceError)
    {
        try setLiveJourneyState(journey, state: "running", reason: nil, now: now)
    }

    /// How `journey` stands: running unless paused.
    public func liveJourneyState(_ journey: String) throws(WorkspaceError) -> LiveJourneyState {
        let rowID = try journeyRowID(for: journey, allowArchived: true)
        return try read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT state, reason, changed_at FROM live_journeys WHERE workflow_id = ?",
                arguments: [rowID])
            guard let row else { return LiveJourneyState(paused: false, reason: nil, changedAt: nil) }
            return LiveJourneyState(
                paused: row["state"] == "paused", reason: row["reason"], changedAt: row["changed_at"])
        }
    }

    private func setLiveJourneyState(_ journey: String, state: String, reason: String?, now: Double)
        throws(WorkspaceError)
    {
        let rowID = try journeyRowID(for: journey, allowArchived: true)
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO live_journeys (workflow_id, state, reason, changed_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (workflow_id) DO UPDATE SET
                        state = excluded.state, reason = excluded.reason, changed_at = excluded.changed_at
                    """, arguments: [rowID, state, reason, now])
        }
    }
}
