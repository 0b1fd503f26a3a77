import JourneyModel
import TerminalUI

/// A condition tree as editor lines: a heading, then its rows in pre-order, each with its
/// depth (a group row, then its items one deeper). Editing inserts, removes and re-indents
/// rows; reading the rows back rebuilds the tree, with the problems of each row on it.
enum ConditionRows {
    static let groupKinds = ["all", "any", "not"]
    static let sinceOptions = [noneOption] + WindowAnchor.allCases.map(\.rawValue)
    static let typeOptions = ConditionType.allCases.map(\.rawValue)

    /// The heading and rows of the condition `key` (no rows for none).
    static func lines(_ key: String, label: String, _ condition: Condition?, completions: FieldCompletions)
        -> [EditorLine]
    {
        var lines = [EditorLine(.conditionHeading(key), label, cells: [])]
        if let condition { append(condition, depth: 0, key: key, completions: completions, to: &lines) }
        return lines
    }

    private static func append(
        _ condition: Condition, depth: Int, key: String, completions: FieldCompletions,
        to lines: inout [EditorLine]
    ) {
        switch condition {
        case .all(let items), .any(let items):
            let kind = { if case .all = condition { return "all" } else { return "any" } }()
            lines.append(group(kind, key: key, depth: depth))
            for item in items {
                append(item, depth: depth + 1, key: key, completions: completions, to: &lines)
            }
        case .not(let inner):
            lines.append(group("not", key: key, depth: depth))
            append(inner, depth: depth + 1, key: key, completions: completions, to: &lines)
        case .leaf(let leaf):
            lines.append(self.leaf(leaf, key: key, depth: depth, completions: completions))
        }
    }

    static func group(_ kind: String, key: String, depth: Int) -> EditorLine {
        EditorLine(.group(key), "", depth: depth, cells: [EditorLine.choice("group", groupKinds, kind)])
    }

    static func leaf(_ leaf: ConditionLeaf, key: String, depth: Int, completions: FieldCompletions)
        -> EditorLine
    {
        let operators = OperatorChoices.operators(
            type: leaf.type, field: leaf.field, completions: completions)
        return EditorLine(
            .leaf(key), "", depth: depth,
            cells: [
                EditorLine.choice("type", typeOptions, leaf.type.rawValue),
                EditorLine.text("field", leaf.field, placeholder: "field"),
                EditorLine.choice("op", operators.map(\.rawValue), leaf.op.rawValue),
                EditorLine.text("value", leaf.value.map(ValueText.write) ?? "", placeholder: "value"),
                EditorLine.text("within", leaf.within?.description ?? "", placeholder: "any time"),
                EditorLine.choice("since", sinceOptions, leaf.since?.rawValue ?? noneOption),
            ])
    }

    static func emptyLeaf(key: String, depth: Int, completions: FieldCompletions) -> EditorLine {
        leaf(
            ConditionLeaf(type: .property, field: "", op: .equals), key: key, depth: depth,
            completions: completions)
    }

    /// Offers the operators that fit the row's type and field, keeping the chosen one if it fits.
    static func refreshOperators(_ line: inout EditorLine, completions: FieldCompletions) {
        guard case .leaf = line.role, let typeCell = line.cell("type"), let opIndex = line.index(of: "op"),
            let type = ConditionType(rawValue: typeCell.content)
        else { return }
        let field = line.cell("field")?.content ?? ""
        let offered = OperatorChoices.operators(type: type, field: field, completions: completions)
        var options = offered.map(\.rawValue)
        let current = line.cells[opIndex].content
        // An operator that no longer fits stays chosen until changed: its error says why.
        if !options.contains(current), !current.isEmpty { options.append(current) }
        line.cells[opIndex].setOptions(options, keeping: current)
    }

    // MARK: - Reading back

    /// The condition `key`'s rows (indices into `lines`) read as a tree; problems go onto the
    /// rows. `nil` with no rows, or when a row has a problem.
    static func read(_ key: String, in lines: inout [EditorLine]) -> (condition: Condition?, isEmpty: Bool) {
        let rows = lines.indices.filter { lines[$0].isConditionRow && lines[$0].conditionKey == key }
        guard !rows.isEmpty else { return (nil, true) }
        var position = 0
        var failed = false
        var roots: [Condition] = []
        while position < rows.count {
            if let condition = node(rows, &position, depth: lines[rows[position]].depth, &lines) {
                roots.append(condition)
            } else {
                failed = true
            }
        }
        guard !failed else { return (nil, false) }
        return (roots.count == 1 ? roots[0] : .all(roots), false)
    }

    private static func node(_ rows: [Int], _ position: inout Int, depth: Int, _ lines: inout [EditorLine])
        -> Condition?
    {
        let index = rows[position]
        position += 1
        if case .leaf = lines[index].role { return leafValue(&lines[index]).map(Condition.leaf) }
        let kind = lines[index].cell("group")?.content ?? "all"
        var items: [Condition] = []
        var failed = false
        while position < rows.count, lines[rows[position]].depth > depth {
            if let item = node(rows, &position, depth: lines[rows[position]].depth, &lines) {
                items.append(item)
            } else {
                failed = true
            }
        }
        let count = items.count + (failed ? 1 : 0)
        if kind == "not", count != 1 {
            lines[index].errors.append("'not' takes exactly one condition, found \(count)")
            return nil
        }
        if count == 0 {
            lines[index].errors.append("an '\(kind)' group needs at least one condition")
            return nil
        }
        guard !failed else { return nil }
        switch kind {
        case "not": return .not(items[0])
        case "any": return .any(items)
        default: return .all(items)
        }
    }

    /// The row's leaf, or nil with its problems on the cells (the reader's and
    /// `ConditionRules`' own messages).
    static func leafValue(_ line: inout EditorLine) -> ConditionLeaf? {
        func set(_ key: String, _ message: String) {
            guard let index = line.index(of: key) else { return line.errors.append(message) }
            if line.cells[index].error == nil { line.cells[index].error = message }
        }
        let typeText = line.cell("type")?.content ?? ""
        let field = (line.cell("field")?.content ?? "").trimmingCharacters(in: .whitespaces)
        let opText = line.cell("op")?.content ?? ""
        let valueText = line.cell("value")?.content ?? ""
        let withinText = (line.cell("within")?.content ?? "").trimmingCharacters(in: .whitespaces)
        let sinceText = line.cell("since")?.content ?? noneOption
        var failed = false
        if field.isEmpty {
            set("field", "'field' must not be empty")
            failed = true
        }
        var value: Value?
        if !valueText.trimmingCharacters(in: .whitespaces).isEmpty {
            switch ValueText.parse(valueText) {
            case .success(let parsed): value = parsed
            case .failure(let problem):
                set("value", problem.message)
                failed = true
            }
        }
        var within: JourneyDuration?
        if !withinText.isEmpty {
            within = EditorFieldText.duration(withinText, key: "within", problem: { set("within", $0) })
            if within == nil { failed = true }
        }
        guard let type = ConditionType(rawValue: typeText), let op = ConditionOperator(rawValue: opText),
            !failed
        else { return nil }
        let leaf = ConditionLeaf(
            type: type, field: field, op: op, value: value, within: within,
            since: WindowAnchor(rawValue: sinceText))
        let problems = ConditionRules.problems(leaf)
        for problem in problems {
            set(problem.key == "operator" ? "op" : problem.key, problem.message)
        }
        return problems.isEmpty ? leaf : nil
    }

    // MARK: - Editing

    /// The rows of the condition `key`: indices into `lines`, in order.
    static func rows(_ key: String, _ lines: [EditorLine]) -> [Int] {
        lines.indices.filter { lines[$0].isConditionRow && lines[$0].conditionKey == key }
    }

    /// Where the subtree of the row at `index` ends (exclusive).
    static func subtreeEnd(_ index: Int, _ lines: [EditorLine]) -> Int {
        var end = index + 1
        while end < lines.count, lines[end].isConditionRow,
            lines[end].conditionKey == lines[index].conditionKey,
            lines[end].depth > lines[index].depth
        {
            end += 1
        }
        return end
    }

    /// The group row holding the row at `index`, if any.
    static func parent(_ index: Int, _ lines: [EditorLine]) -> Int? {
        var cursor = index - 1
        while cursor >= 0, lines[cursor].isConditionRow {
            if lines[cursor].depth < lines[index].depth { return cursor }
            cursor -= 1
        }
        return nil
    }

    static func isNot(_ line: EditorLine) -> Bool {
        if case .group = line.role { return line.cell("group")?.content == "not" }
        return false
    }

    /// Inserts `new` (a row, or a group and its first row) next to the row at `focus` — inside
    /// it when it is an `all`/`any` group, else after it; a lone root row is first wrapped in
    /// an `all` group. Returns the index of the first inserted line.
    static func insert(_ new: [EditorLine], near focus: Int, key: String, _ lines: inout [EditorLine]) -> Int
    {
        var new = new
        if case .conditionHeading = lines[focus].role {
            let at = subtreeEndOfCondition(key, after: focus, lines)
            lines.insert(contentsOf: new, at: at)
            return at
        }
        if case .group = lines[focus].role, !isNot(lines[focus]) {
            shift(&new, to: lines[focus].depth + 1)
            let at = subtreeEnd(focus, lines)
            lines.insert(contentsOf: new, at: at)
            return at
        }
        // A sibling: never inside a `not` (it takes one condition), so climb out of those.
        var anchor = focus
        while let parent = parent(anchor, lines), isNot(lines[parent]) { anchor = parent }
        if lines[anchor].depth == 0 {
            // The root gets company: both go into an `all` group.
            let end = subtreeEnd(anchor, lines)
            for index in anchor..<end { lines[index].depth += 1 }
            lines.insert(group("all", key: key, depth: 0), at: anchor)
            anchor += 1
        }
        shift(&new, to: lines[anchor].depth)
        let at = subtreeEnd(anchor, lines)
        lines.insert(contentsOf: new, at: at)
        return at
    }

    private static func subtreeEndOfCondition(_ key: String, after heading: Int, _ lines: [EditorLine]) -> Int
    {
        var end = heading + 1
        while end < lines.count, lines[end].isConditionRow, lines[end].conditionKey == key { end += 1 }
        return end
    }

    private static func shift(_ new: inout [EditorLine], to depth: Int) {
        guard let base = new.first?.depth else { return }
        for index in new.indices { new[index].depth += depth - base }
    }

    /// Removes the row at `index` with everything inside it.
    static func delete(_ index: Int, _ lines: inout [EditorLine]) {
        lines.removeSubrange(index..<subtreeEnd(index, lines))
    }

    /// Puts the row at `index` (and its subtree) inside a new `not` group.
    static func wrapInNot(_ index: Int, key: String, _ lines: inout [EditorLine]) {
        let end = subtreeEnd(index, lines)
        for row in index..<end { lines[row].depth += 1 }
        lines.insert(group("not", key: key, depth: lines[index].depth - 1), at: index)
    }
}
