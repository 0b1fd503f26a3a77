import Foundation
import GRDB
import Workspace

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("replay-bench: \(message)\n".utf8))
    exit(1)
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Peak resident memory of this process since the last `resetPeakMemory()`, from /proc (VmHWM), in MiB.
func peakMemoryMiB() -> Double { statusMiB("VmHWM:") }

/// Resident memory of this process now, from /proc (VmRSS), in MiB.
func residentMemoryMiB() -> Double { statusMiB("VmRSS:") }

/// A size in kB that /proc/self/status gives on the line starting with `field`, in MiB.
private func statusMiB(_ field: String) -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }),
        let kib = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kib / 1024
}

/// Starts a new peak: Linux resets VmHWM to the current resident size on "5" in clear_refs.
func resetPeakMemory() {
    try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
}

func freshWorkspace(_ name: String) -> (Workspace, URL) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "replay-bench-\(name)-\(UUID())")
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (try Workspace.open(at: folder.appendingPathComponent("w.db").path), folder)
    } catch {
        fail("cannot create a workspace: \(error)")
    }
}

/// What the workspace holds: bytes in use (pages not on the free list, as of the last commit,
/// WAL included) and rows per table with each table's column count.
struct WorkspaceContents {
    var bytes: Int
    var tables: [String: TableRows]

    static func read(_ workspace: Workspace) -> WorkspaceContents {
        do {
            return try workspace.query { db in
                let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
                let free = try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0
                let size = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0
                var tables: [String: TableRows] = [:]
                let names = try String.fetchAll(
                    db,
                    sql: "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                for name in names {
                    let rows = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"\(name)\"") ?? 0
                    // An INTEGER PRIMARY KEY is the rowid, as the floor's own `id`.
                    let columns = try Row.fetchAll(
                        db, sql: "SELECT type, pk FROM pragma_table_info(?)", arguments: [name]
                    )
                    .filter { !($0["pk"] as Int == 1 && ($0["type"] as String).uppercased() == "INTEGER") }
                    .count
                    tables[name] = TableRows(table: name, rows: rows, columns: columns)
                }
                return WorkspaceContents(bytes: (pages - free) * size, tables: tables)
            }
        } catch {
            fail("reading the workspace: \(error)")
        }
    }

    /// The tables `after` added rows to, with the number added.
    static func added(from before: WorkspaceContents, to after: WorkspaceContents) -> [TableRows] {
        after.tables.values.compactMap { table in
            let added = table.rows - (before.tables[table.table]?.rows ?? 0)
            return added > 0 ? TableRows(table: table.table, rows: added, columns: table.columns) : nil
        }.sorted { $0.table < $1.table }
    }
}

/// CPU seconds of the whole process (every thread) so far.
func processCPUSeconds() -> Double { cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) }

/// CPU seconds `clock` has counted so far.
func cpuSeconds(_ clock: clockid_t) -> Double {
    var time = timespec()
    clock_gettime(clock, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
