import Testing

@testable import TerminalUI

@Suite struct GlyphSetStandInTests {
    @Test func asciiTerminalsGetLookAlikesAndNeverABlank() {
        #expect(GlyphSet.asciiStandIn(for: "a") == "a")
        #expect(GlyphSet.asciiStandIn(for: "—") == "-")
        #expect(GlyphSet.asciiStandIn(for: "›") == ">")
        #expect(GlyphSet.asciiStandIn(for: "…") == ".")
        #expect(GlyphSet.asciiStandIn(for: "✉") == "?")
        #expect(GlyphSet.asciiStandIn(for: "") == "")
    }
}
