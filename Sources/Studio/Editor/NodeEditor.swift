import JourneyModel
import TerminalUI

/// What the node editor edits: one node, or the journey's entry, goal or policy.
enum EditTarget: Sendable, Hashable {
    case node(String)
    case entry
    case goal
    case policy
}

/// Where the focus is: a line, and a cell on it (0 for a condition heading, which has none).
struct EditorFocus: Sendable, Hashable {
    var line: Int
    var cell: Int
}

/// The node editor: a form per node kind (and for the entry, goal and policy), with the
/// condition builder. The canvas owns one while it is open and gives it every key.
///
/// Fields read with the journey language's own parsers as they are typed; problems show under
/// their line, the validator's new complaints at the bottom, and applying is refused until
/// none is left. Applying returns the whole journey with the edit.
struct NodeEditor: Sendable {
    enum Outcome: Sendable {
        /// Still editing.
        case editing
        /// Left without changes.
        case cancelled
        /// Applied: the journey with the edit.
        case saved(Journey)
    }

    /// The journey as it was when the editor opened.
    var journey: Journey
    var target: EditTarget
    var completions: FieldCompletions
    var lines: [EditorLine]
    var focus = EditorFocus(line: 0, cell: 0)
    /// "Discard your changes?" while Esc is being confirmed.
    var confirm: ConfirmState?
    /// Why the last apply was refused, or what a key could not do.
    var message: String?
    /// Errors the validator finds in the edited journey that the journey did not have before.
    var problems: [String] = []
    /// The journey with the edit, while every field reads.
    var edited: Journey?
    /// The shape choices (action type, wait form, ...) the form is laid out for.
    private var overrides: [String: String] = [:]
    private let errorsBefore: Set<String>

    init(journey: Journey, target: EditTarget, completions: FieldCompletions) {
        self.journey = journey
        self.target = target
        self.completions = completions
        self.lines = EditorForms.lines(target, in: journey, completions: completions)
        self.errorsBefore = Set(JourneyValidator.validate(journey).errors.map(\.message))
        // A node's form starts below its id (renaming is rare: Shift-Tab or Up reaches it).
        focus =
            stops.first { lines[$0.line].cell("id") == nil } ?? stops.first ?? EditorFocus(line: 0, cell: 0)
        refresh()
    }

    // MARK: - Keys

    static let apply = Key.ctrl("s")
    static let addRow = Key.ctrl("n")
    static let addGroup = Key.ctrl("g")
    static let wrapNot = Key.ctrl("o")
    static let delete = Key.ctrl("x")
    static let addItem = Key.ctrl("b")

    static let keys = KeyMap<Key>([
        // F2 too: a terminal with flow control on (IXON) swallows ctrl+s as "stop output".
        KeyBinding(
            [apply, Key(.function(2))], apply, help: "apply",
            longHelp: "Apply the edit to the journey (refused while a field has an error)", group: "Editor",
            statusBar: true),
        KeyBinding(
            [.escape], .escape, help: "cancel",
            longHelp: "Close the editor; asks first when there are changes",
            group: "Editor", statusBar: true),
        KeyBinding(
            [.tab], .tab, help: "next field",
            longHelp: "Next field; in a field or event name, complete it from the cohorts first",
            group: "Fields"),
        KeyBinding([.backTab], .backTab, help: "previous field", longHelp: "Previous field", group: "Fields"),
        KeyBinding(
            [.down], .down, help: "next line", longHelp: "Next line (in an open choice: next option)",
            group: "Fields", palette: false),
        KeyBinding(
            [.up], .up, help: "previous line", longHelp: "Previous line (in an open choice: previous option)",
            group: "Fields", palette: false),
        KeyBinding(
            [.enter], .enter, help: "choose",
            longHelp:
                "Open a choice or take the highlighted option (left/right cycle it); tick a day; in text, go on",
            group: "Fields", palette: false),
        TextFieldKeys.clear,
        KeyBinding(
            [addRow], addRow, help: "add row",
            longHelp: "Add a condition row next to this one (inside a group)",
            group: "Condition", statusBar: true),
        KeyBinding(
            [addGroup], addGroup, help: "add group", longHelp: "Add an all/any group with a first row",
            group: "Condition"),
        KeyBinding(
            [wrapNot], wrapNot, help: "wrap in not", longHelp: "Put this row (or group) inside a 'not'",
            group: "Condition"),
        KeyBinding(
            [delete], delete, help: "delete",
            longHelp:
                "Delete this condition row (and its group's rows), split path, decision branch or handoff rule",
            group: "Condition"),
        KeyBinding(
            [addItem], addItem, help: "add path/branch/rule",
            longHelp: "Add a split path, a decision branch or a policy handoff rule", group: "Condition"),
    ])
    static var keyTables: [KeyTable] { [KeyTable("Node editor", keys, takesEveryKey: true)] }

    mutating func handle(_ key: Key) -> Outcome {
        if var question = confirm {
            switch question.handle(key) {
            case .confirmed?:
                confirm = nil
                return .cancelled
            case .cancelled?: confirm = nil
            case nil: confirm = question
            }
            return .editing
        }
        guard !lines.isEmpty else { return key == .escape ? .cancelled : .editing }
        message = nil
        // An open list of options takes every key until it closes.
        if currentCell?.isOpenChoice == true {
            typeIntoCell(key)
            afterEdit()
            return .editing
        }
        switch Self.keys.action(for: key) {
        case Self.apply?: return save()
        case .escape?:
            guard hasChanges else { return .cancelled }
            confirm = ConfirmState(
                title: "Discard changes", question: "Discard your changes to \(subject)?", yes: "Discard",
                no: "Keep editing")
            return .editing
        case .tab?: if !complete() { moveFocus(by: 1) }
        case .backTab?: moveFocus(by: -1)
        case .down?: moveLine(by: 1)
        case .up?: moveLine(by: -1)
        case .enter?:
            if let cell = currentCell, !cell.isChoice, case .text = cell.value {
                moveFocus(by: 1)
            } else {
                typeIntoCell(key)
            }
        case Self.addRow?: addConditionRows(group: false)
        case Self.addGroup?: addConditionRows(group: true)
        case Self.wrapNot?: wrapInNot()
        case Self.delete?: deleteHere()
        case Self.addItem?: addItem()
        default: typeIntoCell(key)
        }
        afterEdit()
        return .editing
    }

    /// Focuses the field under a click (see `NodeEditorView.cell(at:in:)`).
    mutating func click(at point: Point, in area: Rect) {
        guard confirm == nil, let hit = NodeEditorView.focus(at: point, in: area, self) else { return }
        closeOpenChoice()
        focus = hit
    }

    // MARK: - State

    var subject: String {
        switch target {
        case .node(let id): return "'\(id)'"
        case .entry: return "the entry"
        case .goal: return "the goal"
        case .policy: return "the policy"
        }
    }

    var hasChanges: Bool { edited != journey }

    var hasErrors: Bool { edited == nil || !problems.isEmpty }

    var currentCell: FormField? {
        guard lines.indices.contains(focus.line), lines[focus.line].cells.indices.contains(focus.cell) else {
            return nil
        }
        return lines[focus.line].cells[focus.cell]
    }

    /// Every place the focus can be, in order: each cell, and the heading of an empty condition.
    var stops: [EditorFocus] {
        var stops: [EditorFocus] = []
        for (index, line) in lines.enumerated() {
            if case .conditionHeading(let key) = line.role {
                let hasRows =
                    lines.indices.contains(index + 1) && lines[index + 1].isConditionRow
                    && lines[index + 1].conditionKey == key
                if !hasRows { stops.append(EditorFocus(line: index, cell: 0)) }
            } else {
                stops += line.cells.indices.map { EditorFocus(line: index, cell: $0) }
            }
        }
        return stops
    }

    /// Reads the lines back: the edited journey, the problems on the lines and the validator's.
    mutating func refresh() {
        var build = EditorBuild(lines: lines, base: journey)
        edited = build.journey(for: target)
        lines = build.lines
        problems =
            edited.map { candidate in
                JourneyValidator.validate(candidate).errors.map(\.message).filter {
                    !errorsBefore.contains($0)
                }
            } ?? []
    }

    private mutating func save() -> Outcome {
        refresh()
        guard let candidate = edited else {
            let first = lines.flatMap(\.messages).first ?? "a field does not read"
            message = "Not applied: \(first)"
            return .editing
        }
        if let problem = problems.first {
            message = "Not applied: \(problem)"
            return .editing
        }
        // The saved journey must read back from its file form exactly as it is.
        let file = "\(journey.id).journey.yaml"
        let reread = JourneyReader.read(JourneyWriter.write(candidate), file: file)
        let readBefore = Set(
            JourneyReader.read(JourneyWriter.write(journey), file: file).diagnostics.errors.map(\.message))
        if let problem = reread.diagnostics.errors.first(where: { !readBefore.contains($0.message) }) {
            message = "Not applied: \(problem.message)"
            return .editing
        }
        return .saved(candidate)
    }

    // MARK: - Editing

    private mutating func typeIntoCell(_ key: Key) {
        guard lines.indices.contains(focus.line), lines[focus.line].cells.indices.contains(focus.cell) else {
            return
        }
        var cell = lines[focus.line].cells[focus.cell]
        switch cell.value {
        case .text(var state):
            if key != .up, key != .down {
                _ = state.handle(key)
                cell.value = .text(state)
            }
        case .choice(var state):
            _ = state.handle(key)
            cell.value = .choice(state)
        case .toggle(let on):
            if Checkbox.toggles(on: key) { cell.value = .toggle(!on) }
        }
        lines[focus.line].cells[focus.cell] = cell
    }

    private mutating func closeOpenChoice() {
        guard var cell = currentCell, case .choice(var state) = cell.value, state.isOpen else { return }
        _ = state.handle(.escape)
        cell.value = .choice(state)
        lines[focus.line].cells[focus.cell] = cell
    }

    /// After a key: lay the form out again if a shape choice changed, offer the operators that
    /// fit the focused row, and read everything back.
    private mutating func afterEdit() {
        var reshaped = false
        let laidOut = EditorForms.lines(target, in: journey, completions: completions, overrides: overrides)
        for key in EditorForms.shapeKeys {
            guard let cell = lines.lazy.compactMap({ $0.cell(key) }).first, !cell.isOpenChoice else {
                continue
            }
            if cell.content != laidOut.lazy.compactMap({ $0.cell(key) }).first?.content {
                overrides[key] = cell.content
                reshaped = true
            }
        }
        if reshaped { relayout() }
        if lines.indices.contains(focus.line) {
            ConditionRows.refreshOperators(&lines[focus.line], completions: completions)
        }
        refresh()
    }

    /// The form for the current shape choices, keeping what was typed in fields both share.
    private mutating func relayout() {
        let focusedKey = currentCell?.label
        let fresh = EditorForms.lines(target, in: journey, completions: completions, overrides: overrides)
        var merged: [EditorLine] = []
        var takenConditions: Set<String> = []
        for line in fresh {
            switch line.role {
            case .conditionHeading(let key):
                if let heading = lines.firstIndex(where: { $0.role == .conditionHeading(key) }) {
                    takenConditions.insert(key)
                    merged.append(lines[heading])
                    merged += ConditionRows.rows(key, lines).map { lines[$0] }
                } else {
                    merged.append(line)
                }
            case .group(let key), .leaf(let key):
                if !takenConditions.contains(key) { merged.append(line) }
            default:
                let keys = line.cells.map(\.label)
                if let old = lines.first(where: { $0.role == line.role && $0.cells.map(\.label) == keys }) {
                    var kept = line
                    kept.cells = old.cells
                    merged.append(kept)
                } else {
                    merged.append(line)
                }
            }
        }
        lines = merged
        if let focusedKey, let index = lines.firstIndex(where: { $0.cell(focusedKey) != nil }) {
            focus = EditorFocus(line: index, cell: lines[index].index(of: focusedKey) ?? 0)
        }
        clampFocus()
    }

    private mutating func clampFocus() {
        let stops = self.stops
        guard !stops.contains(focus) else { return }
        focus =
            stops.last { $0.line < focus.line || ($0.line == focus.line && $0.cell <= focus.cell) }
            ?? stops.first ?? EditorFocus(line: 0, cell: 0)
    }

    private mutating func moveFocus(by step: Int) {
        let stops = self.stops
        guard !stops.isEmpty else { return }
        let index = stops.firstIndex(of: focus) ?? 0
        focus = stops[(index + step + stops.count) % stops.count]
    }

    private mutating func moveLine(by step: Int) {
        let stops = self.stops
        let lineStops = stops.filter { step > 0 ? $0.line > focus.line : $0.line < focus.line }
        guard let line = (step > 0 ? lineStops.first : lineStops.last)?.line else { return }
        let onLine = stops.filter { $0.line == line }
        focus = onLine.last { $0.cell <= focus.cell } ?? onLine.first ?? focus
    }

    // MARK: - Completion

    /// The names the focused text cell completes from, if it names a field or an event.
    var completionNames: [String]? {
        guard let cell = currentCell, case .text = cell.value else { return nil }
        switch cell.label {
        case "field":
            guard let type = lines[focus.line].cell("type").flatMap({ ConditionType(rawValue: $0.content) })
            else {
                return nil
            }
            return completions.fields(for: type)
        case "trigger.event", "wait.event": return completions.eventTypes
        case "update.field": return completions.properties
        default: return nil
        }
    }

    /// What the focused cell's text could become: shown under it, and Tab takes them.
    var completionMatches: [String] {
        guard let names = completionNames, let text = currentCell?.content, !text.isEmpty,
            !names.contains(text)
        else { return [] }
        return FieldCompletions.matches(text, among: names)
    }

    /// Tab in a name being typed: extend it to what all matches share, else take the first.
    private mutating func complete() -> Bool {
        let matches = completionMatches
        guard let text = currentCell?.content, let first = matches.first else { return false }
        var shared = first
        for match in matches.dropFirst() {
            shared = String(zip(shared, match).prefix { $0 == $1 }.map(\.0))
        }
        lines[focus.line].cells[focus.cell].setText(shared.count > text.count ? shared : first)
        return true
    }

    // MARK: - Structure

    private mutating func addConditionRows(group: Bool) {
        guard let key = lines[focus.line].conditionKey else {
            message =
                "Move to a condition first: \(group ? "ctrl+g adds a group" : "ctrl+n adds a row") there"
            return
        }
        let leaf = ConditionRows.emptyLeaf(key: key, depth: group ? 1 : 0, completions: completions)
        let new = group ? [ConditionRows.group("all", key: key, depth: 0), leaf] : [leaf]
        let at = ConditionRows.insert(new, near: focus.line, key: key, &lines)
        focus = EditorFocus(line: at, cell: group ? 0 : 1)
    }

    private mutating func wrapInNot() {
        guard lines[focus.line].isConditionRow, let key = lines[focus.line].conditionKey else {
            message = "Move to a condition row first: ctrl+o wraps it in 'not'"
            return
        }
        ConditionRows.wrapInNot(focus.line, key: key, &lines)
        focus = EditorFocus(line: focus.line, cell: 0)
    }

    private mutating func deleteHere() {
        let line = lines[focus.line]
        if line.isConditionRow {
            ConditionRows.delete(focus.line, &lines)
        } else if line.role == .path {
            guard lines.filter({ $0.role == .path }).count > 1 else {
                message = "A split needs at least one path"
                return
            }
            lines.remove(at: focus.line)
        } else if let branch = itemIndex(prefix: "branch") {
            guard Set(lines.compactMap { $0.conditionKey }.filter { $0.hasPrefix("branch.") }).count > 1
            else {
                message = "A decision needs at least one branch"
                return
            }
            removeItem(prefix: "branch.\(branch).")
        } else if let rule = itemIndex(prefix: "rule") {
            removeItem(prefix: "rule.\(rule).")
            lines.removeAll { $0.role == .heading("rule.\(rule)") }
        } else {
            message = "Nothing to delete here: ctrl+x deletes a condition row, path, branch or rule"
            return
        }
        clampFocus()
    }

    /// N when the focused line belongs to `prefix.N` (a branch or a handoff rule).
    private func itemIndex(prefix: String) -> Int? {
        let line = lines[focus.line]
        let names = line.cells.map(\.label) + [line.conditionKey].compactMap { $0 }
        var all = names
        if case .heading(let name) = line.role { all.append(name + ".") }
        for name in all {
            let parts = name.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count >= 2, parts[0] == prefix, let n = Int(parts[1]) { return n }
        }
        return nil
    }

    private mutating func removeItem(prefix: String) {
        lines.removeAll { line in
            (line.conditionKey?.hasPrefix(prefix) ?? false)
                || line.cells.contains { $0.label.hasPrefix(prefix) }
        }
    }

    private mutating func addItem() {
        switch target {
        case .node(let id):
            switch journey.node(id)?.body {
            case .split?:
                let paths = lines.indices.filter { lines[$0].role == .path }
                let at = (paths.last ?? 0) + 1
                lines.insert(
                    EditorForms.newPath(
                        "path-\(paths.count + 1)",
                        next: paths.last.flatMap { lines[$0].cell("path.next")?.content },
                        in: journey), at: at)
                focus = EditorFocus(line: at, cell: 0)
            case .decision?:
                let next =
                    (EditorBuild(lines: lines, base: journey).indices(prefix: "branch", suffix: "then").max()
                        ?? -1) + 1
                let at = lines.firstIndex { $0.cell("else") != nil } ?? lines.count
                lines.insert(
                    contentsOf: EditorForms.newBranch(
                        next, then: EditorBuild(lines: lines, base: journey).target("else"), in: journey,
                        completions: completions), at: at)
                focus = EditorFocus(line: at, cell: 0)
            default:
                message = "ctrl+b adds a split path, a decision branch or a handoff rule"
            }
        case .policy:
            let next =
                (EditorBuild(lines: lines, base: journey).indices(prefix: "rule", suffix: "name").max() ?? -1)
                + 1
            let at = lines.count
            lines += EditorForms.newRule(next, in: journey, completions: completions)
            focus = EditorFocus(line: at + 1, cell: 0)
        default:
            message = "ctrl+b adds a split path, a decision branch or a handoff rule"
        }
    }

    func view(in area: Rect, frame: inout Frame) {
        NodeEditorView.render(self, in: area, frame: &frame)
    }
}
