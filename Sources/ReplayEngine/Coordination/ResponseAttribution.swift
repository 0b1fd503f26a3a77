import Foundation
import JourneyModel

/// Recorded mode: which recorded responses belong to a send. The first open, click, reply and
/// unsubscribe recorded on the send's channel at or after it count for it; when a later send
/// on the same channel happens, responses from then on belong to that later send instead
/// (`MessageResponses.before`).
enum ResponseAttribution {
    static func recordedResponses(
        to channel: Channel, sentAt: Date, in recorded: [LeadEvent], until horizon: Date?
    ) -> MessageResponses {
        var responses = MessageResponses()
        var index = firstIndex(atOrAfter: sentAt, in: recorded)
        while index < recorded.count {
            let event = recorded[index]
            index += 1
            if let horizon, event.time > horizon { break }
            guard event.channel == channel, MessageResponses.types.contains(event.type),
                responses[event.type] == nil
            else { continue }
            responses[event.type] = event.time
        }
        return responses
    }

    /// Binary search over time-ordered events.
    static func firstIndex(atOrAfter time: Date, in events: [LeadEvent]) -> Int {
        var low = 0
        var high = events.count
        while low < high {
            let mid = (low + high) / 2
            if events[mid].time < time { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
