import Foundation
import TerminalUI

/// Golden-file snapshots of rendered buffers, shared by every test target that
/// renders screens. The text form shows the characters, then the same grid with
/// one letter per cell naming its style, then what each letter means:
///
/// ```
/// size 20x3
/// ┌ Title ───────────┐
/// ...
/// --- styles
/// abbbbbbbaaaaaaaaaaaa
/// ...
/// --- legend
/// a fg=#4c566a bg=#2e3440
/// b fg=#eceff4 bg=#2e3440 bold
/// ```
public enum BufferSnapshot {
    private static let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    /// The snapshot text of a buffer (and the cursor, when one is set).
    public static func text(of buffer: Buffer, cursor: Point? = nil) -> String {
        var lines = ["size \(buffer.width)x\(buffer.height)"]
        if let cursor { lines.append("cursor \(cursor.x),\(cursor.y)") }
        for y in 0..<buffer.height {
            lines.append(buffer.text(ofRow: y))
        }
        lines.append("--- styles")
        var legend: [Style: Character] = [:]
        var order: [Style] = []
        for y in 0..<buffer.height {
            var row = ""
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                if legend[cell.style] == nil {
                    let index = order.count
                    legend[cell.style] = index < letters.count ? letters[index] : "?"
                    order.append(cell.style)
                }
                row.append(legend[cell.style] ?? "?")
            }
            lines.append(row)
        }
        lines.append("--- legend")
        for style in order {
            let description = style.compactDescription
            lines.append("\(legend[style] ?? "?") \(description.isEmpty ? "plain" : description)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public enum Outcome: Equatable, Sendable {
        case matched
        case written
        /// The golden file does not exist (run with SNAPSHOT_UPDATE=1 to create it).
        case missing(path: String)
        /// The rendering differs; `diff` shows expected (-) and actual (+) lines.
        case mismatch(diff: String)
    }

    /// Compares `actual` with the golden file at `path`; with `update` (the
    /// `SNAPSHOT_UPDATE=1` environment variable by default) rewrites it instead.
    public static func verify(
        _ actual: String, goldenPath path: String,
        update: Bool = ProcessInfo.processInfo.environment["SNAPSHOT_UPDATE"] == "1"
    ) -> Outcome {
        let url = URL(fileURLWithPath: path)
        if update {
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            do {
                try actual.write(to: url, atomically: true, encoding: .utf8)
                return .written
            } catch {
                return .missing(path: path)
            }
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return .missing(path: path)
        }
        if expected == actual { return .matched }
        return .mismatch(diff: lineDiff(expected: expected, actual: actual))
    }

    /// A line-by-line diff: unchanged lines once, changed ones as -expected/+actual
    /// with their line number, so a one-cell change is easy to spot.
    public static func lineDiff(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var output: [String] = []
        for index in 0..<max(old.count, new.count) {
            let a = index < old.count ? String(old[index]) : nil
            let b = index < new.count ? String(new[index]) : nil
            if a == b {
                output.append("  \(a ?? "")")
            } else {
                if let a { output.append("- \(a)    (line \(index + 1))") }
                if let b { output.append("+ \(b)    (line \(index + 1))") }
            }
        }
        return output.joined(separator: "\n")
    }
}
