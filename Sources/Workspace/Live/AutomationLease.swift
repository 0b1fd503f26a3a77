import Foundation
import GRDB

/// Who holds the automation lease (`automation_lease`, one row at most).
public struct AutomationLeaseHolder: Sendable, Hashable, Codable {
    /// The holder's token: unique per process start (see `AutomationLease.holderToken`).
    public var holder: String
    public var pid: Int32
    public var host: String
    /// Epoch seconds with fractions.
    public var acquiredAt: Double
    public var heartbeatAt: Double

    public init(holder: String, pid: Int32, host: String, acquiredAt: Double, heartbeatAt: Double) {
        self.holder = holder
        self.pid = pid
        self.host = host
        self.acquiredAt = acquiredAt
        self.heartbeatAt = heartbeatAt
    }
}

/// How an attempt to take the lease went.
public enum AutomationLeaseAttempt: Sendable, Hashable {
    /// The caller holds it now (it was free, already the caller's, or its holder went stale).
    case acquired(AutomationLeaseHolder)
    /// Another holder's heartbeat is recent: stand by.
    case heldByOther(AutomationLeaseHolder)
}

/// One automation process per workspace: whoever holds the `automation_lease` row schedules
/// and delivers; it beats its heartbeat every few seconds, and anyone may take the row over
/// once the heartbeat is older than `staleAfter`. Times come from the caller (`now`), so tests
/// drive it with their own clock. Each call is one statement: atomic between processes.
public struct AutomationLease: Sendable {
    public let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// A token for this process start: `HOST:PID:RANDOM`.
    public static func holderToken(host: String, pid: Int32) -> String {
        "\(host):\(pid):\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// Takes the lease when nobody holds it, when `holder` already does (refreshing the
    /// heartbeat), or when its heartbeat is more than `staleAfter` seconds older than `now`.
    public func acquire(holder: String, pid: Int32, host: String, now: Double, staleAfter: Double)
        throws(WorkspaceError) -> AutomationLeaseAttempt
    {
        let current = try workspace.write { db -> AutomationLeaseHolder? in
            try db.execute(
                sql: """
                    INSERT INTO automation_lease (id, holder, pid, host, acquired_at, heartbeat_at)
                    VALUES (1, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET
                        acquired_at = CASE WHEN holder = excluded.holder THEN acquired_at ELSE excluded.acquired_at END,
                        holder = excluded.holder, pid = excluded.pid, host = excluded.host,
                        heartbeat_at = excluded.heartbeat_at
                    WHERE holder = excluded.holder OR heartbeat_at < ?
                    """, arguments: [holder, pid, host, now, now, now - staleAfter])
            return try Self.holder(db)
        }
        guard let current else {
            throw .cannotOpen(path: workspace.path, reason: "the automation lease row vanished while taken")
        }
        return current.holder == holder ? .acquired(current) : .heldByOther(current)
    }

    /// Beats the heartbeat; false when `holder` no longer holds the lease (another took it over).
    public func heartbeat(holder: String, now: Double) throws(WorkspaceError) -> Bool {
        try workspace.write { db in
            try db.execute(
                sql: "UPDATE automation_lease SET heartbeat_at = ? WHERE id = 1 AND holder = ?",
                arguments: [now, holder])
            return db.changesCount > 0
        }
    }

    /// Gives the lease up, if `holder` holds it, so a standby takes over at its next try.
    public func release(holder: String) throws(WorkspaceError) {
        try workspace.write { db in
            try db.execute(
                sql: "DELETE FROM automation_lease WHERE id = 1 AND holder = ?", arguments: [holder])
        }
    }

    /// The current holder, if any (whether or not its heartbeat is recent).
    public func current() throws(WorkspaceError) -> AutomationLeaseHolder? {
        try workspace.read { db in try Self.holder(db) }
    }

    static func holder(_ db: Database) throws -> AutomationLeaseHolder? {
        try Row.fetchOne(db, sql: "SELECT * FROM automation_lease WHERE id = 1").map { row in
            AutomationLeaseHolder(
                holder: row["holder"], pid: row["pid"], host: row["host"], acquiredAt: row["acquired_at"],
                heartbeatAt: row["heartbeat_at"])
        }
    }
}
