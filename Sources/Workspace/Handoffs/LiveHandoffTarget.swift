import JourneyModel

/// A handoff's target as `agent_handoffs.target` keeps it, so a queued handoff can be routed
/// again later: `{"agent":…,"channel":…,"expertise":[…],"kind":…}` (absent keys match any).
enum LiveHandoffTarget {
    static func json(_ target: HandoffTarget) -> String {
        var fields: [String: JSON] = ["expertise": .array(target.expertise.map(JSON.string))]
        if let agent = target.agent { fields["agent"] = .string(agent) }
        if let channel = target.channel { fields["channel"] = .string(channel.rawValue) }
        if let kind = target.kind { fields["kind"] = .string(kind.rawValue) }
        return JSONText.encode(.object(fields))
    }

    static func target(json text: String?) -> HandoffTarget {
        guard let text, case .object(let fields)? = try? JSON.parse(text) else { return HandoffTarget() }
        var expertise: [String] = []
        if case .array(let tags)? = fields["expertise"] { expertise = tags.compactMap(\.string) }
        return HandoffTarget(
            agent: fields["agent"]?.string,
            channel: fields["channel"]?.string.flatMap(Channel.init(rawValue:)),
            kind: fields["kind"]?.string.flatMap(AgentKind.init(rawValue:)), expertise: expertise)
    }
}
