import Foundation
import JourneyModel
import Testing

@testable import ReplayEngine

@Suite struct OpenMessagesTests {
    static func message(_ channel: Channel, _ template: String) -> MessageRecord {
        MessageRecord(
            execution: ExecutionKey(leadID: "L1", rotation: 1), nodeID: "send", channel: channel,
            chosenAsBest: false, template: template, status: .sent, reason: nil,
            requestedAt: Date(timeIntervalSince1970: 0), sentAt: Date(timeIntervalSince1970: 0),
            deferredUntil: nil)
    }

    @Test func keepsOneMessagePerChannelAndHandsBackTheOneReplaced() {
        var open = OpenMessages()
        #expect(open[.sms] == nil)
        #expect(open.all.isEmpty)
        #expect(open.replace(with: Self.message(.sms, "first")) == nil)
        #expect(open.replace(with: Self.message(.email, "hello")) == nil)
        #expect(open.replace(with: Self.message(.sms, "second"))?.template == "first")
        #expect(open[.sms]?.template == "second")
        #expect(open[.chat] == nil)
        // In channel order: email, sms, chat.
        #expect(open.all.map(\.template) == ["hello", "second"])
        var taken: [String] = []
        open.removeAll { taken.append($0.template) }
        #expect(taken == ["hello", "second"])
        #expect(open.all.isEmpty)
        open[.chat] = Self.message(.chat, "hi")
        #expect(open.all.map(\.channel) == [.chat])
    }
}
