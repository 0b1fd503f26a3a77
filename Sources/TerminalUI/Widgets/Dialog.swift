/// A centred modal box with a message and a row of buttons; the area behind
/// it is left as it was, so the screen underneath stays recognisable.
public struct Dialog: Widget {
    public var title: String
    public var message: String
    public var buttons: [String]
    public var selectedButton: Int
    public var role: ThemeRole

    public init(
        title: String, message: String, buttons: [String] = ["OK"], selectedButton: Int = 0,
        role: ThemeRole = .text
    ) {
        self.title = title
        self.message = message
        self.buttons = buttons
        self.selectedButton = selectedButton
        self.role = role
    }

    /// The rectangle the dialog occupies inside `area`.
    public func box(in area: Rect) -> Rect {
        let width = min(area.width, max(30, min(60, DisplayWidth.of(message) + 4)))
        let lines = TextMeasure.wrap(message, width: max(1, width - 4)).count
        return area.centered(Size(width: width, height: lines + 4))
    }

    public func render(in area: Rect, frame: inout Frame) {
        let rect = box(in: area)
        guard rect.width >= 6, rect.height >= 4 else { return }
        let block = Block(title: title, focused: true, background: .panel)
        block.render(in: rect, frame: &frame)
        let inner = block.inner(rect).inset(left: 1, right: 1)
        Paragraph(message, role: role).render(in: inner.inset(bottom: 2), frame: &frame)
        // Buttons right-aligned on the last inner row, the selected one highlighted.
        let labels = buttons.map { "[ \($0) ]" }
        var x = inner.maxX - labels.reduce(0) { $0 + DisplayWidth.of($1) + 1 } + 1
        let y = inner.maxY - 1
        for (index, label) in labels.enumerated() {
            let style = index == selectedButton ? frame.theme[.selection] : frame.theme[.text]
            x += frame.buffer.write(label, x: max(inner.x, x), y: y, style: style, clip: inner) + 1
        }
    }
}

/// A yes/no question whose default answer is No, so a stray Enter never
/// destroys anything.
public struct ConfirmState: Hashable, Sendable {
    public enum Outcome: Hashable, Sendable {
        case confirmed, cancelled
    }

    public var title: String
    public var question: String
    public var yesLabel: String
    public var noLabel: String
    public private(set) var yesSelected: Bool = false

    public init(title: String = "Confirm", question: String, yes: String = "Yes", no: String = "No") {
        self.title = title
        self.question = question
        self.yesLabel = yes
        self.noLabel = no
    }

    /// y/n answer at once; arrows and tab move; Enter takes the selected
    /// button; Esc cancels. `nil` while the question is still open.
    public mutating func handle(_ key: Key) -> Outcome? {
        switch key.code {
        case .character("y"), .character("Y"): return .confirmed
        case .character("n"), .character("N"), .escape: return .cancelled
        case .left, .right, .tab, .backTab, .character("h"), .character("l"):
            yesSelected.toggle()
            return nil
        case .enter: return yesSelected ? .confirmed : .cancelled
        default: return nil
        }
    }

    public var dialog: Dialog {
        Dialog(
            title: title, message: question, buttons: [noLabel, yesLabel], selectedButton: yesSelected ? 1 : 0
        )
    }
}
