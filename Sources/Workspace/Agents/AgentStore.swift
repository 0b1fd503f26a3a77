import Foundation
import GRDB
import JourneyModel
import ReplayEngine

/// An agent as the workspace keeps it: the engine's agent, and whether the latest roster still
/// lists it (agents missing from a reimported roster stay, inactive, for past handoffs).
public struct StoredAgent: Sendable, Hashable {
    public var agent: Agent
    public var active: Bool

    public init(agent: Agent, active: Bool) {
        self.agent = agent
        self.active = active
    }
}

extension Workspace {
    /// Imports a roster: agents in it are added or updated; agents missing from it are marked
    /// inactive, never deleted, so past handoffs keep pointing at them.
    @discardableResult
    public func importAgents(yaml: String, file: String) throws(WorkspaceError) -> [Agent] {
        let agents = try RosterReader.read(yaml, file: file).get()
        let now = EpochSeconds.now()
        try write { db in
            try db.execute(
                sql: "UPDATE agents SET active = 0, updated_at = ? WHERE active = 1", arguments: [now])
            for agent in agents {
                try db.execute(
                    sql: """
                        INSERT INTO agents (id, name, kind, channels, expertise, capacity, time_zone, working_hours,
                            active, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
                        ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind,
                            channels = excluded.channels, expertise = excluded.expertise,
                            capacity = excluded.capacity, time_zone = excluded.time_zone,
                            working_hours = excluded.working_hours, active = 1, updated_at = excluded.updated_at
                        """,
                    arguments: [
                        agent.id, agent.name, agent.kind.rawValue,
                        JSONText.encode(strings: agent.channels.map(\.rawValue)),
                        JSONText.encode(strings: agent.expertise), agent.capacity, agent.timeZone.identifier,
                        agent.workingHours.map(Self.workingHoursJSON), now,
                    ])
            }
        }
        return agents
    }

    /// The agents the latest roster lists, by id: those a replay hands leads to.
    public func agents() throws(WorkspaceError) -> [Agent] {
        try storedAgents(includeInactive: false).map(\.agent)
    }

    /// The agents with their `active` flag, active first, by id.
    public func storedAgents(includeInactive: Bool = true) throws(WorkspaceError) -> [StoredAgent] {
        try read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT * FROM agents \(includeInactive ? "" : "WHERE active = 1") ORDER BY active DESC, id"
            ).map { row in StoredAgent(agent: Self.agent(row), active: row["active"] == 1) }
        }
    }

    static func agent(_ row: Row) -> Agent {
        let zoneName: String = row["time_zone"]
        let hoursText: String? = row["working_hours"]
        return Agent(
            id: row["id"], name: row["name"], kind: AgentKind(rawValue: row["kind"]) ?? .bot,
            channels: Self.strings(row["channels"]).compactMap(Channel.init(rawValue:)),
            expertise: Self.strings(row["expertise"]), capacity: row["capacity"],
            timeZone: TimeZone(identifier: zoneName) ?? ISODate.utc,
            workingHours: hoursText.flatMap(Self.workingHours(json:)))
    }

    /// `{"days":["mon",...],"from":"09:00","to":"17:30"}` (docs/schema.md, `agents.working_hours`).
    static func workingHoursJSON(_ hours: WorkingHours) -> String {
        JSONText.encode(
            .object([
                "days": .array(hours.days.map { .string($0.rawValue) }),
                "from": .string(hours.from.description),
                "to": .string(hours.to.description),
            ]))
    }

    /// Working hours back from `workingHoursJSON`; nil when the text is not that shape.
    static func workingHours(json text: String) -> WorkingHours? {
        guard case .object(let fields)? = try? JSON.parse(text), case .array(let dayNames)? = fields["days"],
            let from = fields["from"]?.string.flatMap(TimeOfDay.init(parsing:)),
            let to = fields["to"]?.string.flatMap(TimeOfDay.init(parsing:))
        else { return nil }
        return WorkingHours(
            days: dayNames.compactMap { $0.string.flatMap(Weekday.init(parsing:)) }, from: from, to: to)
    }

    static func strings(_ text: String) -> [String] {
        guard case .array(let items)? = try? JSON.parse(text) else { return [] }
        return items.compactMap(\.string)
    }
}
