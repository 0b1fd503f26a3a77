import Foundation
import JourneyModel
import Workspace

// cairn-bench [LEADS] [PROFILE]: times synthesising LEADS leads (default 1,000,000) into a
// fresh workspace, streaming them back in entry order, and importing the same leads from
// CSV and from JSON Lines. Run it from a release build:
//   swift build -c release --product cairn-bench && .build/release/cairn-bench 1000000

let arguments = CommandLine.arguments
let leadCount =
    arguments.count > 1 ? Int(arguments[1].replacingOccurrences(of: "_", with: "")) ?? 1_000_000 : 1_000_000
let profilePath = arguments.count > 2 ? arguments[2] : "sample-journeys/cohorts/b2b-saas.profile.yaml"

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("cairn-bench: \(message)\n".utf8))
    exit(1)
}

/// CPU seconds of this process so far: on a shared machine, wall time alone misleads.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// Wall and CPU seconds of one phase.
struct Timing {
    var wall: Double
    var cpu: Double
}

func measure<T>(_ body: () throws -> T) rethrows -> (T, Timing) {
    let start = DispatchTime.now().uptimeNanoseconds
    let cpuStart = cpuSeconds()
    let result = try body()
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return (result, Timing(wall: wall, cpu: cpuSeconds() - cpuStart))
}

func report(_ what: String, _ timing: Timing, rows: Int) {
    let seconds = timing.wall
    let rate = Double(rows) / seconds
    print(
        what.padding(toLength: 34, withPad: " ", startingAt: 0)
            + String(format: "%8.2f s  %10.0f leads/s   (CPU %.2f s)", seconds, rate, timing.cpu))
}

func peakMemoryMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        return kb / 1024
    }
    return 0
}

guard let profileText = try? String(contentsOfFile: profilePath, encoding: .utf8) else {
    fail("cannot read \(profilePath); run from the repository root or pass a profile path")
}
let profile: SynthesisProfile
switch ProfileReader.read(profileText, file: profilePath) {
case .success(let read): profile = read
case .failure(let error): fail(error.description)
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-bench-\(getpid())")
try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

do {
    print(
        "cairn-bench: \(leadCount) leads, profile \(profile.name), \(ProcessInfo.processInfo.activeProcessorCount) cores"
    )
    let synthWorkspace = try Workspace.open(at: folder.appendingPathComponent("synth.db").path)
    let (_, synthSeconds) = try measure {
        try synthWorkspace.synthesizeCohort(
            name: "bench", profile: profile, profileYAML: profileText, size: leadCount, seed: 1)
    }
    report("synthesise into SQLite", synthSeconds, rows: leadCount)

    // Stream the cohort back in entry order: what a replay reads.
    var seen = 0
    var consented = 0
    let (_, readTiming) = try measure {
        try synthWorkspace.forEachLead(inCohort: "bench") { item in
            seen += 1
            if item.lead.consents.contains(.email) { consented += 1 }
        }
    }
    guard seen == leadCount else { fail("streamed \(seen) leads, expected \(leadCount)") }
    report("stream back in entry order", readTiming, rows: leadCount)

    // Write the same leads out as CSV and JSON Lines files to import (not timed).
    let csvPath = folder.appendingPathComponent("leads.csv").path
    let jsonlPath = folder.appendingPathComponent("leads.jsonl").path
    _ = FileManager.default.createFile(atPath: csvPath, contents: nil)
    _ = FileManager.default.createFile(atPath: jsonlPath, contents: nil)
    guard let csv = FileHandle(forWritingAtPath: csvPath), let jsonl = FileHandle(forWritingAtPath: jsonlPath)
    else {
        fail("cannot write to \(folder.path)")
    }
    var csvBuffer = "id,created_at,time_zone,consents,state,plan,score\n"
    var jsonlBuffer = ""
    var streamed = 0
    try synthWorkspace.forEachLead(inCohort: "bench") { item in
        streamed += 1
        let lead = item.lead
        let created = EpochSeconds.format(EpochSeconds.seconds(lead.createdAt))
        let consents = lead.consents.sorted().map(\.rawValue)
        let zone = lead.timeZone.identifier == "GMT" ? "UTC" : lead.timeZone.identifier
        let state = lead.properties["state"]?.description ?? ""
        let plan = lead.properties["plan"]?.description ?? ""
        let score = lead.properties["score"]?.description ?? ""
        csvBuffer +=
            "\(lead.id),\(created),\(zone),\(consents.joined(separator: ";")),\(state),\(plan),\(score)\n"
        jsonlBuffer +=
            #"{"type":"lead","id":"\#(lead.id)","created_at":"\#(created)","time_zone":"\#(zone)","consents":["#
            + consents.map { "\"\($0)\"" }.joined(separator: ",")
            + #"],"properties":{"state":"\#(state)","plan":"\#(plan)","score":\#(score.isEmpty ? "null" : score)}}"#
            + "\n"
        if csvBuffer.utf8.count > 1 << 20 {
            csv.write(Data(csvBuffer.utf8))
            jsonl.write(Data(jsonlBuffer.utf8))
            csvBuffer = ""
            jsonlBuffer = ""
        }
    }
    csv.write(Data(csvBuffer.utf8))
    jsonl.write(Data(jsonlBuffer.utf8))
    try csv.close()
    try jsonl.close()
    guard streamed == leadCount else { fail("streamed \(streamed) leads, expected \(leadCount)") }

    let importWorkspace = try Workspace.open(at: folder.appendingPathComponent("import.db").path)
    let (csvReport, csvSeconds) = try measure {
        try importWorkspace.importCohort(name: "csv", inputs: [.file(csvPath)])
    }
    guard csvReport.leads == leadCount else { fail("CSV import took \(csvReport.leads) leads") }
    report("import CSV", csvSeconds, rows: leadCount)
    let (jsonlReport, jsonlSeconds) = try measure {
        try importWorkspace.importCohort(name: "jsonl", inputs: [.file(jsonlPath)])
    }
    guard jsonlReport.leads == leadCount else { fail("JSON Lines import took \(jsonlReport.leads) leads") }
    report("import JSON Lines", jsonlSeconds, rows: leadCount)
    print(String(format: "peak memory %.0f MiB", peakMemoryMiB()))
} catch let error as WorkspaceError {
    fail(error.description)
}
