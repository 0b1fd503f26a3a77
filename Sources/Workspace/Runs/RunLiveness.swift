import Foundation
import GRDB

/// A run whose writer died (killed, crashed, machine rebooted) stays `running` in the file;
/// the next open marks it `interrupted`. A run whose writer is alive on this machine is left
/// alone, so opening a dashboard during a replay does not break it.
enum RunLiveness {
    static var hostName: String { ProcessInfo.processInfo.hostName }

    static func markInterruptedRuns(in pool: DatabasePool) throws {
        let running = try pool.read { db in
            // A live run stays `running` while its journey version runs live, whichever process
            // holds the automation lease; it is not a replay whose writer died.
            try Row.fetchAll(
                db,
                sql:
                    "SELECT id, writer_pid, writer_host FROM runs WHERE status = 'running' AND mode != 'live'"
            )
        }
        let dead: [Int64] = running.compactMap { row in
            let id: Int64 = row["id"]
            let pid: Int32? = row["writer_pid"]
            let host: String? = row["writer_host"]
            guard let pid, host == hostName else { return host == nil ? id : nil }
            return isAlive(pid) ? nil : id
        }
        guard !dead.isEmpty else { return }
        try pool.write { db in
            for id in dead {
                try db.execute(
                    sql: """
                        UPDATE runs SET status = 'interrupted', status_reason = 'the writing process stopped',
                        finished_at = COALESCE(finished_at, ?) WHERE id = ? AND status = 'running'
                        """,
                    arguments: [EpochSeconds.now(), id])
            }
        }
    }

    static func isAlive(_ pid: Int32) -> Bool {
        if pid == getpid() { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
