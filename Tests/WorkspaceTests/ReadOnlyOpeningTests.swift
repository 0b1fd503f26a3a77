import Foundation
import GRDB
import Testing

@testable import Workspace

/// `Workspace.openReadOnly`: what `cairn dashboard` opens a workspace with.
@Suite struct ReadOnlyOpeningTests {
    @Test func readsAnExistingWorkspaceAndRefusesWrites() throws {
        let test = try TestWorkspace()
        _ = try test.workspace.saveJourney(
            yaml: try String(
                contentsOf: Repository.root.appendingPathComponent(
                    "sample-journeys/welcome-series.journey.yaml"),
                encoding: .utf8),
            file: "welcome-series.journey.yaml", message: "first", origin: .seed, author: "test")
        let readOnly = try Workspace.openReadOnly(at: test.path)
        #expect(try readOnly.journeys().map(\.journey) == ["welcome-series"])
        #expect(throws: WorkspaceError.self) {
            try readOnly.activate("welcome-series", version: 1, author: "test")
        }
        #expect(try test.workspace.journeys().first?.activeVersion == nil)
    }

    @Test func aMissingFileIsAnErrorAndIsNotCreated() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cairn-ro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("missing.db").path
        #expect(throws: WorkspaceError.self) { try Workspace.openReadOnly(at: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func anEmptyFileIsNotAWorkspaceToRead() throws {
        let test = try TestWorkspace()
        let path = try test.file("empty.db", "")
        #expect(throws: WorkspaceError.self) { try Workspace.openReadOnly(at: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
    }
}
