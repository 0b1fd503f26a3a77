import Testing

@testable import Analytics

@Test func moduleIsLinked() {
    #expect(AnalyticsModule.name == "Analytics")
}
