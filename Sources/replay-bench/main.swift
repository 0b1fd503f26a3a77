import Analytics
import Foundation
import GRDB
import JourneyModel
import ReplayEngine
import Workspace

#if canImport(GRDBSQLite)
    import GRDBSQLite
#elseif canImport(SQLite3)
    import SQLite3
#endif

// replay-bench [LEADS...]: for each size (default 100,000 and 1,000,000), synthesises a cohort
// of the sample profile, replays welcome-series over it with everything recorded through the
// workspace's recorder, then measures a floor — the same number of rows inserted into the same
// tables of a fresh workspace with plain prepared statements through SQLite's C API, one
// transaction per batch — and times every section of the report on the run. Release build:
//   swift build -c release --product replay-bench && .build/release/replay-bench 100000 1000000

let sizes =
    CommandLine.arguments.dropFirst().compactMap { Int($0.replacingOccurrences(of: "_", with: "")) }
    .nonEmpty ?? [100_000, 1_000_000]
let batchRows = 4096

extension Array {
    var nonEmpty: Self? { isEmpty ? nil : self }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("replay-bench: \(message)\n".utf8))
    exit(1)
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Peak resident memory of this process so far, from /proc (VmHWM), in MiB.
func peakMemoryMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kib = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kib / 1024
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

let profilePath = "sample-journeys/cohorts/b2b-saas.profile.yaml"
let journeyPath = "sample-journeys/welcome-series.journey.yaml"
guard let profileText = try? String(contentsOfFile: profilePath, encoding: .utf8),
    let journeyText = try? String(contentsOfFile: journeyPath, encoding: .utf8)
else { fail("run from the repository root (reads \(profilePath) and \(journeyPath))") }
guard case .success(let profile) = ProfileReader.read(profileText, file: profilePath) else {
    fail("bad profile")
}
guard let journey = JourneyReader.read(journeyText, file: journeyPath).journey else { fail("bad journey") }

struct Result {
    var leads: Int
    var rows: Int
    var replay: Double
    var floor: Double
    var report: Double
    var peak: Double
}

/// A step-log table as the floor rewrites it: its columns, one real row as a template, and how
/// many rows the replay wrote.
struct TableShape {
    var table: String
    var columns: [String]
    var template: [DatabaseValue]
    var count: Int
}

/// The floor: as many rows as the replay wrote, into the same tables of a fresh workspace, with
/// one prepared statement per table bound through the C API and `batchRows` rows a transaction —
/// the least any recorder could cost. Rows copy a real row, with `id` and `lead_id` made
/// unique so every constraint holds.
func floorSeconds(_ shapes: [TableShape]) -> Double {
    let (workspace, folder) = freshWorkspace("floor")
    defer { try? FileManager.default.removeItem(at: folder) }
    var handle: OpaquePointer?
    guard sqlite3_open(workspace.path, &handle) == SQLITE_OK, let db = handle else {
        fail("cannot open the floor db")
    }
    defer { sqlite3_close(db) }
    sqlite3_exec(db, "PRAGMA foreign_keys = OFF; PRAGMA synchronous = NORMAL", nil, nil, nil)
    let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    return seconds {
        for shape in shapes where shape.count > 0 {
            let marks = shape.columns.map { _ in "?" }.joined(separator: ", ")
            let sql =
                "INSERT INTO \(shape.table) (\(shape.columns.joined(separator: ", "))) VALUES (\(marks))"
            var statement: OpaquePointer?
            sqlite3_prepare_v2(db, sql, -1, &statement, nil)
            var written = 0
            while written < shape.count {
                sqlite3_exec(db, "BEGIN", nil, nil, nil)
                for _ in 0..<min(batchRows, shape.count - written) {
                    sqlite3_reset(statement)
                    for (offset, column) in shape.columns.enumerated() {
                        let index = Int32(offset + 1)
                        if column == "id" || column == "lead_id" {
                            sqlite3_bind_text(statement, index, "\(column)-\(written)", -1, transient)
                            continue
                        }
                        switch shape.template[offset].storage {
                        case .int64(let n): sqlite3_bind_int64(statement, index, n)
                        case .double(let x): sqlite3_bind_double(statement, index, x)
                        case .string(let text): sqlite3_bind_text(statement, index, text, -1, transient)
                        case .blob, .null: sqlite3_bind_null(statement, index)
                        }
                    }
                    if sqlite3_step(statement) != SQLITE_DONE {
                        fail("floor insert into \(shape.table): \(String(cString: sqlite3_errmsg(db)))")
                    }
                    written += 1
                }
                sqlite3_exec(db, "COMMIT", nil, nil, nil)
            }
            sqlite3_finalize(statement)
        }
    }
}

var results: [Result] = []
for size in sizes {
    let (workspace, folder) = freshWorkspace("run")
    defer { try? FileManager.default.removeItem(at: folder) }
    do {
        try workspace.saveJourney(yaml: journeyText, file: journeyPath)
        try workspace.synthesizeCohort(
            name: "bench", profile: profile, profileYAML: profileText, size: size, seed: 1)
    } catch {
        fail("setup: \(error)")
    }
    var rows = 0
    var replayTime = 0.0
    do {
        let recorder = try workspace.startRun(
            ReplayOrder(
                journey: journey.id, version: 1, cohort: "bench", seed: 1, mode: .simulated, horizon: nil),
            engineVersion: Replay.version, batchRows: batchRows)
        let cohort = try workspace.replayCohort(named: "bench")
        replayTime = seconds {
            Replay.run(
                journey: journey, cohort: cohort,
                configuration: ReplayConfiguration(seed: 1, mode: .simulated),
                recorder: recorder)
        }
        try cohort.close()
        if let failure = recorder.failure { fail("replay: \(failure)") }
    } catch {
        fail("replay: \(error)")
    }
    var shapes: [TableShape] = []
    do {
        try workspace.query { db in
            for table in ["workflow_executions", "node_stays", "messages", "agent_handoffs", "conversions"] {
                let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
                // Integer primary keys are the rowid: SQLite assigns them, as in the replay.
                let columns = try Row.fetchAll(
                    db, sql: "SELECT name, type, pk FROM pragma_table_info('\(table)')"
                )
                .filter { !($0["pk"] as Int == 1 && $0["type"] as String == "INTEGER") }.map {
                    $0["name"] as String
                }
                let template = try Row.fetchOne(
                    db, sql: "SELECT \(columns.joined(separator: ", ")) FROM \(table) LIMIT 1")
                rows += count
                shapes.append(
                    TableShape(
                        table: table, columns: columns,
                        template: template.map { Array($0.databaseValues) } ?? [], count: count))
            }
        }
    } catch {
        fail("counting rows: \(error)")
    }
    let floor = floorSeconds(shapes)
    var report = 0.0
    do {
        // Warm the page cache once, as a dashboard that opened the file would have; then the
        // median of 21 builds, since one sub-millisecond timing is mostly noise.
        _ = try RunReportBuilder.build(workspace, run: nil)
        var timings: [Double] = []
        for _ in 0..<21 {
            timings.append(try seconds { _ = try RunReportBuilder.build(workspace, run: nil) })
        }
        report = timings.sorted()[timings.count / 2]
    } catch {
        fail("report: \(error)")
    }
    let result = Result(
        leads: size, rows: rows, replay: replayTime, floor: floor, report: report, peak: peakMemoryMiB())
    results.append(result)
    print(
        String(
            format:
                "%9d leads: replay %.2f s (%.0f leads/s, %.0f rows/s, %d rows); floor %.2f s; replay/floor %.2f; report %.2f ms (median of 21); peak memory %.0f MiB",
            result.leads, result.replay, Double(result.leads) / result.replay,
            Double(result.rows) / result.replay,
            result.rows, result.floor, result.replay / result.floor, result.report * 1000, result.peak))
}
if results.count >= 2, let small = results.first, let large = results.last {
    print(
        String(
            format: "growth %dx leads: replay time x%.2f, report time x%.2f", large.leads / small.leads,
            large.replay / small.replay, large.report / small.report))
}
