import TerminalUI

/// One of a screen's key maps as `docs/keys.md` lists it and the key-map tests check it.
struct KeyTable: Sendable {
    var title: String
    var markdown: String
    var problems: [String]
    var keys: [Key]
    /// A mode that takes every key first (a form, a prompt) may use the shared keys (Esc to
    /// close it); a screen's normal map must not.
    var takesEveryKey: Bool

    init<Action>(_ title: String, _ map: KeyMap<Action>, takesEveryKey: Bool = false) {
        self.title = title
        self.takesEveryKey = takesEveryKey
        self.markdown = map.markdown(title: title)
        self.problems = map.problems
        self.keys = map.bindings.flatMap(\.keys)
    }
}
