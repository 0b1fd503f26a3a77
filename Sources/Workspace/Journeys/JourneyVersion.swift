/// One immutable version of a journey as the workspace keeps it.
public struct JourneyVersion: Sendable, Hashable, Codable {
    public var journey: String
    public var version: Int
    public var yaml: String
    public var contentHash: String
    public var author: String
    /// Seconds since the Unix epoch, UTC.
    public var createdAt: Int64
    public var message: String?
    public var origin: Origin
    /// For a rollback, the version whose content it restored.
    public var restoredFrom: Int?
    public var isActive: Bool

    public enum Origin: String, Sendable, Hashable, Codable {
        case seed, `import`, save, rollback
    }
}

/// A journey in the list: its latest and active versions.
public struct JourneySummary: Sendable, Hashable, Codable {
    /// The slug from the journey file (`welcome-series`).
    public var journey: String
    /// The plan's `workflows.id`, a UUID.
    public var journeyRowID: String
    public var name: String
    public var description: String?
    public var latestVersion: Int
    public var activeVersion: Int?
    public var updatedAt: Int64
    public var archived: Bool

    /// The API's field names (docs/openapi.yaml): the row id keeps the plan's word.
    enum CodingKeys: String, CodingKey {
        case journey
        case journeyRowID = "workflowID"
        case name, description, latestVersion, activeVersion, updatedAt, archived
    }
}

/// What saving a journey did: a new version, or nothing because the content was already there.
public struct JourneySaveOutcome: Sendable, Hashable {
    public var journey: String
    public var version: Int
    public var created: Bool
}
