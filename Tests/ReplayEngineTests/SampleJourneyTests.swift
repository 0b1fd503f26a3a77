import Foundation
import JourneyModel
import Testing

@testable import ReplayEngine

/// Every shipped sample journey replays over a small simulated cohort: every execution ends,
/// nothing fails for want of a node, and the run is reproducible.
@Suite struct SampleJourneyTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("sample-journeys")

    static let files: [String] =
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter { $0.hasSuffix(".journey.yaml") }.sorted()

    static let agents = [
        Agent(id: "email-bot", name: "Email bot", kind: .bot, channels: [.email], capacity: 1_000),
        Agent(id: "sms-bot", name: "SMS bot", kind: .bot, channels: [.sms], capacity: 1_000),
        Agent(id: "chat-bot", name: "Chat bot", kind: .bot, channels: [.chat], capacity: 1_000),
        Agent(
            id: "ana", name: "Ana", kind: .human, channels: [.chat, .sms],
            expertise: ["demo", "enterprise-sales", "closing", "pricing"], capacity: 3,
            timeZone: TimeZone(identifier: "America/New_York")!,
            workingHours: WorkingHours(
                days: [.mon, .tue, .wed, .thu, .fri], from: TimeOfDay(hour: 9, minute: 0),
                to: TimeOfDay(hour: 17, minute: 0))),
    ]

    static func cohort() -> [CohortLead] {
        let states = ["California", "New York", "Texas", "Ohio"]
        return (0..<120).map { index in
            let created = Date(timeIntervalSince1970: 1_790_000_000 + Double(index) * 5_400)
            let lead = Lead(
                id: "L\(index)",
                properties: [
                    "state": .string(states[index % 4]), "score": .number(Double(index % 100)),
                    "status": "lead", "dealer_distance_km": .number(Double(index % 50)),
                ],
                timeZone: index % 2 == 0 ? newYork : utc, consents: Set(Channel.allCases), createdAt: created)
            var events: [LeadEvent] = []
            if index % 5 == 0 {
                events.append(
                    LeadEvent(leadID: lead.id, type: "clicked", channel: .email, time: created + 3_600))
                events.append(
                    LeadEvent(leadID: lead.id, type: "clicked", channel: .email, time: created + 7_200))
            }
            if index % 3 == 0 {
                events.append(
                    LeadEvent(leadID: lead.id, type: "opened", channel: .email, time: created + 1_800))
                events.append(
                    LeadEvent(leadID: lead.id, type: "replied", channel: .sms, time: created + 5_400))
            }
            if index % 7 == 0 {
                events.append(
                    LeadEvent(
                        leadID: lead.id, type: "webhook", time: created + 600,
                        data: ["name": "chat-qualified"]))
            }
            let behavior = LeadBehavior(
                preferredChannel: Channel.allCases[index % 3], conversionPropensity: 0.1)
            return CohortLead(lead: lead, events: events, behavior: behavior)
        }
    }

    @Test func thereAreSampleJourneys() {
        #expect(Self.files.count >= 8)
    }

    @Test(arguments: files)
    func aSampleJourneyReplays(_ file: String) throws {
        let text = try String(contentsOf: Self.directory.appendingPathComponent(file), encoding: .utf8)
        let sample = journey(text)
        let configuration = ReplayConfiguration(
            seed: 9, mode: .mixed, horizon: Date(timeIntervalSince1970: 1_790_000_000 + 120 * 86_400))
        let first = replay(sample, Self.cohort(), agents: Self.agents, configuration: configuration)
        let second = replay(sample, Self.cohort(), agents: Self.agents, configuration: configuration)
        #expect(first.records == second.records)
        #expect(
            recordOrderProblems(first.records).isEmpty,
            "\(file): \(recordOrderProblems(first.records).prefix(3))")
        let summary = try #require(first.summary)
        #expect(summary.entries > 0, "\(file): nobody entered")
        #expect(summary.statusCounts.values.reduce(0, +) == summary.entries)
        #expect(first.executionsEnded.allSatisfy { !($0.reason ?? "").hasPrefix("no node") })
        #expect(
            summary.count(.halted) == 0, "\(file): \(first.executionsEnded.filter { $0.status == .halted })")
    }
}
