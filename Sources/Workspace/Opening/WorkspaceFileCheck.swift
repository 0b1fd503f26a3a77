import Foundation
import GRDB

/// Looks at a file before Cairn writes to it: opening a pool turns on WAL, which would modify
/// a stranger's database, so anything that is not (or not yet) a Cairn workspace is checked
/// read-only first.
enum WorkspaceFileCheck {
    static let sqliteMagic = Array("SQLite format 3\u{0}".utf8)

    static func check(_ path: String) throws(WorkspaceError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
                throw .cannotOpen(path: path, reason: "the folder '\(folder)' does not exist")
            }
            return
        }
        if isDirectory.boolValue { throw .cannotOpen(path: path, reason: "it is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotOpen(path: path, reason: "permission denied")
        }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        if header.isEmpty { return }  // an empty file becomes a new workspace
        guard header.count >= 100, Array(header.prefix(16)) == sqliteMagic else {
            throw .notSQLite(path: path)
        }
        let applicationID = header[68..<72].reduce(Int32(0)) { $0 << 8 | Int32($1) }
        if applicationID == WorkspaceVersion.applicationID { return }
        // Page 1 may still sit in the WAL; ask SQLite itself, read-only.
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let (id, tables) = try queue.read { db in
                (
                    try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                    try String.fetchAll(
                        db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name LIMIT 4")
                )
            }
            try queue.close()
            if id == WorkspaceVersion.applicationID || (id == 0 && tables.isEmpty) { return }
            let detail =
                id != 0
                ? "it is an SQLite database of another application (application id \(id))"
                : "it is an SQLite database with other tables (\(tables.joined(separator: ", ")))"
            throw WorkspaceError.notAWorkspace(path: path, detail: detail)
        } catch let error as WorkspaceError {
            throw error
        } catch {
            throw WorkspaceError.from(error, path: path)
        }
    }
}
