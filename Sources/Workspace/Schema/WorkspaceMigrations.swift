import GRDB

/// The schema's history. One migration per change, never edited once released: a workspace
/// records which ones it has, and a file with migrations this list lacks was written by a newer
/// Cairn. `docs/schema.md` documents the result table by table.
enum WorkspaceMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-meta", migrate: CoreSchema.meta)
        migrator.registerMigration("v1-journeys", migrate: CoreSchema.journeys)
        migrator.registerMigration("v1-cohorts", migrate: CoreSchema.cohorts)
        migrator.registerMigration("v1-agents", migrate: CoreSchema.agents)
        migrator.registerMigration("v1-runs", migrate: RunSchema.runs)
        migrator.registerMigration("v1-run-summaries", migrate: RunSchema.summaries)
        migrator.registerMigration("v1-run-paths", migrate: RunPathSchema.paths)
        migrator.registerMigration("v1-event-types", migrate: EventTypeSchema.index)
        migrator.registerMigration("v2-webhooks", migrate: WebhookSchema.webhooks)
        migrator.registerMigration("v3-delivery", migrate: DeliverySchema.delivery)
        migrator.registerMigration("v4-live-intake", migrate: LiveSchema.intake)
        migrator.registerMigration("v5-live-runtime", migrate: LiveRuntimeSchema.runtime)
        migrator.registerMigration("v6-live-handoffs", migrate: LiveHandoffSchema.lifecycle)
        migrator.registerMigration("v7-entry-diagnostics", migrate: EntryDiagnosticsSchema.tables)
        migrator.registerMigration("v8-conversions", migrate: ConversionSchema.conversions)
        migrator.registerMigration("v9-compact-step-log", migrate: CompactStepLogSchema.migrate)
        return migrator
    }

    /// Identifiers this Cairn knows, for the "newer Cairn" message.
    static var knownIdentifiers: [String] { migrator.migrations }
}
