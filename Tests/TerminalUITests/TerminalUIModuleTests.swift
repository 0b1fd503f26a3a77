import Testing

@testable import TerminalUI

@Test func moduleIsLinked() {
    #expect(ThemeRole.allCases.contains(.nodeGoal))
}
