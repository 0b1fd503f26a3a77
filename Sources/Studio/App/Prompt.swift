import Foundation
import TerminalUI

/// A one-line question in a box: a journey's name, a file path, a save message, a lead id.
/// Enter submits (unless `problem` says the text will not do), Esc cancels.
struct Prompt: Sendable, Hashable {
    enum Outcome: Sendable, Hashable {
        case editing
        case cancelled
        case submitted(String)
    }

    var title: String
    var label: String
    var input: TextInputState
    /// A line under the field: what will happen, or why the text will not do.
    var note: String
    /// Checks the text as it is typed: `nil` when it will do, else the reason shown as the note.
    var check: @Sendable (String) -> String?
    var problem: String?

    init(
        title: String, label: String, text: String = "", note: String = "",
        check: @escaping @Sendable (String) -> String? = { $0.isEmpty ? "type something first" : nil }
    ) {
        self.title = title
        self.label = label
        self.input = TextInputState(text: text)
        self.note = note
        self.check = check
        self.problem = nil
    }

    static func == (a: Prompt, b: Prompt) -> Bool {
        a.title == b.title && a.label == b.label && a.input == b.input && a.note == b.note
            && a.problem == b.problem
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(title)
        hasher.combine(input)
    }

    var text: String { input.text.trimmingCharacters(in: .whitespaces) }

    mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape: return .cancelled
        case .enter:
            problem = check(text)
            return problem == nil ? .submitted(text) : .editing
        default:
            _ = input.handle(key)
            problem = nil
            return .editing
        }
    }

    func render(in area: Rect, frame: inout Frame) {
        let width = min(area.width - 4, 64)
        let box = area.centered(Size(width: max(20, width), height: 6))
        let block = Block(title: title, footer: "enter ok · esc cancel", focused: true, background: .panel)
        frame.render(block, in: box)
        let inner = block.inner(box).inset(left: 1, right: 1)
        let labelWidth = DisplayWidth.of(label) + 1
        _ = frame.write(label, at: Point(x: inner.x, y: inner.y), style: frame.theme[.text], clip: inner)
        let field = Rect(
            x: inner.x + labelWidth, y: inner.y, width: max(1, inner.width - labelWidth), height: 1)
        frame.render(TextInput(input), in: field)
        let (line, role): (String, ThemeRole) = problem.map { ($0, .error) } ?? (note, .muted)
        frame.render(
            Paragraph(line, role: role), in: Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: 2))
    }
}
