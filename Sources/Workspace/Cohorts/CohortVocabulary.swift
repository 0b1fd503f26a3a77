import GRDB
import JourneyModel

/// The names conditions can use, as the workspace's cohorts spell them: lead property names
/// (with the kind of value they hold) and the behavior-field names of recorded events.
public struct CohortVocabulary: Sendable, Hashable {
    /// What a property holds in the sampled leads.
    public enum PropertyKind: String, Sendable, Hashable {
        case number, text, boolean, list
    }

    /// A property name and the kind of value most sampled leads give it.
    public struct Property: Sendable, Hashable {
        public var name: String
        public var kind: PropertyKind
    }

    /// Property names, sorted.
    public var properties: [Property]
    /// `email.opened` for events on a channel, the bare type (`visited`) for others; sorted.
    public var eventFields: [String]
}

extension Workspace {
    /// Property names from the first `sample` leads of each cohort (leads of one cohort share
    /// their columns, so a sample finds them without reading a million records), and every
    /// distinct event type, found by skipping along `lead_events_by_type` one type at a time.
    /// At most `maxEventTypes` types are listed.
    public func cohortVocabulary(sample: Int = 200, maxEventTypes: Int = 200) throws(WorkspaceError)
        -> CohortVocabulary
    {
        try read { db in
            let cohorts = try Int64.fetchAll(db, sql: "SELECT id FROM cohorts ORDER BY id")
            let sampled = try db.cachedStatement(
                sql: """
                    SELECT p.key AS name, p.type AS type, COUNT(*) AS n
                    FROM (SELECT properties FROM leads WHERE cohort_id = ? LIMIT ?) AS l,
                        json_each(l.properties) AS p
                    WHERE p.type != 'null'
                    GROUP BY p.key, p.type
                    """)
            var counts: [String: [CohortVocabulary.PropertyKind: Int]] = [:]
            for cohort in cohorts {
                for row in try Row.fetchAll(sampled, arguments: [cohort, sample]) {
                    let name: String = row["name"]
                    counts[name, default: [:]][Self.propertyKind(sqliteJSONType: row["type"]), default: 0] +=
                        row["n"] as Int
                }
            }
            let types = try String.fetchAll(
                db,
                sql: """
                    WITH RECURSIVE types(type) AS (
                        SELECT MIN(type) FROM lead_events
                        UNION ALL
                        SELECT (SELECT MIN(type) FROM lead_events WHERE type > types.type) FROM types
                        WHERE types.type IS NOT NULL
                    )
                    SELECT type FROM types WHERE type IS NOT NULL LIMIT ?
                    """, arguments: [maxEventTypes])
            let channelStatement = try db.cachedStatement(
                sql: "SELECT EXISTS (SELECT 1 FROM lead_events WHERE type = ? AND channel IS ?)")
            var fields: Set<String> = []
            for type in types {
                for channel in [nil] + Channel.allCases.map(\.rawValue) {
                    guard try Bool.fetchOne(channelStatement, arguments: [type, channel]) == true else {
                        continue
                    }
                    fields.insert(channel.map { "\($0).\(type)" } ?? type)
                }
            }
            return CohortVocabulary(
                properties: counts.keys.sorted().map { name in
                    // Ties go to text, which every operator can at least compare for equality.
                    let kinds = counts[name, default: [:]].sorted {
                        ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue)
                    }
                    return CohortVocabulary.Property(name: name, kind: kinds.first?.key ?? .text)
                },
                eventFields: fields.sorted())
        }
    }

    static func propertyKind(sqliteJSONType type: String) -> CohortVocabulary.PropertyKind {
        switch type {
        case "integer", "real": return .number
        case "true", "false": return .boolean
        case "array": return .list
        default: return .text
        }
    }
}
