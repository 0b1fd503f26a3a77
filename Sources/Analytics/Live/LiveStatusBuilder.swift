import Foundation
import GRDB
import ReplayEngine
import Workspace

/// Reads `LiveStatus` from the workspace in one read transaction, one documented query per
/// figure (`LiveStatusQueries`).
public enum LiveStatusBuilder {
    public static func build(_ workspace: Workspace, now: Double = Date().timeIntervalSince1970) throws
        -> LiveStatus
    {
        try workspace.query { db in
            let journeys = try Row.fetchAll(db, sql: LiveStatusQueries.liveRuns).map { row in
                try journey(db, row, now: now)
            }
            return LiveStatus(generatedAt: now, lease: try lease(db, now: now), journeys: journeys)
        }
    }

    static func lease(_ db: Database, now: Double) throws -> LiveStatus.Lease? {
        try Row.fetchOne(db, sql: LiveStatusQueries.lease, arguments: ["now": now]).map { row in
            LiveStatus.Lease(
                holder: row["holder"], pid: row["pid"], host: row["host"], acquiredAt: row["acquired_at"],
                heartbeatAt: row["heartbeat_at"], heartbeatAgeSeconds: row["heartbeat_age"])
        }
    }

    static func journey(_ db: Database, _ row: Row, now: Double) throws -> LiveStatus.Journey {
        let run: Int64 = row["run_id"]
        let slug: String = row["journey"]
        let version: Int = row["version"]
        let arguments: StatementArguments = [
            "run": run, "journey": slug, "version": version, "since": now - 3600,
        ]
        var status = LiveStatus.Journey(
            journey: slug, version: version, run: run, active: row["active"], state: row["state"],
            reason: row["reason"], startedAt: row["started_at"], inFlight: [:], inFlightTotal: 0,
            waitingTimers: 0, nextDueAt: nil, outbox: [:], deliveredLastHour: 0, failedLastHour: 0,
            executionsEnded: 0, executionsSucceeded: 0, successRate: nil, handoffsAssigned: 0)
        for node in try Row.fetchAll(db, sql: LiveStatusQueries.inFlight, arguments: arguments) {
            status.inFlight[node["node_id"] ?? "(none)"] = node["executions"]
        }
        status.inFlightTotal = status.inFlight.values.reduce(0, +)
        if let timers = try Row.fetchOne(db, sql: LiveStatusQueries.timers, arguments: arguments) {
            (status.waitingTimers, status.nextDueAt) = (timers["waiting"], timers["next_due_at"])
        }
        for state in OutboxState.allCases { status.outbox[state.rawValue] = 0 }
        for state in try Row.fetchAll(db, sql: LiveStatusQueries.outbox, arguments: arguments) {
            status.outbox[state["state"]] = state["n"]
        }
        if let hour = try Row.fetchOne(db, sql: LiveStatusQueries.lastHour, arguments: arguments) {
            (status.deliveredLastHour, status.failedLastHour) = (hour["delivered"], hour["failed"])
        }
        if let ended = try Row.fetchOne(db, sql: LiveStatusQueries.successRate, arguments: arguments) {
            status.executionsEnded = ended["ended"]
            status.executionsSucceeded = ended["succeeded"]
            status.successRate = ended["success_rate"]
        }
        let waits = try Double.fetchAll(db, sql: LiveStatusQueries.handoffTimes, arguments: arguments)
        status.handoffsAssigned = waits.count
        status.handoffP50Seconds = Percentile.nearestRank(waits, 50)
        status.handoffP90Seconds = Percentile.nearestRank(waits, 90)
        return status
    }
}
