import Foundation
import GRDB
import Testing

@testable import Workspace

/// A real workspace file in a fresh temporary folder, removed when the test ends.
final class TestWorkspace {
    let folder: URL
    let path: String
    let workspace: Workspace

    init(seed: WorkspaceSeed? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cairn-ws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent("test.db").path
        workspace = try Workspace.open(at: path, seed: seed)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    func file(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func count(_ table: String) throws -> Int {
        try workspace.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? -1 }
    }
}

/// The repository, found from this file, for samples and docs.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// The seed files as the binary carries them, read from disk.
    static func seedFiles() throws -> [String: String] {
        var files: [String: String] = [:]
        let base = root.appendingPathComponent("sample-journeys").resolvingSymlinksInPath()
        let enumerator = FileManager.default.enumerator(atPath: base.path)
        while let relative = enumerator?.nextObject() as? String {
            let url = base.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                files["sample-journeys/" + relative] = try String(contentsOf: url, encoding: .utf8)
            }
        }
        return files
    }
}
