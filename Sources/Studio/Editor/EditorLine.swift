import TerminalUI

/// One line of the node editor: a label and the cells typed or chosen on it, each a toolkit
/// `FormField` whose `label` is the cell's key (`template`, `next`, `cap.sms.day`, `op`).
/// Errors show under the line. The editor is a list of these, so forms, split paths and the
/// rows of a condition tree all move, scroll and take focus alike.
struct EditorLine: Sendable, Hashable {
    enum Role: Sendable, Hashable {
        /// Named fields; each cell's key names what it edits.
        case fields
        /// A split path: name, weight, next.
        case path
        /// The heading of the condition named by the key, showing it as text; it takes the
        /// focus only while the condition has no rows (so a first row can be added).
        case conditionHeading(String)
        /// A group row (one cell: all / any / not) of the condition named by the key.
        case group(String)
        /// A leaf row: type, field, operator, value, within, since.
        case leaf(String)
        /// The weekday checkboxes of a wait window.
        case days
        /// A heading over related lines (a handoff rule), named by the prefix of their keys.
        case heading(String)
    }

    var role: Role
    var label: String
    /// Nesting of a condition row: 0 for the root.
    var depth = 0
    var cells: [FormField]
    /// Problems with the line as a whole (a condition leaf's rules, an empty group).
    var errors: [String] = []

    init(_ role: Role, _ label: String, depth: Int = 0, cells: [FormField]) {
        self.role = role
        self.label = label
        self.depth = depth
        self.cells = cells
    }

    /// The condition this line belongs to, if any.
    var conditionKey: String? {
        switch role {
        case .conditionHeading(let key), .group(let key), .leaf(let key): return key
        default: return nil
        }
    }

    var isConditionRow: Bool {
        switch role {
        case .group, .leaf: return true
        default: return false
        }
    }

    /// Every message to show under the line: the cells' errors, then the line's own.
    var messages: [String] {
        cells.compactMap(\.error) + errors
    }

    mutating func clearErrors() {
        errors = []
        for index in cells.indices { cells[index].error = nil }
    }

    func cell(_ key: String) -> FormField? {
        cells.first { $0.label == key }
    }

    func index(of key: String) -> Int? {
        cells.firstIndex { $0.label == key }
    }

    // MARK: - Building lines

    static func text(_ key: String, _ text: String, placeholder: String = "") -> FormField {
        FormField(key, value: .text(TextInputState(text: text)), placeholder: placeholder)
    }

    static func choice(_ key: String, _ options: [String], _ selected: String, placeholder: String = "")
        -> FormField
    {
        var options = options
        // A value outside the usual options (an unknown target of an invalid journey) stays.
        if !options.contains(selected) { options.append(selected) }
        let index = options.firstIndex(of: selected) ?? 0
        return FormField(
            key, value: .choice(SelectState(options: options, selected: index)), placeholder: placeholder)
    }

    static func field(_ label: String, _ cells: FormField...) -> EditorLine {
        EditorLine(.fields, label, cells: cells)
    }
}

extension FormField {
    /// The text of a text cell, the chosen option of a choice, "true"/"false" for a toggle.
    var content: String {
        switch value {
        case .text(let state): return state.text
        case .choice(let state): return state.value ?? ""
        case .toggle(let on): return on ? "true" : "false"
        }
    }

    var isChoice: Bool {
        if case .choice = value { return true }
        return false
    }

    var isOpenChoice: Bool {
        if case .choice(let state) = value { return state.isOpen }
        return false
    }

    mutating func setText(_ text: String) {
        if case .text(var state) = value {
            state.text = text
            value = .text(state)
        }
    }

    mutating func setOptions(_ options: [String], keeping fallback: String) {
        guard case .choice(let state) = value, state.options != options else { return }
        let current = state.value ?? fallback
        let chosen = options.contains(current) ? current : (options.first ?? fallback)
        value = .choice(SelectState(options: options, selected: options.firstIndex(of: chosen) ?? 0))
    }
}

/// The option a choice shows for "none".
let noneOption = "(none)"
