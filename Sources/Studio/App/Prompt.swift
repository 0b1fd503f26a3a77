import Foundation
import TerminalUI

/// A one-line question in a box, the one every screen asks with: a journey's name, a file path,
/// a save message, a lead id; or, given choices, a pick (a node, a kind, an edge) filtered
/// fuzzily as you type, with Tab completing to the highlighted choice and up/down moving it.
/// Enter submits the text (unless `check` says it will not do) or the highlighted choice's value;
/// Esc cancels. A suggested answer (`text`) starts selected: typing replaces it, an arrow keeps it.
struct Prompt: Sendable, Hashable {
    /// Something to pick: `value` is the answer, `text` what is shown and completed to.
    struct Choice: Sendable, Hashable {
        var value: String
        var text: String
        var detail: String = ""
    }

    enum Outcome: Sendable, Hashable {
        case editing
        case cancelled
        /// The text typed (trimmed), or the chosen value when the prompt offers choices.
        case submitted(String)
    }

    var title: String
    /// Written before the field; may be empty.
    var label: String
    var input: TextInputState
    /// A line under the field: what will happen, or why the text will not do.
    var note: String
    /// Checks typed text on Enter: `nil` when it will do, else the reason shown as the note.
    var check: @Sendable (String) -> String?
    /// When set, the note follows the text as it is typed (the id a name gives).
    var preview: (@Sendable (String) -> String)?
    var problem: String?
    /// `nil`: free text. Otherwise the answer is one of these (an empty list matches nothing).
    var choices: [Choice]?
    var highlighted = 0

    /// Nothing typed will do: ask for something.
    static let notEmpty: @Sendable (String) -> String? = { $0.isEmpty ? "type something first" : nil }
    /// Any text will do, even none (an optional message).
    static let anything: @Sendable (String) -> String? = { _ in nil }

    init(
        title: String, label: String = "", text: String = "", note: String = "",
        preview: (@Sendable (String) -> String)? = nil,
        check: @escaping @Sendable (String) -> String? = Prompt.notEmpty
    ) {
        self.preview = preview
        self.title = title
        self.label = label
        // A suggested answer is selected: the first character typed replaces it.
        self.input = TextInputState(text: text, selected: true)
        self.note = note
        self.check = check
        self.problem = nil
        self.choices = nil
    }

    /// A pick among `choices`, filtered by what is typed.
    init(title: String, choices: [Choice]) {
        self.init(title: title, check: Prompt.anything)
        self.choices = choices
    }

    static func == (a: Prompt, b: Prompt) -> Bool {
        a.title == b.title && a.label == b.label && a.input == b.input && a.note == b.note
            && a.problem == b.problem && a.choices == b.choices && a.highlighted == b.highlighted
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(title)
        hasher.combine(input)
    }

    var text: String { input.text.trimmingCharacters(in: .whitespaces) }

    /// Choices matching the text, best first (none for free text).
    var matches: [Choice] {
        guard let choices else { return [] }
        let query = input.text
        guard !query.isEmpty else { return choices }
        return FuzzyMatch.rank(query, choices.map { "\($0.text) \($0.detail)" }).map { choices[$0.index] }
    }

    mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape: return .cancelled
        case .enter where choices != nil:
            let found = matches
            return found.indices.contains(highlighted) ? .submitted(found[highlighted].value) : .editing
        case .enter:
            problem = check(text)
            return problem == nil ? .submitted(text) : .editing
        case .tab where choices != nil:
            let found = matches
            if found.indices.contains(highlighted) { input = TextInputState(text: found[highlighted].text) }
            highlighted = 0
        case .down where choices != nil, .ctrl("n") where choices != nil:
            highlighted = min(max(0, matches.count - 1), highlighted + 1)
        case .up where choices != nil, .ctrl("p") where choices != nil:
            highlighted = max(0, highlighted - 1)
        default:
            if input.handle(key) {
                highlighted = 0
                problem = nil
            }
        }
        return .editing
    }

    /// The keys the prompt answers, for the box's footer and the status bar.
    var keyHints: [KeyHint] {
        guard choices != nil else {
            return [KeyHint(keys: "enter", help: "ok"), KeyHint(keys: "esc", help: "cancel")]
        }
        return [
            KeyHint(keys: "enter", help: "choose"), KeyHint(keys: "tab", help: "complete"),
            KeyHint(keys: "esc", help: "cancel"),
        ]
    }

    /// The most choices shown at once; the list scrolls to keep the highlighted one in view.
    static let visibleChoices = 8

    /// The box, centred in `area`: title, the field, then the choices or the note, and the keys.
    func render(in area: Rect, frame: inout Frame) {
        let bodyRows = choices == nil ? 2 : min(Self.visibleChoices, max(1, matches.count))
        let width = max(20, min(area.width - 4, 64))
        let box = area.centered(Size(width: width, height: min(area.height, bodyRows + 4)))
        let footer = keyHints.map { "\($0.keys) \($0.help)" }.joined(separator: " · ")
        let block = Block(title: title, footer: footer, focused: true, background: .panel)
        frame.render(block, in: box)
        let inner = block.inner(box).inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        let labelWidth = label.isEmpty ? 0 : DisplayWidth.of(label) + 1
        _ = frame.write(label, at: inner.origin, style: frame.theme[.text], clip: inner)
        let field = Rect(
            x: inner.x + labelWidth, y: inner.y, width: max(1, inner.width - labelWidth), height: 1)
        frame.render(TextInput(input, placeholder: choices == nil ? "" : "type to filter"), in: field)
        let body = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: max(0, inner.height - 2))
        if choices == nil {
            let (line, role): (String, ThemeRole) =
                problem.map { ($0, .error) } ?? (preview?(text) ?? note, .muted)
            frame.render(Paragraph(line, role: role), in: body)
        } else {
            renderChoices(in: body, frame: &frame)
        }
    }

    private func renderChoices(in body: Rect, frame: inout Frame) {
        let found = matches
        guard !found.isEmpty else {
            frame.write("no match", at: body.origin, style: frame.theme[.muted], clip: body)
            return
        }
        let first = max(0, highlighted - (body.height - 1))
        for (offset, choice) in found.dropFirst(first).prefix(body.height).enumerated() {
            let row = body.row(offset)
            let selected = first + offset == highlighted
            let style = selected ? frame.theme[.selection] : frame.theme[.text]
            if selected { frame.buffer.fill(row, with: style) }
            let used = frame.write(choice.text, at: row.origin, style: style, clip: row)
            if !choice.detail.isEmpty {
                frame.write(
                    "  " + choice.detail, at: Point(x: row.x + used, y: row.y),
                    style: style.patched(with: frame.theme[.muted]), clip: row)
            }
        }
    }
}
