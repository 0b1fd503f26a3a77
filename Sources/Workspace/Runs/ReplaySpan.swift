import Foundation
import GRDB
import JourneyModel
import ReplayEngine

/// The stretch of virtual time a replay covers, and why: what `--until` said; else, for a
/// replay over recorded events, the cohort's recorded history plus the journey's longest run of waits;
/// else open-ended. Stored with the run (`runs.horizon_at` and `runs.options` → `span`) and
/// printed by `cairn replay`, the report and the studio, so the figure is never a hidden default.
public struct ReplaySpan: Sendable, Hashable, Codable {
    public enum Basis: String, Sendable, Codable {
        /// `--until` (or a caller's horizon) ends the run.
        case until
        /// The cohort's first lead's creation to its last recorded event, plus the longest run of waits.
        case recordedHistory = "recorded-history"
        /// No end: the run ends when every lead is done; a time trigger fires for
        /// `triggerDaysAfterCreation` days after each lead's creation.
        case openEnded = "open-ended"
    }

    public var basis: Basis
    /// The cohort's first lead's creation (epoch seconds); nil for an empty cohort.
    public var start: Int64?
    /// Recorded history: its last moment, the latest recorded event or lead creation.
    public var lastRecorded: Int64?
    /// Recorded history: the journey's longest run of waits (`Journey.longestWait`), in seconds.
    public var longestWaitSeconds: Int?
    /// The run's horizon (epoch seconds), nil when open-ended.
    public var end: Int64?
    /// Open-ended: how long after its creation a time trigger fires for a lead.
    public var triggerDaysAfterCreation: Int?

    public init(
        basis: Basis, start: Int64? = nil, lastRecorded: Int64? = nil, longestWaitSeconds: Int? = nil,
        end: Int64? = nil, triggerDaysAfterCreation: Int? = nil
    ) {
        self.basis = basis
        self.start = start
        self.lastRecorded = lastRecorded
        self.longestWaitSeconds = longestWaitSeconds
        self.end = end
        self.triggerDaysAfterCreation = triggerDaysAfterCreation
    }

    /// The horizon the engine runs to.
    public var horizon: Date? { end.map(EpochSeconds.date) }

    /// One line: `span 2025-01-06T00:00:00Z – 2025-07-15T00:00:00Z (recorded history to
    /// 2025-07-01T00:00:00Z + longest run of waits 14d)`.
    public var text: String {
        let from = start.map(EpochSeconds.format) ?? "the first lead"
        switch basis {
        case .until:
            return "span \(from) – \(end.map(EpochSeconds.format) ?? "?") (--until)"
        case .recordedHistory:
            let last = lastRecorded.map(EpochSeconds.format) ?? "?"
            let wait = JourneyDuration(seconds: longestWaitSeconds ?? 0)
            return "span \(from) – \(end.map(EpochSeconds.format) ?? "?") (recorded history to \(last)"
                + " + longest run of waits \(wait))"
        case .openEnded:
            let days = triggerDaysAfterCreation ?? 0
            return
                "span \(from) – open-ended (a time trigger fires up to \(days)d after each lead's creation)"
        }
    }
}

extension Workspace {
    /// The span `order` replays `journey` over. A replay reads recorded events when its mode is
    /// `recorded`, or `mixed` over a cohort that holds any: then, without a horizon, it spans
    /// the cohort's recorded history plus the journey's longest run of waits. A simulated replay (or a
    /// mixed one over a cohort without events) stays open-ended.
    public func replaySpan(_ order: ReplayOrder, journey: Journey) throws(WorkspaceError) -> ReplaySpan {
        let cohortID = try cohort(named: order.cohort).id
        let bounds: [Int64?] = try read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT (SELECT MIN(created_at) FROM leads WHERE cohort_id = ?1),
                           (SELECT MAX(created_at) FROM leads WHERE cohort_id = ?1),
                           (SELECT MAX(occurred_at) FROM lead_events WHERE cohort_id = ?1)
                    """, arguments: [cohortID])
            return [row?[0], row?[1], row?[2]]
        }
        let (firstLead, lastLead, lastEvent) = (bounds[0], bounds[1], bounds[2])
        if let horizon = order.horizon {
            return ReplaySpan(basis: .until, start: firstLead, end: EpochSeconds.seconds(horizon))
        }
        let readsRecorded = order.mode == .recorded || (order.mode == .mixed && lastEvent != nil)
        guard readsRecorded, let last = [lastLead, lastEvent].compactMap({ $0 }).max() else {
            let days = ReplayConfiguration().openEndedTriggerSpan.seconds / 86_400
            return ReplaySpan(basis: .openEnded, start: firstLead, triggerDaysAfterCreation: days)
        }
        let wait = journey.longestWait.seconds
        return ReplaySpan(
            basis: .recordedHistory, start: firstLead, lastRecorded: last, longestWaitSeconds: wait,
            end: last + Int64(wait))
    }
}
