import Foundation
import JourneyModel

/// A message the journey asked to send, and what became of it. A message deferred and later
/// sent gives two records: the deferral (with the time it was pushed to) and the send.
public struct MessageRecord: Sendable, Hashable, Codable {
    public var execution: ExecutionKey
    public var nodeID: String
    public var channel: Channel
    /// True when the node said `best` and the engine chose `channel`.
    public var chosenAsBest: Bool
    public var template: String
    public var status: MessageStatus
    public var reason: SuppressionReason?
    /// When the node asked for the send (for a deferred message, this attempt's time).
    public var requestedAt: Date
    /// For a sent message, when it went out.
    public var sentAt: Date?
    /// For a deferred message, when it will be tried again.
    public var deferredUntil: Date?
    /// The lead's responses to this message (within the run's horizon).
    public var responses: MessageResponses
    /// The engine's number for `nodeID` in this run, as `NodeStay.nodeNumber`, so a recorder
    /// can find its words without hashing the id; `NodeStay.unnumbered` when not given. Not
    /// encoded: it means nothing outside the run.
    public var nodeNumber: Int = NodeStay.unnumbered

    private enum CodingKeys: String, CodingKey {
        case execution, nodeID, channel, chosenAsBest, template, status, reason, requestedAt, sentAt
        case deferredUntil, responses
    }

    public init(
        execution: ExecutionKey, nodeID: String, channel: Channel, chosenAsBest: Bool, template: String,
        status: MessageStatus, reason: SuppressionReason?, requestedAt: Date, sentAt: Date?,
        deferredUntil: Date?, responses: MessageResponses = MessageResponses(),
        nodeNumber: Int = NodeStay.unnumbered
    ) {
        self.nodeNumber = nodeNumber
        self.execution = execution
        self.nodeID = nodeID
        self.channel = channel
        self.chosenAsBest = chosenAsBest
        self.template = template
        self.status = status
        self.reason = reason
        self.requestedAt = requestedAt
        self.sentAt = sentAt
        self.deferredUntil = deferredUntil
        self.responses = responses
    }
}

public enum MessageStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case sent, suppressed, deferred
}

/// Why a message did not go out when asked.
public enum SuppressionReason: String, Sendable, Hashable, CaseIterable, Codable {
    /// The lead never opted into the channel.
    case consent
    /// The lead unsubscribed from the channel.
    case unsubscribed
    /// A global or per-channel frequency cap.
    case frequencyCap = "frequency_cap"
    /// The lead's local quiet hours.
    case quietHours = "quiet_hours"
}

/// When the lead first opened, clicked, replied to or unsubscribed after a message.
public struct MessageResponses: Sendable, Hashable, Codable {
    public var openedAt: Date?
    public var clickedAt: Date?
    public var repliedAt: Date?
    public var unsubscribedAt: Date?

    public init(
        openedAt: Date? = nil, clickedAt: Date? = nil, repliedAt: Date? = nil, unsubscribedAt: Date? = nil
    ) {
        self.openedAt = openedAt
        self.clickedAt = clickedAt
        self.repliedAt = repliedAt
        self.unsubscribedAt = unsubscribedAt
    }

    /// Opened, clicked or replied: what "engagement" counts.
    public var engaged: Bool { openedAt != nil || clickedAt != nil || repliedAt != nil }

    /// The first time of a response type (`opened`, `clicked`, `replied`, `unsubscribed`).
    subscript(type: String) -> Date? {
        get {
            switch type {
            case "opened": return openedAt
            case "clicked": return clickedAt
            case "replied": return repliedAt
            case "unsubscribed": return unsubscribedAt
            default: return nil
            }
        }
        set {
            switch type {
            case "opened": openedAt = newValue
            case "clicked": clickedAt = newValue
            case "replied": repliedAt = newValue
            case "unsubscribed": unsubscribedAt = newValue
            default: break
            }
        }
    }

    /// Only the responses before `cutoff`: a later one belongs to the next message.
    func before(_ cutoff: Date) -> MessageResponses {
        func keep(_ date: Date?) -> Date? { date.flatMap { $0 < cutoff ? $0 : nil } }
        return MessageResponses(
            openedAt: keep(openedAt), clickedAt: keep(clickedAt), repliedAt: keep(repliedAt),
            unsubscribedAt: keep(unsubscribedAt))
    }

    static let types = ["opened", "clicked", "replied", "unsubscribed"]
}

extension MessageResponses {
    /// Only the responses at or before `horizon`: the run never sees past it.
    func through(_ horizon: Date) -> MessageResponses {
        func keep(_ date: Date?) -> Date? { date.flatMap { $0 <= horizon ? $0 : nil } }
        return MessageResponses(
            openedAt: keep(openedAt), clickedAt: keep(clickedAt), repliedAt: keep(repliedAt),
            unsubscribedAt: keep(unsubscribedAt))
    }
}
