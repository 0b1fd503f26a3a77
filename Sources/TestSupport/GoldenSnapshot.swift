import Foundation
import TerminalUI
import Testing

/// Asserts that a rendered buffer matches the golden file `<goldens>/<name>.txt` (see
/// `BufferSnapshot` for the format); `SNAPSHOT_UPDATE=1` rewrites it instead.
public func assertSnapshot(
    _ buffer: Buffer, cursor: Point? = nil, named name: String, goldens: URL,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let text = BufferSnapshot.text(of: buffer, cursor: cursor)
    let path = goldens.appendingPathComponent(name + ".txt").path
    switch BufferSnapshot.verify(text, goldenPath: path) {
    case .matched, .written:
        break
    case .missing(let path):
        Issue.record(
            "missing golden \(path); run with SNAPSHOT_UPDATE=1 to create it", sourceLocation: sourceLocation)
    case .mismatch(let diff):
        Issue.record("snapshot \(name) differs (-golden +actual):\n\(diff)", sourceLocation: sourceLocation)
    }
}
