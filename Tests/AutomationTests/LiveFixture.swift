import Foundation
import GRDB
import Workspace

@testable import Automation

/// A workspace with one journey activated, records pushed as `cairn push` would, and a
/// runtime stepped by hand: `iterate(at:)` with a time of the test's choosing.
final class LiveFixture {
    let folder: URL
    let path: String
    let workspace: Workspace
    var runtime: LiveRuntime
    /// 2026-11-02T09:00:00Z, the fixture's first instant.
    static let start = Date(timeIntervalSince1970: 1_793_610_000)

    init(journey yaml: String) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cairn-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("live.db").path
        workspace = try Workspace.open(at: path)
        let saved = try workspace.saveJourney(yaml: yaml, file: "test.journey.yaml")
        try workspace.activate(saved.journey)
        runtime = LiveRuntime(workspace: workspace)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Pushes JSON Lines records into the `live` cohort.
    func push(_ lines: [String]) throws {
        let text = lines.joined(separator: "\n") + "\n"
        try workspace.pushLiveRecords(.text(text, name: "push.jsonl"))
    }

    static func lead(_ id: String, at time: Date) -> String {
        #"{"type": "lead", "id": "\#(id)", "created_at": "\#(iso(time))", "consents": ["email", "sms", "chat"]}"#
    }

    static func event(_ lead: String, _ type: String, channel: String, at time: Date) -> String {
        #"{"type": "event", "lead_id": "\#(lead)", "event": "\#(type)", "channel": "\#(channel)", "time": "\#(iso(time))"}"#
    }

    static func iso(_ time: Date) -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: time)
    }

    /// Drops the runtime (as a crash would) and starts another on the same file.
    func restart() {
        runtime = LiveRuntime(workspace: workspace)
    }

    /// Runs the rounds at each second from `from` through `to`, as the wall clock would.
    func run(from: Date, through to: Date) throws {
        var time = from
        while time <= to {
            try runtime.iterate(at: time)
            time = time.addingTimeInterval(1)
        }
    }

    func rows(_ sql: String) throws -> [[String]] {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                row.databaseValues.map { value in value.isNull ? "-" : "\(value.storage.value ?? "")" }
            }
        }
    }

    func count(_ sql: String) throws -> Int {
        Int(try rows(sql).first?.first ?? "0") ?? 0
    }
}
