import TerminalUI

/// The keys of every text field and prompt. They follow readline and `TextInputState` answers
/// them; this table lists them for `docs/keys.md`, and `clear` for the hint lines of forms.
/// A suggested answer is highlighted: the first character typed replaces it.
enum TextFieldKeys {
    static let clear = KeyBinding(
        [Key.ctrl("u")], Key.ctrl("u"), help: "clear",
        longHelp: "Clear the field (everything before the cursor)", group: "Typing", statusBar: true)

    static let map = KeyMap<Key>([
        clear,
        KeyBinding(
            [.ctrl("k")], .ctrl("k"), help: "cut to end", longHelp: "Delete to the end", group: "Typing"),
        KeyBinding(
            [.ctrl("w")], .ctrl("w"), help: "cut word", longHelp: "Delete the word before the cursor",
            group: "Typing"),
        KeyBinding(
            [.backspace], .backspace, help: "delete",
            longHelp: "Delete the character before the cursor (a highlighted suggestion: all of it)",
            group: "Typing"),
        KeyBinding([.ctrl("a"), .home], .home, help: "start", longHelp: "Go to the start", group: "Typing"),
        KeyBinding([.ctrl("e"), .end], .end, help: "end", longHelp: "Go to the end", group: "Typing"),
        KeyBinding(
            [.left, .right], .left, help: "move",
            longHelp: "Move the cursor (keeps a highlighted suggestion to edit it)", group: "Typing"),
    ])
}
