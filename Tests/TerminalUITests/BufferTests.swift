import Testing

@testable import TerminalUI

@Suite struct BufferTests {
    @Test func writeClipsAtTheEdge() {
        var buffer = Buffer(width: 5, height: 1)
        let written = buffer.write("abcdefgh", x: 2, y: 0)
        #expect(buffer.plainText == "  abc")
        #expect(written == 3)
    }

    @Test func wideCharactersUseAContinuationCell() {
        var buffer = Buffer(width: 6, height: 1)
        buffer.write("漢字", x: 0, y: 0)
        #expect(buffer[0, 0].width == 2)
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer.plainText == "漢字  ")
    }

    @Test func aWideCharacterThatDoesNotFitBecomesASpace() {
        var buffer = Buffer(width: 3, height: 1)
        buffer.write("a漢字", x: 0, y: 0)
        #expect(buffer.plainText == "a漢")
        var narrow = Buffer(width: 2, height: 1)
        narrow.write("a漢", x: 0, y: 0)
        #expect(narrow.plainText == "a ")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = Buffer(width: 4, height: 1)
        buffer.write("漢字", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)
        #expect(buffer.plainText == " x字")
        buffer.write("y", x: 2, y: 0)
        #expect(buffer.plainText == " xy ")
    }

    @Test func writingPatchesStyleSoBackgroundsSurvive() {
        var buffer = Buffer(width: 3, height: 1)
        buffer.fill(buffer.area, with: Style(background: .basic(.blue)))
        buffer.write("a", x: 0, y: 0, style: Style(foreground: .basic(.white), attributes: .bold))
        #expect(
            buffer[0, 0].style
                == Style(foreground: .basic(.white), background: .basic(.blue), attributes: .bold))
    }

    @Test func clipRectangleLimitsWrites() {
        var buffer = Buffer(width: 6, height: 2)
        buffer.write("abcdef", x: 0, y: 1, clip: Rect(x: 1, y: 1, width: 3, height: 1))
        buffer.write("zz", x: 0, y: 0, clip: Rect(x: 0, y: 1, width: 6, height: 1))
        #expect(buffer.plainText == "      \n bcd  ")
    }

    @Test func diffReportsOnlyChangedCells() {
        var old = Buffer(width: 4, height: 2)
        old.write("ab", x: 0, y: 0)
        var new = old
        new.write("X", x: 1, y: 1)
        let changes = BufferDiff.changes(from: old, to: new)
        #expect(changes.map { Point(x: $0.x, y: $0.y) } == [Point(x: 1, y: 1)])
        #expect(BufferDiff.changes(from: nil, to: new).count == 8)
        #expect(BufferDiff.changes(from: Buffer(width: 3, height: 2), to: new).count == 8)
    }

    @Test func diffSkipsContinuationCells() {
        let old = Buffer(width: 4, height: 1)
        var new = old
        new.write("漢", x: 0, y: 0)
        let changes = BufferDiff.changes(from: old, to: new)
        #expect(changes.map(\.x) == [0])
    }
}
