import GRDB

@testable import Workspace

/// A workspace file migrated only up to a migration, as a release before the later ones left
/// it: what a migration test fills with rows and then opens with `Workspace.open`.
enum OlderWorkspace {
    static func queue(at path: String, upTo migration: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try WorkspaceMigrations.migrator.migrate(queue, upTo: migration)
        return queue
    }

    /// What every migration test's file starts with: samples not planted, journey `W1`
    /// (`welcome`) at version 1 with `yaml`, and cohort 1 (`c`).
    static func insertJourneyAndCohort(_ db: Database, yaml: String = "x") throws {
        try db.execute(
            sql: """
                INSERT INTO meta (key, value) VALUES ('seed', 'none');
                INSERT INTO workflows (id, slug, name, trigger_config, conditions, actions, active,
                    active_version, latest_version, created_at, updated_at)
                VALUES ('W1', 'welcome', 'Welcome', '{}', '[]', '[]', 1, 1, 1, 10, 10);
                INSERT INTO journey_versions (workflow_id, version, yaml, content_hash, author, created_at, origin)
                VALUES ('W1', 1, ?, 'h', 'me', 10, 'import');
                INSERT INTO cohorts (name, origin, author, created_at) VALUES ('c', 'csv', 'me', 10);
                """, arguments: [yaml])
    }
}
