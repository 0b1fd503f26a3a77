import Foundation
import TestSupport
import Testing

@testable import TerminalUI

/// Directory of the golden files, found next to this source file.
private let goldensDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Goldens")

/// Asserts that a frame matches `Goldens/<name>.txt`; SNAPSHOT_UPDATE=1 rewrites it.
func assertSnapshot(
    _ frame: Frame, named name: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    TestSupport.assertSnapshot(
        frame.buffer, cursor: frame.cursor, named: name, goldens: goldensDirectory,
        sourceLocation: sourceLocation)
}

/// A frame of the given size filled with the fallback theme's surface.
func makeFrame(
    _ width: Int, _ height: Int, depth: ColorDepth = .truecolor, glyphs: GlyphSet = .unicode
) -> Frame {
    var frame = Frame(size: Size(width: width, height: height), theme: .fallback(depth), glyphs: glyphs)
    frame.fill(frame.area, role: .surface)
    return frame
}
