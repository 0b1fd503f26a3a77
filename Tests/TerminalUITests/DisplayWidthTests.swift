import Testing

@testable import TerminalUI

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneColumnPerCharacter() {
        #expect(DisplayWidth.of("journey") == 7)
    }

    @Test func cjkCharactersTakeTwoColumns() {
        #expect(DisplayWidth.of("漢字") == 4)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("ｶﾀｶﾅ") == 4)  // half-width katakana stays narrow
        #expect(DisplayWidth.of("Ａ") == 2)  // full-width Latin is wide
    }

    @Test func emojiTakeTwoColumns() {
        #expect(DisplayWidth.of("🚀") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)  // with a skin-tone modifier
        #expect(DisplayWidth.of("👩‍💻") == 2)  // a ZWJ sequence is one glyph
        #expect(DisplayWidth.of("🇫🇷") == 2)  // a flag
        #expect(DisplayWidth.of("❤️") == 2)  // text symbol with VS16
        #expect(DisplayWidth.of("❤") == 1)  // the same symbol without it
    }

    @Test func combiningMarksTakeNoColumns() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("Ame\u{301}lie") == 6)
        #expect(DisplayWidth.of("\u{200B}") == 0)
    }

    @Test func truncationCountsColumnsAndAddsAnEllipsis() {
        #expect(TextMeasure.truncate("Welcome series", toWidth: 8) == "Welcome…")
        #expect(TextMeasure.truncate("short", toWidth: 8) == "short")
        #expect(TextMeasure.truncate("漢字漢字", toWidth: 5) == "漢字…")
        #expect(TextMeasure.truncate("漢字漢字", toWidth: 4, ellipsis: "...") == "...")
        #expect(TextMeasure.truncate("abc", toWidth: 0) == "")
    }

    @Test func fittingPadsToTheExactWidth() {
        #expect(TextMeasure.fit("42", width: 5, alignment: .trailing) == "   42")
        #expect(TextMeasure.fit("ab", width: 6, alignment: .center) == "  ab  ")
        #expect(DisplayWidth.of(TextMeasure.fit("漢字漢字", width: 5)) == 5)
    }

    @Test func wrappingBreaksAtWordsAndSplitsLongWords() {
        #expect(
            TextMeasure.wrap("send the welcome email now", width: 10) == ["send the", "welcome", "email now"])
        #expect(TextMeasure.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextMeasure.wrap("one\n\ntwo", width: 10) == ["one", "", "two"])
        #expect(TextMeasure.wrap("漢字漢字漢", width: 4) == ["漢字", "漢字", "漢"])
    }
}
