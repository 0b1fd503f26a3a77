import TerminalUI

/// What the keys every screen shares do.
enum SharedAction: Hashable, Sendable {
    case help, palette, back, quit
}

/// The keys every screen shares. A screen's own map comes first, so a screen must not bind
/// these (a test checks each screen's map followed by this one has no clashes).
enum SharedKeys {
    static let map = KeyMap<SharedAction>([
        KeyBinding(
            keys: ["?", "f1"], action: .help, help: "help", longHelp: "Show the keys of this screen",
            group: "Everywhere", statusBar: true),
        KeyBinding(
            keys: [":", "ctrl+p"], action: .palette, help: "commands", longHelp: "Open the command palette",
            group: "Everywhere"),
        KeyBinding(
            keys: ["esc"], action: .back, help: "back",
            longHelp: "Go back to the previous screen (on the first screen: asks to quit)",
            group: "Everywhere"),
        KeyBinding(
            keys: ["q", "ctrl+c"], action: .quit, help: "quit", longHelp: "Quit the studio",
            group: "Everywhere", statusBar: true),
    ])
}
