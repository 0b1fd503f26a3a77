import TerminalUI

/// A question the canvas asks in a small box: a line of text, and (for picks) the choices that
/// match it, fuzzily, best first. Jumping to a node, picking a kind, a target or a way out,
/// a save message and a lead id all use it.
struct CanvasPrompt: Sendable, Hashable {
    struct Choice: Sendable, Hashable {
        /// What choosing it answers (a node id, a kind, a slot index).
        var value: String
        var text: String
        var detail: String = ""
    }

    enum Outcome: Sendable, Hashable {
        case open
        case cancelled
        /// The chosen value, or the text typed when the prompt takes free text.
        case answered(String)
    }

    var title: String
    var input = TextInputState()
    var choices: [Choice] = []
    /// Free text (a message, a lead id) rather than one of `choices`.
    var freeText = false
    var highlighted = 0

    /// Choices matching the text, best first.
    var matches: [Choice] {
        let query = input.text
        guard !query.isEmpty else { return choices }
        return FuzzyMatch.rank(query, choices.map { "\($0.text) \($0.detail)" }).map { choices[$0.index] }
    }

    mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .escape: return .cancelled
        case .enter:
            if freeText { return .answered(input.text) }
            let found = matches
            guard found.indices.contains(highlighted) else { return .open }
            return .answered(found[highlighted].value)
        case .tab:
            // Completes the text to the highlighted choice.
            let found = matches
            if found.indices.contains(highlighted) { input = TextInputState(text: found[highlighted].text) }
            highlighted = 0
            return .open
        case .down, .ctrl("n"):
            highlighted = min(max(0, matches.count - 1), highlighted + 1)
            return .open
        case .up, .ctrl("p"):
            highlighted = max(0, highlighted - 1)
            return .open
        default:
            if input.handle(key) { highlighted = 0 }
            return .open
        }
    }

    /// The box: title, the input, and as many choices as fit.
    func render(in area: Rect, frame: inout Frame) {
        let rows = freeText ? 1 : min(8, max(1, matches.count))
        let width = min(area.width, 56)
        let rect = area.centered(Size(width: width, height: min(area.height, rows + 4)))
        let block = Block(title: title, focused: true, background: .panel)
        frame.render(block, in: rect)
        let inner = block.inner(rect).inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        frame.render(TextInput(input, placeholder: freeText ? "" : "type to filter"), in: inner.row(0))
        guard !freeText else { return }
        let found = matches
        let first = max(0, highlighted - (rows - 1))
        for (offset, choice) in found.dropFirst(first).prefix(rows).enumerated() {
            let row = inner.row(2 + offset)
            guard row.y < inner.maxY else { break }
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
        if found.isEmpty {
            frame.write("no match", at: inner.row(2).origin, style: frame.theme[.muted], clip: inner)
        }
    }
}
