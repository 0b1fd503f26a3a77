import Testing

@testable import TerminalUI

@Suite struct LayoutTests {
    let area = Rect(x: 0, y: 0, width: 80, height: 24)

    @Test func fixedLengthsAndFill() {
        let parts = Layout.vertical([.length(1), .fill(1), .length(1)]).split(area)
        #expect(parts.map(\.height) == [1, 22, 1])
        #expect(parts.map(\.y) == [0, 1, 23])
    }

    @Test func percentagesAndWeights() {
        let parts = Layout.horizontal([.percentage(25), .fill(2), .fill(1)]).split(area)
        #expect(parts.map(\.width) == [20, 40, 20])
        #expect(parts.map(\.x) == [0, 20, 60])
    }

    @Test func minimumsTakeTheirShareAndNeverLess() {
        let parts = Layout.horizontal([.min(30), .fill(1)]).split(Rect(x: 0, y: 0, width: 40, height: 1))
        #expect(parts.map(\.width) == [35, 5])
    }

    @Test func spacingLeavesGaps() {
        let parts = Layout.horizontal([.fill(1), .fill(1), .fill(1)], spacing: 1).split(
            Rect(x: 2, y: 0, width: 32, height: 1))
        #expect(parts.map(\.width) == [10, 10, 10])
        #expect(parts.map(\.x) == [2, 13, 24])
    }

    @Test func laterPartsShrinkFirstWhenSpaceIsShort() {
        let parts = Layout.vertical([.length(10), .length(10), .length(10)]).split(
            Rect(x: 0, y: 0, width: 1, height: 15))
        #expect(parts.map(\.height) == [10, 5, 0])
    }

    @Test func sizesAlwaysAddUp() {
        for width in 0..<50 {
            let parts = Layout.horizontal([.fill(3), .min(2), .percentage(10), .fill(1)]).split(
                Rect(x: 0, y: 0, width: width, height: 1))
            #expect(parts.map(\.width).reduce(0, +) == width)
        }
    }

    @Test func rectHelpers() {
        let rect = Rect(x: 2, y: 3, width: 10, height: 4)
        #expect(rect.inset(by: 1) == Rect(x: 3, y: 4, width: 8, height: 2))
        #expect(rect.inset(by: 5).isEmpty)
        #expect(rect.centered(Size(width: 4, height: 2)) == Rect(x: 5, y: 4, width: 4, height: 2))
        #expect(
            rect.intersection(Rect(x: 0, y: 0, width: 4, height: 4)) == Rect(x: 2, y: 3, width: 2, height: 1))
        #expect(rect.contains(Point(x: 11, y: 6)))
        #expect(!rect.contains(Point(x: 12, y: 6)))
    }
}
