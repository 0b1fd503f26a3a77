import Automation
import Foundation
import GRDB
import Workspace

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("live-bench: \(message)\n".utf8))
    exit(1)
}

/// Seconds since `start` on the monotonic clock.
func elapsed(since start: UInt64) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return elapsed(since: start)
}

/// A fresh workspace in its own temporary folder (removed by `BenchWorkspace.remove`), with the
/// bench's journeys saved and activated and an `email` channel delivering to a file there.
struct BenchWorkspace {
    let folder: URL
    let workspace: Workspace

    init(_ name: String, journeys: [String]) {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("live-bench-\(name)-\(UUID())")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            workspace = try Workspace.open(at: folder.appendingPathComponent("w.db").path)
            for (index, yaml) in journeys.enumerated() {
                let saved = try workspace.saveJourney(yaml: yaml, file: "bench-\(index).journey.yaml")
                try workspace.activate(saved.journey)
            }
            try workspace.importChannels(
                yaml: "channels:\n  email: { deliver: file, path: deliveries/email.jsonl }\n",
                file: "channels.yaml")
        } catch {
            fail("cannot set up a workspace: \(error)")
        }
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// Pushes leads `prefix0...` (with one `event` each when given) as `cairn push` would,
    /// `chunk` leads a push.
    func push(prefix: String, count: Int, event: String?, at time: Date, chunk: Int = 10_000) {
        let stamp = ISO8601DateFormatter().string(from: time)
        var first = 0
        while first < count {
            var text = ""
            for index in first..<min(first + chunk, count) {
                text +=
                    #"{"type": "lead", "id": "\#(prefix)\#(index)", "created_at": "\#(stamp)", "consents": ["email"]}"#
                text += "\n"
                if let event {
                    text +=
                        #"{"type": "event", "lead_id": "\#(prefix)\#(index)", "event": "\#(event)", "time": "\#(stamp)"}"#
                    text += "\n"
                }
            }
            do {
                try workspace.pushLiveRecords(.text(text, name: "bench.jsonl"))
            } catch {
                fail("push: \(error)")
            }
            first += chunk
        }
    }

    func int(_ sql: String) -> Int {
        do {
            return try workspace.query { db in try Int.fetchOne(db, sql: sql) ?? 0 }
        } catch {
            fail("\(sql): \(error)")
        }
    }

    func doubles(_ sql: String) -> [Double] {
        do {
            return try workspace.query { db in try Double.fetchAll(db, sql: sql) }
        } catch {
            fail("\(sql): \(error)")
        }
    }

    /// Polls `condition` every 50 ms until it holds; fails after `limit` seconds.
    func waitUntil(_ what: String, limit: Double, _ condition: () -> Bool) {
        let start = DispatchTime.now().uptimeNanoseconds
        while !condition() {
            if elapsed(since: start) > limit { fail("\(what): not done after \(Int(limit)) s") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }
}

/// The value at `fraction` of the sorted values (nearest rank).
func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
    return sorted[min(max(rank, 0), sorted.count - 1)]
}

func lagLine(_ name: String, _ values: [Double]) -> String {
    let sorted = values.sorted()
    return name
        + String(
            format: ": p50 %.3f s, p99 %.3f s, max %.3f s (%d)", percentile(sorted, 0.5),
            percentile(sorted, 0.99), sorted.last ?? .nan, sorted.count)
}

func verdict(_ value: Double, atMost target: Double) -> String {
    value <= target ? "met" : String(format: "MISSED by %.2fx", value / target)
}

/// The policy that lifts the runaway guard's ceilings above what a benchmark does.
let benchPolicy = "policy: { max_sends_per_minute: 1000000, max_steps_per_minute: 10000000 }"

/// CPU seconds of this process so far, all threads (user + system).
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let seconds = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
    let micros = usage.ru_utime.tv_usec + usage.ru_stime.tv_usec
    return Double(seconds) + Double(micros) / 1e6
}

/// Wall and CPU time of `body`, printed as "W s (CPU C s)": the machine is shared, so the wall
/// time carries the load of others and the CPU time does not.
func timed(_ body: () throws -> Void) rethrows -> String {
    let cpu = cpuSeconds()
    let wall = try seconds(body)
    return String(format: "%.1f s (CPU %.1f s)", wall, cpuSeconds() - cpu)
}
