import Testing

@testable import JourneyModel

@Test func moduleIsLinked() {
    #expect(JourneyModelModule.name == "JourneyModel")
}
