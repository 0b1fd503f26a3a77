/// The editable value of one form field.
public enum FormValue: Hashable, Sendable {
    case text(TextInputState)
    case choice(SelectState)
    case toggle(Bool)
}

/// A labelled field with an optional inline error (set by the caller's validation).
public struct FormField: Hashable, Sendable {
    public var label: String
    public var value: FormValue
    public var error: String?
    public var placeholder: String

    public init(_ label: String, value: FormValue, placeholder: String = "", error: String? = nil) {
        self.label = label
        self.value = value
        self.placeholder = placeholder
        self.error = error
    }

    public var textValue: String? {
        if case .text(let state) = value { return state.text }
        return nil
    }
}

/// The fields of a form and which one has focus. Tab / shift+tab move focus
/// (down/up too, when the field does not use them); other keys go to the field.
public struct FormState: Hashable, Sendable {
    public var fields: [FormField]
    public var focus: Int

    public init(fields: [FormField], focus: Int = 0) {
        self.fields = fields
        self.focus = focus
    }

    public var hasErrors: Bool {
        fields.contains { $0.error != nil }
    }

    public mutating func focusNext() {
        guard !fields.isEmpty else { return }
        focus = (focus + 1) % fields.count
    }

    public mutating func focusPrevious() {
        guard !fields.isEmpty else { return }
        focus = (focus + fields.count - 1) % fields.count
    }

    /// Returns whether the key was used; Enter on a text field and Esc are left
    /// to the screen (submit, cancel).
    public mutating func handle(_ key: Key) -> Bool {
        guard fields.indices.contains(focus) else { return false }
        if key == .tab {
            focusNext()
            return true
        }
        if key == .backTab {
            focusPrevious()
            return true
        }
        var field = fields[focus]
        var used = false
        switch field.value {
        case .text(var state):
            // Up/down move between fields rather than through a field's history.
            if key != .up && key != .down {
                used = state.handle(key)
                field.value = .text(state)
            }
        case .choice(var state):
            used = state.handle(key)
            field.value = .choice(state)
        case .toggle(let on):
            if Checkbox.toggles(on: key) {
                field.value = .toggle(!on)
                used = true
            }
        }
        fields[focus] = field
        if !used && key == .down {
            focusNext()
            return true
        }
        if !used && key == .up {
            focusPrevious()
            return true
        }
        return used
    }
}

/// Labels on the left, fields on the right, each error in the error role on
/// the line under its field.
public struct Form: Widget {
    public var state: FormState
    public var labelWidth: Int?

    public init(_ state: FormState, labelWidth: Int? = nil) {
        self.state = state
        self.labelWidth = labelWidth
    }

    public func render(in area: Rect, frame: inout Frame) {
        guard !area.isEmpty else { return }
        let widestLabel = state.fields.map { DisplayWidth.of($0.label) }.max() ?? 0
        let labelColumns = min(labelWidth ?? widestLabel + 1, area.width / 2)
        var y = area.y
        var openSelect: (Select, Rect)?
        for (index, field) in state.fields.enumerated() {
            guard y < area.maxY else { break }
            let focused = index == state.focus
            let labelStyle = focused ? frame.theme[.focus] : frame.theme[.text]
            let labelRect = Rect(x: area.x, y: y, width: labelColumns, height: 1)
            frame.write(field.label, at: labelRect.origin, style: labelStyle, clip: labelRect)
            let fieldRect = Rect(
                x: area.x + labelColumns + 1, y: y, width: area.width - labelColumns - 1, height: 1)
            switch field.value {
            case .text(let text):
                TextInput(text, placeholder: field.placeholder, focused: focused).render(
                    in: fieldRect, frame: &frame)
            case .choice(let choice):
                let select = Select(choice, focused: focused)
                if choice.isOpen { openSelect = (select, fieldRect) }
                var closed = choice
                closed.isOpen = false
                Select(closed, focused: focused).render(in: fieldRect, frame: &frame)
            case .toggle(let on):
                Checkbox("", checked: on, focused: focused).render(in: fieldRect, frame: &frame)
            }
            y += 1
            if let error = field.error, y < area.maxY {
                let errorRect = Rect(x: fieldRect.x, y: y, width: fieldRect.width, height: 1)
                frame.write(error, at: errorRect.origin, style: frame.theme[.error], clip: errorRect)
                y += 1
            }
        }
        // An open dropdown is drawn last so it lies over the fields below it.
        if let (select, rect) = openSelect {
            select.render(in: rect, frame: &frame)
        }
    }
}
