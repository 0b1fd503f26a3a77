import TerminalUI

/// One screen of the studio: journeys, canvas, replay, dashboard, lead inspector. Each keeps
/// its state as a value, declares its keys in one `KeyMap`, and answers keys, its own
/// messages and mouse events with effects.
///
/// Keys go, in order: to an open overlay of the studio (help, palette, a confirm), to the
/// screen's `intercept` (a field being typed in), to the screen's key map, then to the keys
/// every screen shares (`SharedKeys`).
protocol StudioScreen: Sendable {
    associatedtype Action: Hashable & Sendable
    associatedtype Message: Sendable

    /// Shown in the title bar's trail.
    var title: String { get }
    /// The keys the screen answers now (it may change with the screen's mode).
    var keyMap: KeyMap<Action> { get }
    /// Every key map the screen uses, in every mode, for `docs/keys.md` and the key tests.
    static var keyTables: [KeyTable] { get }
    /// A short word for the status bar's left end (a mode such as EDIT), or "".
    var statusMode: String { get }
    /// The status bar's keys; by default those of `keyMap` marked for it. A mode that takes
    /// every key (a form, a prompt) shows its own.
    var statusHints: [KeyHint] { get }
    /// What `?` shows; by default every binding of `keyMap`.
    var helpSections: [HelpSection] { get }
    /// True while a prompt, form or dialog of the screen takes every key: the shared keys
    /// are then not offered in the status bar.
    var capturesKeys: Bool { get }

    /// Runs when the screen is shown for the first time (its loads).
    func onAppear(_ environment: StudioEnvironment) -> [Effect<StudioMessage>]
    /// Runs when the screen is shown again after the one above it is left: a screen whose data
    /// the screens above may have changed (home, after a save) reloads it.
    func onReturn(_ environment: StudioEnvironment) -> [Effect<StudioMessage>]
    /// Keys before the key map: a field being typed in takes every key. `nil` lets the key through.
    mutating func intercept(_ key: Key, _ environment: StudioEnvironment) -> [Effect<StudioMessage>]?
    /// Keys after `intercept`: by default through `keyMap` to `perform`; `nil` lets the key on
    /// to the shared keys.
    mutating func press(_ key: Key, _ environment: StudioEnvironment) -> [Effect<StudioMessage>]?
    mutating func perform(_ action: Action, _ environment: StudioEnvironment) -> [Effect<StudioMessage>]
    mutating func receive(_ message: Message, _ environment: StudioEnvironment) -> [Effect<StudioMessage>]
    /// A click or the wheel; `area` is where the screen was drawn.
    mutating func mouse(_ event: MouseEvent, in area: Rect, _ environment: StudioEnvironment)
        -> [Effect<StudioMessage>]
    /// A clock tick (every 200 ms), for animation.
    mutating func tick(_ environment: StudioEnvironment) -> [Effect<StudioMessage>]
    /// Asked before the screen is left: a question to confirm (unsaved changes), or `nil`.
    var leaveQuestion: String? { get }
    /// Called as the screen is left for good (popped, replaced, or the studio quits): stop
    /// work it started that should not outlive it (a replay).
    func willLeave()

    func view(in area: Rect, frame: inout Frame, _ environment: StudioEnvironment)
}

extension StudioScreen {
    var statusMode: String { "" }
    var statusHints: [KeyHint] { keyMap.statusHints }
    var helpSections: [HelpSection] { keyMap.helpSections }
    var capturesKeys: Bool { false }
    func onAppear(_ environment: StudioEnvironment) -> [Effect<StudioMessage>] { [] }
    func onReturn(_ environment: StudioEnvironment) -> [Effect<StudioMessage>] { [] }
    mutating func intercept(_ key: Key, _ environment: StudioEnvironment) -> [Effect<StudioMessage>]? { nil }
    mutating func mouse(_ event: MouseEvent, in area: Rect, _ environment: StudioEnvironment)
        -> [Effect<StudioMessage>]
    { [] }
    mutating func tick(_ environment: StudioEnvironment) -> [Effect<StudioMessage>] { [] }
    var leaveQuestion: String? { nil }
    func willLeave() {}

    /// Dispatches a key through the screen's key map; `nil` when the map has no binding for it.
    mutating func press(_ key: Key, _ environment: StudioEnvironment) -> [Effect<StudioMessage>]? {
        guard let action = keyMap.action(for: key) else { return nil }
        return perform(action, environment)
    }

    /// Delivers `message` if it is this screen's kind; `nil` if it is not.
    mutating func deliver(_ message: any Sendable, _ environment: StudioEnvironment) -> [Effect<
        StudioMessage
    >]? {
        guard let mine = message as? Message else { return nil }
        return receive(mine, environment)
    }

    /// The palette's entries for this screen: running one presses the binding's first key.
    var paletteEntries: [PaletteCommand<Key>] {
        keyMap.paletteCommands.compactMap { command in
            guard let key = keyMap.binding(for: command.action)?.keys.first else { return nil }
            return PaletteCommand(
                title: command.title, detail: command.detail, keys: command.keys, action: key)
        }
    }

}
