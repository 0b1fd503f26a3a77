import Foundation
import JourneyModel
import Testing

@testable import ReplayEngine

/// The plan's claim: sending on `best` earns at least 25% more engagement than the same
/// journey on fixed email, over a cohort whose latent preferred channels vary.
@Suite struct BestChannelTests {
    /// Sends in the cadence: enough for a lead's answers to teach `best` something.
    static let sends = 8

    func cadence(channel: String) -> Journey {
        var yaml = """
            journey: cadence-\(channel)
            name: Cadence
            entry:
              trigger: { type: event, event: lead.created }
              next: send-1
            nodes:

            """
        for index in 1...Self.sends {
            let next = index == Self.sends ? "done" : "pause-\(index)"
            yaml += """
                  - id: send-\(index)
                    kind: action
                    action: { type: send, channel: \(channel), template: step-\(index) }
                    next: \(next)

                """
            if index < Self.sends {
                yaml += """
                      - id: pause-\(index)
                        kind: wait
                        wait: { for: 2d }
                        next: send-\(index + 1)

                    """
            }
        }
        yaml += """
              - id: done
                kind: exit

            """
        return journey(yaml)
    }

    /// 40% prefer SMS, 30% chat, 30% email, drawn with a seeded generator.
    func syntheticCohort(_ count: Int) -> [CohortLead] {
        var random = StableRandom(seed: 2026, lead: "cohort", node: "", attempt: 0, purpose: .response)
        return (0..<count).map { index in
            let roll = random.unit()
            let preferred: Channel = roll < 0.4 ? .sms : (roll < 0.7 ? .chat : .email)
            let lead = Lead(
                id: "lead-\(index)", consents: Set(Channel.allCases),
                createdAt: Date(timeIntervalSince1970: 1_777_000_000 + Double(index) * 60))
            let behavior = LeadBehavior(
                preferredChannel: preferred, unsubscribeProbability: 0, fatigueFactor: 0.95,
                conversionPropensity: 0)
            return CohortLead(lead: lead, behavior: behavior)
        }
    }

    @Test func bestEarnsAtLeastAQuarterMoreEngagementThanEmail() {
        let cohort = syntheticCohort(2_000)
        let configuration = ReplayConfiguration(seed: 11, mode: .simulated)
        let best = replay(cadence(channel: "best"), cohort, configuration: configuration).summary
        let email = replay(cadence(channel: "email"), cohort, configuration: configuration).summary
        let bestEngaged = Double(best?.engagements ?? 0)
        let emailEngaged = Double(email?.engagements ?? 0)
        #expect(best?.messagesSent == 2_000 * Self.sends)
        #expect(email?.messagesSent == 2_000 * Self.sends)
        #expect(emailEngaged > 0)
        #expect(bestEngaged >= 1.25 * emailEngaged, "best \(bestEngaged) vs email \(emailEngaged)")
        // Best spread its sends over the channels the cohort prefers.
        #expect((best?.channels[.sms]?.sent ?? 0) > (best?.channels[.email]?.sent ?? 0))
    }

    @Test func bestLearnsALeadsChannelFromItsRecordedResponses() {
        let cadence = cadence(channel: "best")
        // In recorded mode these leads answer only on chat (a chat open every day at noon).
        let cohort = (0..<200).map { index in
            let events = (1...20).map { day in
                ("opened", Channel.chat, String(format: "2026-05-%02dT12:00:00Z", day))
            }
            return member("lead-\(index)", created: "2026-05-01T00:00:00Z", events: events)
        }
        let recorder = replay(cadence, cohort, configuration: ReplayConfiguration(seed: 4))
        func chatShare(of templates: Set<String>) -> Double {
            let sent = recorder.messages.filter { templates.contains($0.template) }
            return Double(sent.filter { $0.channel == .chat }.count) / Double(max(sent.count, 1))
        }
        // The first message is a guess among three channels; the last ones mostly go to chat.
        #expect(chatShare(of: ["step-1"]) < 0.5)
        #expect(chatShare(of: ["step-6", "step-7", "step-8"]) > 0.8)
        #expect(recorder.messages.allSatisfy { $0.chosenAsBest })
    }

    @Test func bestNeverPicksAChannelWithoutConsent() {
        let recorder = replay(
            cadence(channel: "best"), [member("L", created: "2026-05-01T00:00:00Z", consents: [.sms])],
            configuration: ReplayConfiguration(mode: .simulated))
        #expect(
            recorder.messages(of: "L").allSatisfy {
                $0.channel == .sms && $0.status == .sent && $0.chosenAsBest
            })
    }
}
