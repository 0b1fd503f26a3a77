import Foundation
import GRDB

/// One workspace file: journeys and their versions, cohorts, agents, runs and results.
/// A `DatabasePool` in WAL mode: one writer and concurrent readers, so a dashboard reads
/// while a replay writes.
public final class Workspace: Sendable {
    public let path: String
    /// The connection pool: only Workspace writes; other modules read through `query`.
    let pool: DatabasePool

    private init(path: String, pool: DatabasePool) {
        self.path = path
        self.pool = pool
    }

    /// Opens the workspace at `path`, creating and migrating it if needed. A new workspace is
    /// seeded from `seed` when one is given. A file that is not SQLite, an SQLite file of
    /// another application, or a workspace written by a newer Cairn is refused untouched.
    /// `busyTimeout` is how long a write waits for another process's write (an import, a
    /// replay) before giving up with `WorkspaceError.locked`.
    public static func open(
        at path: String, seed: WorkspaceSeed? = nil, busyTimeout: TimeInterval = 10
    ) throws(WorkspaceError) -> Workspace {
        try WorkspaceFileCheck.check(path)
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration(busyTimeout: busyTimeout))
        } catch {
            throw WorkspaceError.from(error, path: path)
        }
        let workspace = Workspace(path: path, pool: pool)
        let migrator = WorkspaceMigrations.migrator
        do {
            let (isNew, superseded, applied, writtenBy) = try pool.read { db in
                let applied = try migrator.appliedIdentifiers(db)
                let writtenBy =
                    try db.tableExists("meta")
                    ? try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'written_by'") : nil
                return (applied.isEmpty, try migrator.hasBeenSuperseded(db), applied, writtenBy)
            }
            if superseded {
                let unknown = applied.subtracting(WorkspaceMigrations.knownIdentifiers).sorted()
                throw WorkspaceError.madeByNewerCairn(
                    path: path, writtenBy: writtenBy.map { "Cairn \($0)" } ?? "an unknown version",
                    unknownMigrations: unknown)
            }
            if try pool.read({ db in try !migrator.hasCompletedMigrations(db) }) {
                try migrator.migrate(pool)
                try pool.write { db in
                    try db.execute(
                        sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('written_by', ?)",
                        arguments: [WorkspaceVersion.app])
                }
            }
            try plantSeedIfDue(seed, isNew: isNew, in: workspace)
            try RunLiveness.markInterruptedRuns(in: pool)
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw WorkspaceError.from(error, path: path)
        }
        return workspace
    }

    /// Opens an existing workspace only to read it (`cairn dashboard`): nothing is created,
    /// migrated, seeded or marked. A missing file, or one that needs migrating by a newer
    /// `cairn` first, is an error; writes through the returned workspace fail.
    public static func openReadOnly(at path: String) throws(WorkspaceError) -> Workspace {
        guard FileManager.default.fileExists(atPath: path) else {
            throw .cannotOpen(
                path: path, reason: "there is no workspace there (run cairn once to create one)")
        }
        try WorkspaceFileCheck.check(path)
        var configuration = configuration(busyTimeout: 10)
        configuration.readonly = true
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw WorkspaceError.from(error, path: path)
        }
        let migrator = WorkspaceMigrations.migrator
        do {
            let (complete, superseded) = try pool.read { db in
                (try migrator.hasCompletedMigrations(db), try migrator.hasBeenSuperseded(db))
            }
            if superseded {
                throw WorkspaceError.madeByNewerCairn(
                    path: path, writtenBy: "a newer Cairn", unknownMigrations: [])
            }
            if !complete {
                throw WorkspaceError.cannotOpen(
                    path: path, reason: "it is empty or needs an upgrade (open it once with cairn)")
            }
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw WorkspaceError.from(error, path: path)
        }
        return Workspace(path: path, pool: pool)
    }

    /// A new file is marked `seed = pending` before seeding and `done` after, so a seeding cut
    /// short (killed, disk full) is finished by the next open rather than left half done.
    private static func plantSeedIfDue(_ seed: WorkspaceSeed?, isNew: Bool, in workspace: Workspace) throws {
        let pool = workspace.pool
        if isNew {
            let state = seed == nil ? "none" : "pending"
            try pool.write { db in
                try db.execute(
                    sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('seed', ?)", arguments: [state])
            }
        }
        guard let seed else { return }
        let state = try pool.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'seed'")
        }
        guard state == "pending" else { return }
        try seed.plant(in: workspace)
        try pool.write { db in try db.execute(sql: "UPDATE meta SET value = 'done' WHERE key = 'seed'") }
    }

    static func configuration(busyTimeout: TimeInterval) -> Configuration {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Wait for another writer (a replay, an import) rather than failing at once.
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "cairn-workspace"
        configuration.prepareDatabase { db in
            // NORMAL is durable against a killed process in WAL mode (only power loss can lose
            // the last commits), and imports of a million rows need the speed.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = -\(defaultCacheKiB)")
        }
        return configuration
    }

    /// Bulk writes (imports, synthesis) get a larger page cache while they run: an index
    /// written in random order over a million rows thrashes the default one.
    static let bulkCacheKiB = 131_072
    static let defaultCacheKiB = 32_768

    static func withBulkCache<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        try db.execute(sql: "PRAGMA cache_size = -\(bulkCacheKiB)")
        defer {
            try? db.execute(sql: "PRAGMA cache_size = -\(defaultCacheKiB)")
            try? db.execute(sql: "PRAGMA shrink_memory")
        }
        return try body()
    }

    /// Streams (a replay reading its cohort once, its writer appending the step log) get a
    /// small page cache while they run: what they touch is not touched again, and the default
    /// one on each of their connections would grow by 32 MiB of pages read or written once
    /// (measured: a million-lead replay's peak memory, BENCHMARKS.md).
    static let streamCacheKiB = 4096

    static func withStreamCache<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        try db.execute(sql: "PRAGMA cache_size = -\(streamCacheKiB)")
        defer { try? db.execute(sql: "PRAGMA cache_size = -\(defaultCacheKiB)") }
        return try body()
    }

    /// Runs `body` in one write transaction, mapping SQLite failures to workspace errors.
    func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(WorkspaceError) -> T {
        do {
            return try pool.write(body)
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw WorkspaceError.from(error, path: path)
        }
    }

    /// Runs `body` in one read transaction, mapping SQLite failures to workspace errors.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) throws(WorkspaceError) -> T {
        do {
            return try pool.read(body)
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw WorkspaceError.from(error, path: path)
        }
    }
}

extension Workspace {
    /// The door through which other modules (Analytics) read the documented schema
    /// (docs/schema.md): one read-only transaction on a reader connection, so nothing
    /// outside Workspace writes. Errors `body` throws pass through unchanged; SQLite's
    /// arrive as GRDB's `DatabaseError`.
    public func query<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.read(body)
    }
}

extension WorkspaceError {
    /// Maps SQLite's result codes to the messages a user can act on.
    static func from(_ error: any Error, path: String) -> WorkspaceError {
        if let error = error as? WorkspaceError { return error }
        guard let databaseError = error as? DatabaseError else {
            return .cannotOpen(path: path, reason: "\(error)")
        }
        switch databaseError.resultCode {
        case .SQLITE_NOTADB: return .notSQLite(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path: path)
        case .SQLITE_FULL: return .diskFull(path: path)
        case .SQLITE_CANTOPEN:
            return .cannotOpen(
                path: path, reason: "the file or its directory cannot be opened (does the folder exist?)")
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_AUTH:
            return .cannotOpen(path: path, reason: "permission denied (the file or its folder is read-only)")
        case .SQLITE_CORRUPT: return .notAWorkspace(path: path, detail: "the database file is corrupt")
        default:
            return .cannotOpen(path: path, reason: databaseError.message ?? "\(databaseError)")
        }
    }
}
