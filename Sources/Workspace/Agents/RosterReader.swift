import Foundation
import JourneyModel
import ReplayEngine
import Yams

/// Reads an agent roster (`sample-journeys/agents.yaml`) with located errors.
public enum RosterReader {
    static let agentKeys = [
        "id", "name", "kind", "channels", "expertise", "capacity", "time_zone", "working_hours",
    ]

    public static func read(_ text: String, file: String) -> Result<[Agent], WorkspaceError> {
        let c = YAMLChecker(file: file)
        var agents: [Agent] = []
        if let root = c.compose(text, expected: "an agent roster"),
            let top = c.mapping(root, what: "the roster", allowed: ["agents"])
        {
            if let items = c.sequence(top["agents"], what: "agents") {
                var seen: [String: Int] = [:]
                for item in items {
                    guard let agent = self.agent(c, item) else { continue }
                    if let line = seen[agent.id] {
                        c.error("agent id '\(agent.id)' is used twice (first on line \(line))", at: item)
                        continue
                    }
                    seen[agent.id] = c.location(item).line
                    agents.append(agent)
                }
                if items.isEmpty { c.error("the roster lists no agents", at: top["agents"]) }
            } else if top["agents"] == nil {
                c.error("missing 'agents' (a list of agents)", at: root)
            }
        }
        if c.hasErrors { return .failure(.invalidRoster(c.diagnostics.sortedByLocation())) }
        return .success(agents)
    }

    static func agent(_ c: YAMLChecker, _ node: Node) -> Agent? {
        guard let fields = c.mapping(node, what: "an agent", allowed: agentKeys) else { return nil }
        let id = c.text(fields, "id", what: "an agent", required: true)
        if let id, !isSlug(id) {
            c.error("agent id '\(id)' must be lowercase letters, digits and dashes", at: fields["id"])
        }
        let what = "agent '\(id ?? "?")'"
        let kind = self.kind(c, fields, what: what)
        let channels = self.channels(c, fields, what: what, node: node)
        let expertise = self.expertise(c, fields, what: what)
        let capacity = self.capacity(c, fields, what: what)
        let zone = timeZone(c, fields, what: what, isHuman: kind == .human, node: node)
        let hours = workingHours(c, fields["working_hours"], what: what)
        if kind == .human, fields["working_hours"] == nil {
            c.error("\(what) is a person: give working_hours (days, from, to)", at: node)
        }
        guard let id, let kind, let capacity, !channels.isEmpty else { return nil }
        return Agent(
            id: id, name: c.text(fields, "name", what: what) ?? id, kind: kind, channels: channels,
            expertise: expertise, capacity: capacity, timeZone: zone, workingHours: hours)
    }

    static func kind(_ c: YAMLChecker, _ fields: Fields, what: String) -> AgentKind? {
        guard let text = c.text(fields, "kind", what: what, required: true) else { return nil }
        let kind = AgentKind(rawValue: text)
        if kind == nil { c.error("kind must be bot or human, not '\(text)'", at: fields["kind"]) }
        return kind
    }

    static func channels(_ c: YAMLChecker, _ fields: Fields, what: String, node: Node) -> [Channel] {
        guard let items = c.sequence(fields["channels"], what: "channels of \(what)") else {
            if fields["channels"] == nil { c.error("missing 'channels' in \(what)", at: node) }
            return []
        }
        var channels: [Channel] = []
        for item in items {
            guard case .scalar(let s) = item, let channel = Channel(rawValue: s.string) else {
                let name = item.string ?? "?"
                c.error(
                    "unknown channel '\(name)'\(Suggestion.hint(for: name, among: Channel.allCases.map(\.rawValue))) "
                        + "(channels: email, sms, chat)", at: item)
                continue
            }
            channels.append(channel)
        }
        if items.isEmpty { c.error("\(what) needs at least one channel", at: fields["channels"]) }
        return channels
    }

    static func expertise(_ c: YAMLChecker, _ fields: Fields, what: String) -> [String] {
        guard let items = c.sequence(fields["expertise"], what: "expertise of \(what)") else { return [] }
        var expertise: [String] = []
        for item in items {
            guard let tag = item.string, !tag.isEmpty else {
                c.error("expertise tags must be text", at: item)
                continue
            }
            expertise.append(tag)
        }
        return expertise
    }

    static func capacity(_ c: YAMLChecker, _ fields: Fields, what: String) -> Int? {
        guard let value = c.number(fields, "capacity", what: what, required: true, range: 1...1_000_000)
        else {
            return nil
        }
        guard value == value.rounded() else {
            c.error("capacity of \(what) must be a whole number", at: fields["capacity"])
            return nil
        }
        return Int(value)
    }

    /// The agent's zone; UTC when none is given (a person must give one).
    static func timeZone(
        _ c: YAMLChecker, _ fields: Fields, what: String, isHuman: Bool, node: Node
    ) -> TimeZone {
        guard let text = c.text(fields, "time_zone", what: what) else {
            if isHuman { c.error("\(what) is a person: give a time_zone for the working hours", at: node) }
            return ISODate.utc
        }
        guard RecordRules.knownZones.contains(text), let zone = TimeZone(identifier: text) else {
            c.error(
                "unknown time zone '\(text)'\(Suggestion.hint(for: text, among: RecordRules.knownZones.sorted()))",
                at: fields["time_zone"])
            return ISODate.utc
        }
        return zone
    }

    static func workingHours(_ c: YAMLChecker, _ node: Node?, what: String) -> WorkingHours? {
        guard let fields = c.mapping(node, what: "working_hours of \(what)", allowed: ["days", "from", "to"])
        else {
            return nil
        }
        var days: [Weekday] = []
        if let items = c.sequence(fields["days"], what: "days") {
            for item in items {
                guard let day = item.string.flatMap(Weekday.init(parsing:)) else {
                    c.error(
                        "'\(item.string ?? "?")' is not a day (mon, tue, wed, thu, fri, sat, sun)", at: item)
                    continue
                }
                days.append(day)
            }
        } else {
            days = [.mon, .tue, .wed, .thu, .fri]
        }
        func time(_ key: String) -> TimeOfDay? {
            guard let text = c.text(fields, key, what: "working_hours", required: true) else { return nil }
            guard let time = TimeOfDay(parsing: text) else {
                c.error("'\(key)' must be a time as HH:MM, not '\(text)'", at: fields[key])
                return nil
            }
            return time
        }
        guard let from = time("from"), let to = time("to") else { return nil }
        if from == to { c.error("working_hours 'from' and 'to' are the same time", at: fields.node) }
        return WorkingHours(days: days, from: from, to: to)
    }

    static func isSlug(_ text: String) -> Bool {
        guard let first = text.first, first.isASCII, first.isLowercase else { return false }
        return text.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" || $0 == "_" }
    }
}
