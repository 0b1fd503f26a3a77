import Foundation
import GRDB
import JourneyModel

/// Journey versions: saved, never rewritten; one may be active; rollback and archive add
/// to history instead of changing it.
extension Workspace {
    /// Who saves: `$USER`, else `$LOGNAME`, else the account name.
    public static var currentAuthor: String {
        let environment = ProcessInfo.processInfo.environment
        for name in ["USER", "LOGNAME"] {
            if let user = environment[name], !user.isEmpty { return user }
        }
        let account = NSUserName()
        return account.isEmpty ? "unknown" : account
    }

    /// The file door: reads and validates `yaml` (located errors name `file`) and saves it as a
    /// new version, unless the latest version already has the same content. Content means the
    /// journey itself: the hash is of the canonical YAML, so reformatting or comments alone do
    /// not make a version. The text is stored as given, comments and all.
    @discardableResult
    public func saveJourney(
        yaml: String, file: String, message: String? = nil, origin: JourneyVersion.Origin = .save,
        author: String = Workspace.currentAuthor
    ) throws(WorkspaceError) -> JourneySaveOutcome {
        let result = JourneyReader.readAndValidate(bytes: Array(yaml.utf8), file: file)
        guard let journey = result.journey else { throw .invalidJourney(result.diagnostics) }
        return try store(journey, yaml: yaml, message: message, origin: origin, author: author)
    }

    /// The model door: saves a journey read or built elsewhere (an API body, the canvas) with
    /// `yaml`, the text it stands for, without reading that text again. The model is checked
    /// as `cairn validate` would; only when it is wrong is `yaml` read, as `file`, so the errors
    /// are located in it. An archived journey is restored by the save, unless
    /// `restoringArchived` is false: then it stays archived and the save throws
    /// `journeyArchived` (the check is in the save's transaction).
    @discardableResult
    public func saveJourney(
        _ journey: Journey, yaml: String, file: String, message: String? = nil,
        origin: JourneyVersion.Origin = .save, author: String = Workspace.currentAuthor,
        restoringArchived: Bool = true
    ) throws(WorkspaceError) -> JourneySaveOutcome {
        let problems = JourneyValidator.validate(journey)
        if problems.hasErrors {
            let located = JourneyReader.readAndValidate(bytes: Array(yaml.utf8), file: file).diagnostics
            throw .invalidJourney(located.hasErrors ? located : problems)
        }
        return try store(
            journey, yaml: yaml, message: message, origin: origin, author: author,
            restoringArchived: restoringArchived)
    }

    /// Adds a version in one write: the canonical text's hash, and the plan's columns from
    /// the model when this version is the one they follow (no version is active).
    private func store(
        _ journey: Journey, yaml: String, message: String?, origin: JourneyVersion.Origin, author: String,
        restoringArchived: Bool = true
    ) throws(WorkspaceError) -> JourneySaveOutcome {
        let hash = ContentHash.sha256Hex(of: JourneyWriter.write(journey))
        let plan = PlanColumns(journey: journey)
        let now = EpochSeconds.now()
        return try write { db in
            let version: Int
            let rowID: String
            if let stored = try Self.storedJourney(
                db, slug: journey.id, author: author, now: now, restoring: restoringArchived)
            {
                if stored.latestHash == hash {
                    return JourneySaveOutcome(journey: journey.id, version: stored.latest, created: false)
                }
                (rowID, version) = (stored.rowID, stored.latest + 1)
                try Self.insertVersion(
                    db, rowID: rowID, version: version, yaml: yaml, hash: hash, author: author, now: now,
                    message: message, origin: origin)
                try Self.updateLatest(
                    db, rowID: rowID, version: version, now: now,
                    plan: stored.active == nil ? (journey, plan) : nil)
            } else {
                (rowID, version) = (UUID().uuidString.lowercased(), 1)
                try db.execute(
                    sql: """
                        INSERT INTO workflows (id, slug, name, description, trigger_config, conditions, actions,
                            active, active_version, latest_version, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 0, NULL, 1, ?, ?)
                        """,
                    arguments: [
                        rowID, journey.id, journey.name, journey.description, plan.triggerConfig,
                        plan.conditions, plan.actions, now, now,
                    ])
                try Self.insertVersion(
                    db, rowID: rowID, version: version, yaml: yaml, hash: hash, author: author, now: now,
                    message: message, origin: origin)
            }
            return JourneySaveOutcome(journey: journey.id, version: version, created: true)
        }
    }

    /// A saved journey's row: its latest version and that version's hash, its active version.
    private struct StoredJourney {
        var rowID: String
        var latest: Int
        var latestHash: String?
        var active: Int?
    }

    /// The journey's row if it has one; an archived journey is restored (saving brings it back),
    /// or refused with `journeyArchived` when not `restoring`.
    private static func storedJourney(
        _ db: Database, slug: String, author: String, now: Int64, restoring: Bool
    ) throws -> StoredJourney? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: "SELECT id, latest_version, active_version, archived_at FROM workflows WHERE slug = ?",
                arguments: [slug])
        else { return nil }
        let rowID: String = row["id"]
        let latest: Int = row["latest_version"]
        let latestHash = try String.fetchOne(
            db, sql: "SELECT content_hash FROM journey_versions WHERE workflow_id = ? AND version = ?",
            arguments: [rowID, latest])
        if row["archived_at"] as Int64? != nil {
            guard restoring else { throw WorkspaceError.journeyArchived(slug) }
            try db.execute(
                sql: "UPDATE workflows SET archived_at = NULL, updated_at = ? WHERE id = ?",
                arguments: [now, rowID])
            try db.execute(
                sql: """
                    INSERT INTO journey_activations (workflow_id, version, action, author, at)
                    VALUES (?, NULL, 'restore', ?, ?)
                    """, arguments: [rowID, author, now])
        }
        return StoredJourney(
            rowID: rowID, latest: latest, latestHash: latestHash, active: row["active_version"])
    }

    private static func insertVersion(
        _ db: Database, rowID: String, version: Int, yaml: String, hash: String, author: String, now: Int64,
        message: String?, origin: JourneyVersion.Origin
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO journey_versions (workflow_id, version, yaml, content_hash, author, created_at,
                    message, origin, restored_from)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)
                """,
            arguments: [rowID, version, yaml, hash, author, now, message, origin.rawValue])
    }

    /// Points the row at its new latest version; with `plan`, the plan's columns follow it too.
    private static func updateLatest(
        _ db: Database, rowID: String, version: Int, now: Int64, plan: (Journey, PlanColumns)?
    ) throws {
        guard let (journey, columns) = plan else {
            try db.execute(
                sql: "UPDATE workflows SET latest_version = ?, updated_at = ? WHERE id = ?",
                arguments: [version, now, rowID])
            return
        }
        try db.execute(
            sql: """
                UPDATE workflows SET latest_version = ?, updated_at = ?, name = ?, description = ?,
                    trigger_config = ?, conditions = ?, actions = ?
                WHERE id = ?
                """,
            arguments: [
                version, now, journey.name, journey.description, columns.triggerConfig, columns.conditions,
                columns.actions, rowID,
            ])
    }

    /// Journeys, by slug; archived ones only when asked.
    public func journeys(includeArchived: Bool = false) throws(WorkspaceError) -> [JourneySummary] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, slug, name, description, latest_version, active_version, updated_at, archived_at
                    FROM workflows \(includeArchived ? "" : "WHERE archived_at IS NULL") ORDER BY slug
                    """
            ).map { row in
                JourneySummary(
                    journey: row["slug"], journeyRowID: row["id"], name: row["name"],
                    description: row["description"],
                    latestVersion: row["latest_version"], activeVersion: row["active_version"],
                    updatedAt: row["updated_at"], archived: row["archived_at"] as Int64? != nil)
            }
        }
    }

    /// Every version of a journey, oldest first (archived journeys included: history stays readable).
    public func history(of journey: String) throws(WorkspaceError) -> [JourneyVersion] {
        let slug = journey
        let rowID = try journeyRowID(for: slug, allowArchived: true)
        return try read { db in
            let active = try Int.fetchOne(
                db, sql: "SELECT active_version FROM workflows WHERE id = ?", arguments: [rowID])
            return try Row.fetchAll(
                db, sql: "SELECT * FROM journey_versions WHERE workflow_id = ? ORDER BY version",
                arguments: [rowID]
            ).map { Self.version(from: $0, journey: slug, active: active) }
        }
    }

    /// One version; the latest when `version` is nil.
    public func journeyVersion(_ journey: String, version: Int? = nil) throws(WorkspaceError)
        -> JourneyVersion
    {
        let slug = journey
        let rowID = try journeyRowID(for: slug, allowArchived: true)
        let found: JourneyVersion? = try read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT latest_version, active_version FROM workflows WHERE id = ?",
                arguments: [rowID])
            let wanted = version ?? row?["latest_version"] ?? 0
            return try Row.fetchOne(
                db, sql: "SELECT * FROM journey_versions WHERE workflow_id = ? AND version = ?",
                arguments: [rowID, wanted]
            ).map { Self.version(from: $0, journey: slug, active: row?["active_version"]) }
        }
        guard let found else {
            throw .versionNotFound(journey: slug, version: version ?? 0, latest: try latest(slug))
        }
        return found
    }

    /// The active version, if one is.
    public func activeJourneyVersion(_ journey: String) throws(WorkspaceError) -> JourneyVersion? {
        let summary = try journeys(includeArchived: true).first { $0.journey == journey }
        guard let active = summary?.activeVersion else { return nil }
        return try journeyVersion(journey, version: active)
    }

    /// Makes a version (the latest by default) the active one.
    @discardableResult
    public func activate(_ journey: String, version: Int? = nil, author: String = Workspace.currentAuthor)
        throws(WorkspaceError) -> Int
    {
        let rowID = try journeyRowID(for: journey, allowArchived: false)
        let target = try journeyVersion(journey, version: version).version
        let now = EpochSeconds.now()
        try write { db in
            try db.execute(
                sql: "UPDATE workflows SET active = 1, active_version = ?, updated_at = ? WHERE id = ?",
                arguments: [target, now, rowID])
            try db.execute(
                sql:
                    "INSERT INTO journey_activations (workflow_id, version, action, author, at) VALUES (?, ?, 'activate', ?, ?)",
                arguments: [rowID, target, author, now])
            try Self.refreshPlanColumns(db, rowID: rowID)
        }
        return target
    }

    /// Restores an earlier version's content as a new version and activates it: history only grows.
    @discardableResult
    public func rollback(_ journey: String, to version: Int, author: String = Workspace.currentAuthor)
        throws(WorkspaceError) -> Int
    {
        let rowID = try journeyRowID(for: journey, allowArchived: false)
        let source = try journeyVersion(journey, version: version)
        let now = EpochSeconds.now()
        return try write { db in
            let latest =
                try Int.fetchOne(
                    db, sql: "SELECT latest_version FROM workflows WHERE id = ?", arguments: [rowID])
                ?? 0
            let next = latest + 1
            try db.execute(
                sql: """
                    INSERT INTO journey_versions (workflow_id, version, yaml, content_hash, author, created_at,
                        message, origin, restored_from)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'rollback', ?)
                    """,
                arguments: [
                    rowID, next, source.yaml, source.contentHash, author, now,
                    "rollback to version \(version)", version,
                ])
            try db.execute(
                sql: """
                    UPDATE workflows SET latest_version = ?, active = 1, active_version = ?, updated_at = ?
                    WHERE id = ?
                    """, arguments: [next, next, now, rowID])
            try db.execute(
                sql:
                    "INSERT INTO journey_activations (workflow_id, version, action, author, at) VALUES (?, ?, 'rollback', ?, ?)",
                arguments: [rowID, next, author, now])
            try Self.refreshPlanColumns(db, rowID: rowID)
            return next
        }
    }

    /// Deleting a journey archives it: it leaves the list and cannot be activated, but its
    /// versions, runs and results stay readable. Importing it again brings it back.
    public func archive(_ journey: String, author: String = Workspace.currentAuthor) throws(WorkspaceError) {
        let rowID = try journeyRowID(for: journey, allowArchived: false)
        let now = EpochSeconds.now()
        try write { db in
            try db.execute(
                sql:
                    "UPDATE workflows SET archived_at = ?, active = 0, active_version = NULL, updated_at = ? WHERE id = ?",
                arguments: [now, now, rowID])
            try db.execute(
                sql:
                    "INSERT INTO journey_activations (workflow_id, version, action, author, at) VALUES (?, NULL, 'archive', ?, ?)",
                arguments: [rowID, author, now])
        }
    }

    /// The plan's `workflows.id` for a journey slug.
    public func journeyRowID(for journey: String, allowArchived: Bool) throws(WorkspaceError) -> String {
        let found: (id: String, archived: Bool)? = try read { db in
            try Row.fetchOne(
                db, sql: "SELECT id, archived_at FROM workflows WHERE slug = ?", arguments: [journey]
            )
            .map { ($0["id"], $0["archived_at"] as Int64? != nil) }
        }
        guard let found else {
            let all = try read { db in try String.fetchAll(db, sql: "SELECT slug FROM workflows") }
            throw .journeyNotFound(journey, suggestion: Suggestion.closest(to: journey, among: all))
        }
        if !allowArchived, found.archived { throw .journeyArchived(journey) }
        return found.id
    }

    private func latest(_ journey: String) throws(WorkspaceError) -> Int {
        try read { db in
            try Int.fetchOne(
                db, sql: "SELECT latest_version FROM workflows WHERE slug = ?", arguments: [journey]) ?? 0
        }
    }

    static func version(from row: Row, journey: String, active: Int?) -> JourneyVersion {
        let version: Int = row["version"]
        return JourneyVersion(
            journey: journey, version: version, yaml: row["yaml"], contentHash: row["content_hash"],
            author: row["author"], createdAt: row["created_at"], message: row["message"],
            origin: JourneyVersion.Origin(rawValue: row["origin"]) ?? .save,
            restoredFrom: row["restored_from"],
            isActive: active == version)
    }

    /// The plan columns follow the active version when there is one, else the latest.
    static func refreshPlanColumns(_ db: Database, rowID: String) throws {
        guard
            let yaml = try String.fetchOne(
                db,
                sql: """
                    SELECT v.yaml FROM workflows w JOIN journey_versions v
                    ON v.workflow_id = w.id AND v.version = COALESCE(w.active_version, w.latest_version)
                    WHERE w.id = ?
                    """, arguments: [rowID]),
            let journey = JourneyReader.read(yaml, file: "stored").journey
        else { return }
        let plan = PlanColumns(journey: journey)
        try db.execute(
            sql: """
                UPDATE workflows SET name = ?, description = ?, trigger_config = ?, conditions = ?, actions = ?
                WHERE id = ?
                """,
            arguments: [
                journey.name, journey.description, plan.triggerConfig, plan.conditions, plan.actions,
                rowID,
            ])
    }
}
