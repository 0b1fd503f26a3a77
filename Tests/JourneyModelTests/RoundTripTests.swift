import Foundation
import Testing

@testable import JourneyModel

/// Every sample reads, validates cleanly, writes, and reads back equal; writing is stable.
@Suite struct RoundTripTests {
    @Test(arguments: try sampleJourneyFiles())
    func sampleValidatesWithoutWarnings(_ file: URL) throws {
        let bytes = try [UInt8](Data(contentsOf: file))
        let result = JourneyReader.readAndValidate(bytes: bytes, file: file.lastPathComponent)
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.journey != nil)
    }

    @Test(arguments: try sampleJourneyFiles())
    func sampleRoundTrips(_ file: URL) throws {
        let bytes = try [UInt8](Data(contentsOf: file))
        let journey = try #require(JourneyReader.read(bytes: bytes, file: file.lastPathComponent).journey)
        let written = JourneyWriter.write(journey)
        let reread = JourneyReader.readAndValidate(bytes: Array(written.utf8), file: "written.yaml")
        #expect(reread.diagnostics.map(\.description) == [])
        #expect(reread.journey == journey)
        let rewritten = try #require(reread.journey).map(JourneyWriter.write)
        #expect(rewritten == written)
    }

    @Test func writerQuotesWhatWouldReadDifferently() throws {
        let journey = Journey(
            id: "q", name: "yes", description: "line one\nline \"two\": #3",
            entry: Entry(trigger: .event("lead.created"), next: "a"),
            policy: Policy(
                quietHours: QuietHours(
                    from: TimeOfDay(hour: 21, minute: 0), to: TimeOfDay(hour: 8, minute: 0))),
            nodes: [
                JourneyNode(
                    id: "a",
                    body: .action(
                        ActionStep(
                            action: .update(field: "note", value: .list(["21:00", "true", 3, true, "a, b"])),
                            next: "b"))),
                JourneyNode(id: "b", body: .exit(ExitStep())),
            ])
        let text = JourneyWriter.write(journey)
        #expect(text.contains("name: \"yes\"\n"))
        #expect(text.contains("description: \"line one\\nline \\\"two\\\": #3\"\n"))
        #expect(text.contains("value: [\"21:00\", \"true\", 3, true, \"a, b\"]"))
        #expect(text.contains("quiet_hours: { from: \"21:00\", to: \"08:00\" }"))
        let back = JourneyReader.read(text, file: "q.yaml")
        #expect(back.diagnostics.map(\.description) == [])
        #expect(back.journey == journey)
    }

    @Test func writesTheCanonicalForm() {
        let text = """
            journey: w
            name: W
            nodes:
              - id: d
                kind: decision
                branches:
                  - if: { type: property, field: state, operator: equals, value: CA }
                    then: e
                  - if:
                      not:
                        any:
                          - { type: behavior, field: email.opened, operator: at_least, value: 2, within: 7d }
                          - { type: time, field: local_hour, operator: between, value: [9, 17] }
                    then: e
                else: e
              - id: e
                kind: exit
            entry:
              trigger: { type: time, schedule: "0 9 * * 1-5" }
              reentry: { after: 30d }
              next: d
            """
        let journey = JourneyReader.read(text, file: "w.yaml").journey
        #expect(journey != nil)
        let expected = """
            journey: w
            name: W
            entry:
              trigger: { type: time, schedule: "weekdays at 09:00" }
              reentry: { after: 30d }
              next: d
            nodes:
              - id: d
                kind: decision
                branches:
                  - if: { type: property, field: state, operator: equals, value: CA }
                    then: e
                  - if:
                      not:
                        any:
                          - { type: behavior, field: email.opened, operator: at_least, value: 2, within: 7d }
                          - { type: time, field: local_hour, operator: between, value: [9, 17] }
                    then: e
                else: e

              - id: e
                kind: exit

            """
        #expect(journey.map(JourneyWriter.write) == expected)
    }
}
