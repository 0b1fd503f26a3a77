import Analytics
import Foundation
import JourneyModel
import ReplayEngine
import Workspace

// replay-bench [--engine-only] [--no-floor] [LEADS...]: for each size (default 10,000 and 100,000),
// synthesises a cohort of the sample profile (seed 1), replays welcome-series over it in
// simulated mode with everything recorded through the workspace's recorder, and measures right
// after it the floor of issue #15 (bench/floor.c for each table the replay added rows to: that
// many rows of that many integer columns). Then the engine alone over the same cohort in memory
// with a counting recorder (node visits per second), and the report on the run. Release build,
// from the repository root:
//   swift build -c release --product replay-bench && .build/release/replay-bench 10000 100000 1000000

// Huge pages, as `cairn replay` has them (`HugePages`); `GLIBC_TUNABLES=glibc.malloc.hugetlb=0`
// measures without them (and keeps valgrind, which would not follow the restart, on this process).
HugePages.restartWithHugePages()

let arguments = CommandLine.arguments.dropFirst()
let engineOnlyMode = arguments.contains("--engine-only")
// Without the floor (0 s): for counting instructions under valgrind, which cannot start gcc.
let withFloor = !arguments.contains("--no-floor")
let sizes = arguments.compactMap { Int($0.replacingOccurrences(of: "_", with: "")) }
let runSizes = sizes.isEmpty ? [10_000, 100_000] : sizes
let batchRows = 4096

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
    var bytes: Int
    var engine: EngineOnlyResult
    var report: Double
    var peak: Double

    var bytesPerLead: Double { Double(bytes) / Double(leads) }
}

func prepared(size: Int) -> (Workspace, URL) {
    let (workspace, folder) = freshWorkspace("run")
    do {
        try workspace.saveJourney(yaml: journeyText, file: journeyPath)
        try workspace.synthesizeCohort(
            name: "bench", profile: profile, profileYAML: profileText, size: size, seed: 1)
    } catch {
        fail("setup: \(error)")
    }
    return (workspace, folder)
}

func inMemoryCohort(_ workspace: Workspace) -> [CohortLead] {
    do {
        let cohort = try workspace.replayCohort(named: "bench")
        defer { try? cohort.close() }
        return Array(cohort)
    } catch {
        fail("reading the cohort: \(error)")
    }
}

/// The recorded replay: its time and peak memory; its CPU seconds on the engine's thread (the
/// engine and the recorder) and on the others (the writer), printed.
func recordedReplay(_ workspace: Workspace) -> (seconds: Double, peak: Double) {
    resetPeakMemory()
    print(String(format: "  resident before the replay: %.0f MiB", residentMemoryMiB()))
    let (processStart, threadStart) = (processCPUSeconds(), threadCPUSeconds())
    defer {
        let engineThread = threadCPUSeconds() - threadStart
        let others = processCPUSeconds() - processStart - engineThread
        print(String(format: "  CPU: engine thread %.2f s, writer %.2f s", engineThread, others))
    }
    do {
        let recorder = try workspace.startRun(
            ReplayOrder(
                journey: journey.id, version: 1, cohort: "bench", seed: 1, mode: .simulated, horizon: nil),
            engineVersion: Replay.version, batchRows: batchRows)
        let cohort = try workspace.replayCohort(named: "bench")
        let time = seconds {
            Replay.run(
                journey: journey, cohort: cohort,
                configuration: ReplayConfiguration(seed: 1, mode: .simulated),
                recorder: recorder)
        }
        try cohort.close()
        if let failure = recorder.failure { fail("replay: \(failure)") }
        return (time, peakMemoryMiB())
    } catch {
        fail("replay: \(error)")
    }
}

/// The median of 21 report builds after one warm-up (a dashboard that opened the file would
/// have the page cache warm; one sub-millisecond timing is mostly noise).
func reportSeconds(_ workspace: Workspace) -> Double {
    do {
        _ = try RunReportBuilder.build(workspace, run: nil)
        var timings: [Double] = []
        for _ in 0..<21 {
            timings.append(try seconds { _ = try RunReportBuilder.build(workspace, run: nil) })
        }
        return timings.sorted()[timings.count / 2]
    } catch {
        fail("report: \(error)")
    }
}

func measure(size: Int, floor: Floor?) -> Result {
    let (workspace, folder) = prepared(size: size)
    defer { try? FileManager.default.removeItem(at: folder) }
    let before = WorkspaceContents.read(workspace)
    let (replay, peak) = recordedReplay(workspace)
    let after = WorkspaceContents.read(workspace)
    let added = WorkspaceContents.added(from: before, to: after)
    let floorTime = floor?.seconds(of: added) ?? 0
    for table in added {
        print("  \(table.table): \(table.rows) rows of \(table.columns) columns")
    }
    let engine = engineOnly(journey: journey, cohort: inMemoryCohort(workspace), seed: 1)
    return Result(
        leads: size, rows: added.reduce(0) { $0 + $1.rows }, replay: replay, floor: floorTime,
        bytes: after.bytes - before.bytes, engine: engine, report: reportSeconds(workspace), peak: peak)
}

func printEngineOnly(size: Int) {
    let (workspace, folder) = prepared(size: size)
    defer { try? FileManager.default.removeItem(at: folder) }
    let cohort = inMemoryCohort(workspace)
    let engine = engineOnly(journey: journey, cohort: cohort, seed: 1)
    print(
        String(
            format:
                "%9d leads: engine alone %.2f s (%.2f s of CPU), %d node visits, %.0f visits/s"
                + " (%.0f per CPU second), %d records", size, engine.seconds, engine.cpuSeconds,
            engine.nodeVisits, engine.visitsPerSecond,
            Double(engine.nodeVisits) / engine.cpuSeconds, engine.records))
}

if engineOnlyMode {
    for size in runSizes { printEngineOnly(size: size) }
    exit(0)
}

let floor = withFloor ? Floor.compile() : nil
defer { floor?.remove() }
var results: [Result] = []
for size in runSizes {
    let result = measure(size: size, floor: floor)
    results.append(result)
    print(
        String(
            format:
                "%9d leads: replay %.2f s (%.0f leads/s, %d rows); floor %.2f s; replay/floor %.2f; %.0f bytes/lead; peak %.0f MiB; engine alone %.0f visits/s, %.0f per CPU second (%d visits in %.2f s); report %.2f ms",
            result.leads, result.replay, Double(result.leads) / result.replay, result.rows, result.floor,
            result.replay / result.floor, result.bytesPerLead, result.peak, result.engine.visitsPerSecond,
            Double(result.engine.nodeVisits) / result.engine.cpuSeconds, result.engine.nodeVisits,
            result.engine.seconds, result.report * 1000))
}
if let first = results.first {
    for result in results.dropFirst() {
        print(
            String(
                format: "growth x%.0f leads: replay time x%.2f, floor x%.2f, bytes x%.2f, report time x%.2f",
                Double(result.leads) / Double(first.leads), result.replay / first.replay,
                result.floor / first.floor,
                Double(result.bytes) / Double(first.bytes), result.report / first.report))
    }
}
