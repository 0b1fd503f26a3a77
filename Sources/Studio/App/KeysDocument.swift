/// `docs/keys.md`: every key of every screen, from the same tables that dispatch them (a test
/// keeps the file in step).
enum KeysDocument {
    static var tables: [KeyTable] {
        [
            KeyTable("Every screen", SharedKeys.map),
            KeyTable("Typing in a field or prompt", TextFieldKeys.map, takesEveryKey: true),
        ] + JourneysScreen.keyTables + HistoryScreen.keyTables
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

        A prompt that suggests an answer (a file name, a journey's name) shows it highlighted: the
        first character typed replaces it, Backspace clears it, an arrow key keeps it to edit.


        """ + tables.map(\.markdown).joined(separator: "\n")
    }
}
