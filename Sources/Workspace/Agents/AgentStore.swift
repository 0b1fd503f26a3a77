import Foundation
import GRDB
import JourneyModel

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
                        JSONText.encode(strings: agent.expertise), agent.capacity, agent.timeZone,
                        agent.workingHours.map(Self.workingHoursJSON), now,
                    ])
            }
        }
        return agents
    }

    /// The agents, active first, by id.
    public func agents(includeInactive: Bool = false) throws(WorkspaceError) -> [Agent] {
        try read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT * FROM agents \(includeInactive ? "" : "WHERE active = 1") ORDER BY active DESC, id"
            ).map { row in
                let hoursText: String? = row["working_hours"]
                return Agent(
                    id: row["id"], name: row["name"], kind: AgentKind(rawValue: row["kind"]) ?? .bot,
                    channels: Self.strings(row["channels"]).compactMap(Channel.init(rawValue:)),
                    expertise: Self.strings(row["expertise"]), capacity: row["capacity"],
                    timeZone: row["time_zone"],
                    workingHours: hoursText.flatMap {
                        try? JSONDecoder().decode(WorkingHours.self, from: Data($0.utf8))
                    },
                    active: row["active"] == 1)
            }
        }
    }

    static func workingHoursJSON(_ hours: WorkingHours) -> String {
        JSONText.encode(
            .object([
                "days": .array(hours.days.map { .string($0.rawValue) }),
                "from": .string(hours.from.description),
                "to": .string(hours.to.description),
            ]))
    }

    static func strings(_ text: String) -> [String] {
        guard case .array(let items)? = try? JSON.parse(text) else { return [] }
        return items.compactMap(\.string)
    }
}
