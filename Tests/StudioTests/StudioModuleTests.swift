import Testing

@testable import Studio

@Test func moduleIsLinked() {
    #expect(StudioModule.name == "Studio")
}
