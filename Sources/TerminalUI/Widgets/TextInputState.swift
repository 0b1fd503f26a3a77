import Foundation

/// The text being edited in a one-line input, with cursor and history.
/// Editing keys follow readline: ctrl+a/e (home/end), ctrl+u/k (kill to
/// start/end), ctrl+w (kill word), up/down (history).
///
/// A pre-filled text (a suggested name or path) starts *selected*: the first character typed
/// replaces it, Backspace or Delete clears it, and a movement key keeps it for editing.
public struct TextInputState: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// Cursor position as an index into `characters` (0…count).
    public private(set) var cursor: Int
    public private(set) var history: [String]
    /// Index into `history` while browsing it; `nil` when editing fresh text.
    private var historyIndex: Int?
    private var draft: [Character] = []
    /// The whole text is selected: typing replaces it (see the type's comment).
    public private(set) var isSelected: Bool

    public init(text: String = "", history: [String] = [], selected: Bool = false) {
        self.characters = Array(text)
        self.cursor = characters.count
        self.history = history
        self.isSelected = selected && !text.isEmpty
    }

    public var text: String {
        get { String(characters) }
        set {
            characters = Array(newValue)
            cursor = characters.count
            isSelected = false
        }
    }

    /// Applies an editing key; returns whether the key was used (Enter, Tab and
    /// Esc are not: the form or screen around the input decides what they mean).
    public mutating func handle(_ key: Key) -> Bool {
        if isSelected {
            let clears = key == .backspace || key == .delete || key == .ctrl("u")
            if clears || key.typedCharacter != nil {
                characters = []
                cursor = 0
                isSelected = false
                if clears { return true }
            }
        }
        let used = edit(key)
        if used { isSelected = false }
        return used
    }

    private mutating func edit(_ key: Key) -> Bool {
        if let character = key.typedCharacter {
            characters.insert(character, at: cursor)
            cursor += 1
            historyIndex = nil
            return true
        }
        if key.modifiers == .ctrl, case .character(let letter) = key.code {
            return handleControl(letter)
        }
        guard key.modifiers.isEmpty else { return false }
        switch key.code {
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        case .backspace: deleteBackward()
        case .delete: deleteForward()
        case .up: browseHistory(by: -1)
        case .down: browseHistory(by: 1)
        default: return false
        }
        return true
    }

    /// Records the current text in history (skipping blanks and repeats) and clears the input.
    public mutating func commit() {
        let entry = text
        if !entry.trimmingCharacters(in: .whitespaces).isEmpty && history.last != entry {
            history.append(entry)
        }
        characters = []
        cursor = 0
        historyIndex = nil
        isSelected = false
    }

    private mutating func handleControl(_ letter: Character) -> Bool {
        switch letter {
        case "a": cursor = 0
        case "e": cursor = characters.count
        case "h": deleteBackward()
        case "d": deleteForward()
        case "u":
            characters.removeFirst(cursor)
            cursor = 0
        case "k": characters.removeLast(characters.count - cursor)
        case "w":
            var start = cursor
            while start > 0 && characters[start - 1] == " " { start -= 1 }
            while start > 0 && characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default: return false
        }
        return true
    }

    private mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    private mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    private mutating func browseHistory(by delta: Int) {
        guard !history.isEmpty else { return }
        if historyIndex == nil {
            guard delta < 0 else { return }
            draft = characters
            historyIndex = history.count
        }
        let next = (historyIndex ?? history.count) + delta
        if next >= history.count {
            historyIndex = nil
            characters = draft
        } else {
            historyIndex = max(0, next)
            characters = Array(history[max(0, next)])
        }
        cursor = characters.count
    }
}
