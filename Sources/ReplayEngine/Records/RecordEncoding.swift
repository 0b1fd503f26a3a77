import Foundation
import JourneyModel

// The JSON parts of the stored records — a handoff's context, a decision's explanation — are
// encodable, so a writer stores them with one `JSONEncoder` (sorted keys give stable text).
// Channels are written by their raw names; dates with the encoder's date strategy.

extension HandoffContext: Encodable {
    private enum Keys: String, CodingKey {
        case conversation, score
        case previousAgents = "previous_agents"
        case reason, metadata
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(conversation, forKey: .conversation)
        try container.encodeIfPresent(score, forKey: .score)
        try container.encode(previousAgents, forKey: .previousAgents)
        try container.encode(reason, forKey: .reason)
        try container.encode(metadata, forKey: .metadata)
    }
}

extension ConversationEntry: Encodable {
    private enum Keys: String, CodingKey {
        case at, channel, type, template
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(at, forKey: .at)
        try container.encodeIfPresent(channel?.rawValue, forKey: .channel)
        try container.encode(type, forKey: .type)
        try container.encodeIfPresent(template, forKey: .template)
    }
}

extension LeafVerdict: Encodable {
    private enum Keys: String, CodingKey {
        case branch, type, field
        case op = "operator"
        case expected, actual, matched, text
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(branchIndex, forKey: .branch)
        try container.encode(type, forKey: .type)
        try container.encode(field, forKey: .field)
        try container.encode(op, forKey: .op)
        try container.encode(expected, forKey: .expected)
        try container.encode(actual, forKey: .actual)
        try container.encode(matched, forKey: .matched)
        try container.encode(description, forKey: .text)
    }
}
