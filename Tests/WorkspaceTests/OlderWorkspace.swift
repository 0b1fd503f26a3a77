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
}
