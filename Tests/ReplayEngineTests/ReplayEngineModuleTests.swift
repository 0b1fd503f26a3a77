import Testing

@testable import ReplayEngine

@Test func moduleIsLinked() {
    #expect(ReplayEngineModule.name == "ReplayEngine")
}
