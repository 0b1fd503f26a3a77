import Foundation
import JourneyModel
import Testing

@testable import ReplayEngine

@Suite struct RecordEncodingTests {
    func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .secondsSince1970
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func aHandoffContextEncodesAsStableJSON() throws {
        let context = HandoffContext(
            conversation: [
                ConversationEntry(
                    at: at("2026-05-01T10:00:00Z"), channel: .email, type: "sent", template: "hello"),
                ConversationEntry(
                    at: at("2026-05-01T11:00:00Z"), channel: .email, type: "replied", template: nil),
            ],
            score: 72, previousAgents: ["email-bot"], reason: "no email reply in 3 days",
            metadata: ["rule": "email-silence", "journey": "j"])
        #expect(
            try json(context)
                == #"{"conversation":[{"at":1777629600,"channel":"email","template":"hello","type":"sent"},"#
                + #"{"at":1777633200,"channel":"email","type":"replied"}],"metadata":{"journey":"j","rule":"email-silence"},"#
                + #""previous_agents":["email-bot"],"reason":"no email reply in 3 days","score":72}"#)
    }

    @Test func aDecisionsExplanationEncodesEachLeaf() throws {
        let leaf = ConditionLeaf(type: .behavior, field: "email.opened", op: .exists)
        let lead = Lead(id: "L", createdAt: at("2026-05-01T00:00:00Z"))
        let evaluation = ConditionEvaluator.evaluate(
            .leaf(leaf), in: EvaluationContext(lead: lead, events: [], now: at("2026-05-02T00:00:00Z")))
        let verdicts = evaluation.leaves.map { LeafVerdict(branchIndex: 0, explanation: $0) }
        #expect(
            try json(verdicts)
                == #"[{"actual":"0","branch":0,"expected":"—","field":"email.opened","matched":false,"#
                + #""operator":"exists","text":"email.opened exists: expected —, actual 0 → no","type":"behavior"}]"#
        )
    }
}
