import Foundation
import TerminalUI
import TestSupport
import Testing
import Workspace

@testable import Studio

/// Directory of the golden files, found next to this source file.
private let goldensDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Goldens")

/// Asserts that a frame matches `Goldens/<name>.txt`; SNAPSHOT_UPDATE=1 rewrites it.
func assertSnapshot(
    _ buffer: Buffer, cursor: Point? = nil, named name: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    TestSupport.assertSnapshot(
        buffer, cursor: cursor, named: name, goldens: goldensDirectory, sourceLocation: sourceLocation)
}

/// A fresh workspace in a temporary folder, seeded with the bundled journeys, cohorts and
/// agents; removed when the value is released.
final class TestWorkspace {
    let folder: URL
    let workspace: Workspace

    init(seed: WorkspaceSeed? = .bundled) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cairn-studio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        workspace = try Workspace.open(at: folder.appendingPathComponent("cairn.db").path, seed: seed)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The environment the studio gets; the path shown in the title bar is fixed so goldens are stable.
    func environment(mode: StudioEnvironment.Mode = .full, size: Size = Size(width: 80, height: 24))
        -> StudioEnvironment
    {
        StudioEnvironment(workspace: workspace, workspacePath: "cairn.db", mode: mode, screenSize: size)
    }
}

/// Runs the studio on a test screen through `events` (each waits for the effects before it)
/// and returns the screen (every frame) and the final model.
@discardableResult
func runStudio(
    _ workspace: TestWorkspace, start: [Route] = [.journeys], size: Size = Size(width: 80, height: 24),
    mode: StudioEnvironment.Mode = .full, events: [Event]
) -> (screen: TestScreen, model: StudioModel) {
    var program = Studio.program(environment: workspace.environment(mode: mode, size: size), start: start)
    let screen = TestScreen(size: size, events: events)
    let result = program.run(on: screen)
    return (screen, result.model)
}

/// `buffer` with every `YYYY-MM-DD HH:MM` time replaced by `2026-01-01 00:00`, styles kept: times
/// that come from the clock (when a version was saved) would make goldens differ per run.
func maskingTimes(_ buffer: Buffer) -> Buffer {
    var masked = buffer
    let pattern = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/
    for y in 0..<buffer.height {
        let row = buffer.text(ofRow: y)
        for match in row.matches(of: pattern) {
            // Times are ASCII, so the character offset is the column (wide text before them
            // would shift it; the history table has none before the time column).
            let x = row.distance(from: row.startIndex, to: match.range.lowerBound)
            for (offset, character) in "2026-01-01 00:00".enumerated() {
                var cell = buffer[x + offset, y]
                cell.grapheme = String(character)
                masked.set(cell, x: x + offset, y: y)
            }
        }
    }
    return masked
}
