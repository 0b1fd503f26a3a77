/// `docs/keys.md`: every key of every screen, from the same tables that dispatch them (a test
/// keeps the file in step).
enum KeysDocument {
    static var tables: [KeyTable] {
        [KeyTable("Every screen", SharedKeys.map)] + JourneysScreen.keyTables + HistoryScreen.keyTables
            + CanvasScreen.keyTables
            + NodeEditor.keyTables + ReplayScreen.keyTables + DashboardScreen.keyTables
            + LeadInspectorScreen.keyTables + DemoScreen.keyTables
    }

    static var markdown: String {
        """
        # Keys

        Every key of the studio, screen by screen. Arrows and the vim keys both move; `?` shows the
        keys of the screen you are on, `:` or Ctrl-P finds any command by name. This file is
        generated from the key tables in `Sources/Studio` — a test fails when it is out of step
        (`CAIRN_WRITE_KEYS=1 swift test --filter KeysDocumentTests` rewrites it).


        """ + tables.map(\.markdown).joined(separator: "\n")
    }
}
