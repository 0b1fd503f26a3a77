import Foundation

/// The floor of issue #15: `bench/floor.c` (a verbatim copy of `../shared/bench/floor.c`), R
/// rows of C integer columns into a table with only an integer primary key, WAL,
/// `synchronous=NORMAL`, one prepared single-row statement, 10,000 rows a transaction. A
/// replay's floor is the sum, over the tables it added rows to, of the floor for that many rows
/// and that table's column count.
struct Floor {
    /// The compiled `floor` program.
    let program: URL

    /// Compiles `bench/floor.c` with `gcc -O2 … -lsqlite3` into a temporary folder.
    static func compile(source: String = "bench/floor.c") -> Floor {
        guard FileManager.default.fileExists(atPath: source) else {
            fail("run from the repository root (reads \(source))")
        }
        let program = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-floor-\(getpid())")
        let status = run("/usr/bin/env", ["gcc", "-O2", source, "-lsqlite3", "-o", program.path]).status
        guard status == 0 else { fail("gcc -O2 \(source) -lsqlite3 failed (exit \(status))") }
        return Floor(program: program)
    }

    /// Seconds `floor` takes for `rows` rows of `columns` integer columns, in a fresh file.
    func seconds(rows: Int, columns: Int) -> Double {
        guard rows > 0 else { return 0 }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-floor-\(UUID()).db")
        defer {
            for suffix in ["", "-wal", "-shm"] {
                try? FileManager.default.removeItem(atPath: file.path + suffix)
            }
        }
        let result = Self.run(program.path, [file.path, String(rows), String(columns)])
        guard result.status == 0,
            let value = Double(result.output.trimmingCharacters(in: .whitespacesAndNewlines))
        else { fail("floor \(rows) \(columns) failed: \(result.output)") }
        return value
    }

    /// The floor of a set of tables: the sum of each table's floor.
    func seconds(of tables: [TableRows]) -> Double {
        tables.reduce(0) { $0 + seconds(rows: $1.rows, columns: $1.columns) }
    }

    func remove() { try? FileManager.default.removeItem(at: program) }

    private static func run(_ executable: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        do { try process.run() } catch { fail("cannot run \(executable): \(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// A step-log table as the floor sees it: how many rows the replay added and how many columns
/// each has (an `INTEGER PRIMARY KEY` is the rowid, as the floor's own `id`, and not counted).
struct TableRows {
    var table: String
    var rows: Int
    var columns: Int
}
