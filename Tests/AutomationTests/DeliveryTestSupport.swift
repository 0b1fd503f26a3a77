import Foundation
import Workspace

/// A fresh workspace in a temporary folder, removed afterwards.
final class DeliveryFixture {
    let folder: URL
    let workspace: Workspace

    init(channels: String) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cairn-delivery-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        workspace = try Workspace.open(at: folder.appendingPathComponent("test.db").path)
        try workspace.importChannels(yaml: channels, file: "channels.yaml")
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    static func request(_ key: String, channel: String = "email", at time: Double = 1_000.5) -> OutboxRequest
    {
        OutboxRequest(
            idempotencyKey: key, journey: "welcome-series", version: 3, node: "welcome-email",
            leadID: "lead-\(key)",
            channel: channel, template: "welcome", payload: .object(["subject": .string("Welcome")]),
            requestedAt: time)
    }

    func entry(_ key: String) throws -> OutboxEntry? {
        try workspace.outboxEntry(key: key)
    }

    /// The JSON objects a file channel holds, one per line.
    func lines(_ relativePath: String) throws -> [JSON] {
        let text = try String(contentsOf: folder.appendingPathComponent(relativePath), encoding: .utf8)
        return try text.split(separator: "\n").map { line in try JSON.parse(line) }
    }
}
