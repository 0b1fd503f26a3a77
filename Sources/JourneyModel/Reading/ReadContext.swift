import Yams

/// Shared state while turning a YAML tree into a journey: the file name for locations,
/// the diagnostics found so far and the source map being filled.
final class ReadContext {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    var sourceMap: SourceMap

    init(file: String) {
        self.file = file
        self.sourceMap = SourceMap(file: file)
    }

    func location(_ node: Node) -> SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    func error(_ message: String, at node: Node, nodeID: String? = nil) {
        diagnostics.append(Diagnostic(.error, message, at: location(node), node: nodeID))
    }

    func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    func record(_ path: String, _ node: Node) {
        sourceMap.record(path, location(node))
    }

    /// The node as a mapping whose keys are all among `allowed`, or nil (with an error).
    /// Unknown keys are reported with a suggestion; duplicate keys were refused by the parser.
    func fields(
        _ node: Node, _ what: String, allowed: [String], path: String, nodeID: String? = nil
    ) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error("expected a mapping for \(what), found \(describe(node))", at: node, nodeID: nodeID)
            return nil
        }
        record(path, node)
        var fields = Fields(node: node, path: path, nodeID: nodeID)
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                error("expected a plain key in \(what), found \(describe(key))", at: key, nodeID: nodeID)
                continue
            }
            let name = scalar.string
            guard allowed.contains(name) else {
                error(
                    "unknown key '\(name)' in \(what)\(Suggestion.hint(for: name, among: allowed))", at: key,
                    nodeID: nodeID)
                continue
            }
            fields.values[name] = (key, value)
            record(SourcePath.child(path, name), value)
        }
        return fields
    }

    // MARK: - Typed values

    /// A scalar read as text, whatever YAML would resolve it to: `08:00`, `2d`, `yes` stay text.
    func text(_ fields: Fields, _ key: String, required: Bool = false, what: String? = nil) -> String? {
        guard let value = present(fields, key, required: required, what: what) else { return nil }
        guard case .scalar(let scalar) = value, !isNull(scalar) else {
            error("expected text for '\(key)', found \(describe(value))", at: value, nodeID: fields.nodeID)
            return nil
        }
        return scalar.string
    }

    func integer(
        _ fields: Fields, _ key: String, required: Bool = false, minimum: Int? = nil, maximum: Int? = nil
    ) -> Int? {
        guard let value = present(fields, key, required: required) else { return nil }
        guard case .scalar(let scalar) = value, scalar.style == .plain, let n = Int(scalar.string) else {
            error(
                "expected a whole number for '\(key)', found \(describe(value))", at: value,
                nodeID: fields.nodeID)
            return nil
        }
        if let minimum, n < minimum {
            error("'\(key)' must be at least \(minimum), found \(n)", at: value, nodeID: fields.nodeID)
            return nil
        }
        if let maximum, n > maximum {
            error("'\(key)' must be at most \(maximum), found \(n)", at: value, nodeID: fields.nodeID)
            return nil
        }
        return n
    }

    func number(_ fields: Fields, _ key: String, required: Bool = false) -> Double? {
        guard let value = present(fields, key, required: required) else { return nil }
        guard case .number(let n) = self.value(value) else {
            error(
                "expected a number for '\(key)', found \(describe(value))", at: value, nodeID: fields.nodeID)
            return nil
        }
        return n
    }

    func duration(_ fields: Fields, _ key: String, required: Bool = false, what: String? = nil)
        -> JourneyDuration?
    {
        guard let value = present(fields, key, required: required, what: what) else { return nil }
        guard case .scalar(let scalar) = value, let duration = JourneyDuration(parsing: scalar.string) else {
            error(
                "bad duration \(describe(value)) for '\(key)' (expected a number and a unit: 30m, 2h, 3d, 1w)",
                at: value, nodeID: fields.nodeID)
            return nil
        }
        return duration
    }

    /// A duration that must be at least `minimum`; a shorter one is reported and read as nil.
    func duration(_ fields: Fields, _ key: String, minimum: JourneyDuration) -> JourneyDuration? {
        guard let duration = duration(fields, key) else { return nil }
        guard duration >= minimum else {
            let written = fields[key]?.scalar?.string ?? duration.description
            errorAt(fields, key, "'\(key)' must be at least \(minimum), found \(written)")
            return nil
        }
        return duration
    }

    func timeOfDay(_ fields: Fields, _ key: String, required: Bool = false) -> TimeOfDay? {
        guard let value = present(fields, key, required: required) else { return nil }
        guard case .scalar(let scalar) = value, let time = TimeOfDay(parsing: scalar.string) else {
            error(
                "bad time \(describe(value)) for '\(key)' (expected HH:MM, 00:00 to 23:59)", at: value,
                nodeID: fields.nodeID)
            return nil
        }
        return time
    }

    func channel(_ fields: Fields, _ key: String, required: Bool = false) -> Channel? {
        guard let name = text(fields, key, required: required) else { return nil }
        guard let channel = Channel(rawValue: name) else {
            errorAt(fields, key, "unknown channel '\(name)'" + Self.channelHint(name, allowBest: false))
            return nil
        }
        return channel
    }

    static func channelHint(_ name: String, allowBest: Bool) -> String {
        let names = Channel.allCases.map(\.rawValue) + (allowBest ? ["best"] : [])
        if let close = Suggestion.closest(to: name, among: names) { return " (did you mean '\(close)'?)" }
        return " (expected \(names.dropLast().joined(separator: ", ")) or \(names.last ?? ""))"
    }

    /// One of a fixed set of words, with a suggestion when it is a typo.
    func choice<T: RawRepresentable & CaseIterable>(
        _ fields: Fields, _ key: String, _ type: T.Type, what: String, required: Bool = false
    ) -> T? where T.RawValue == String {
        guard let name = text(fields, key, required: required) else { return nil }
        guard let choice = T(rawValue: name) else {
            let names = T.allCases.map(\.rawValue)
            errorAt(fields, key, "unknown \(what) '\(name)'\(Suggestion.hint(for: name, among: names))")
            return nil
        }
        return choice
    }

    func textList(_ fields: Fields, _ key: String) -> [String]? {
        guard let value = fields.values[key]?.value else { return nil }
        let items: [Node]
        switch value {
        case .sequence(let s): items = Array(s)
        case .scalar: items = [value]
        default:
            error(
                "expected a list of names for '\(key)', found \(describe(value))", at: value,
                nodeID: fields.nodeID)
            return nil
        }
        var names: [String] = []
        for item in items {
            guard case .scalar(let s) = item else {
                error("expected a name in '\(key)', found \(describe(item))", at: item, nodeID: fields.nodeID)
                return nil
            }
            names.append(s.string)
        }
        return names
    }

    func errorAt(_ fields: Fields, _ key: String, _ message: String) {
        error(message, at: fields.values[key]?.value ?? fields.node, nodeID: fields.nodeID)
    }

    /// The value under `key`; reports a missing required key at the mapping.
    func present(_ fields: Fields, _ key: String, required: Bool, what: String? = nil) -> Node? {
        if let value = fields.values[key]?.value { return value }
        if required {
            error("missing '\(key)'\(what.map { " in \($0)" } ?? "")", at: fields.node, nodeID: fields.nodeID)
        }
        return nil
    }

    // MARK: - Values

    /// A YAML value as a lead value, resolving plain scalars by the YAML 1.2 core schema
    /// (so `yes` and `21:00` stay text, unlike YAML 1.1).
    func value(_ node: Node) -> Value {
        switch node {
        case .scalar(let scalar):
            guard scalar.style == .plain else { return .string(scalar.string) }
            return Self.plainValue(scalar.string)
        case .sequence(let items): return .list(items.map(value))
        case .mapping, .alias: return .null
        }
    }

    /// A value a lead can hold: text, a number, true/false, null or a list of those.
    /// A mapping anywhere inside is an error (nil), not silently turned into text.
    func leadValue(_ node: Node, key: String, nodeID: String?) -> Value? {
        var mappings: [Node] = []
        var stack = [node]
        while let next = stack.popLast() {
            switch next {
            case .mapping: mappings.append(next)
            case .sequence(let items): stack.append(contentsOf: items)
            default: break
            }
        }
        if let mapping = mappings.first {
            error(
                "expected a value for '\(key)' (text, a number, true/false or a list), found a mapping",
                at: mapping,
                nodeID: nodeID)
            return nil
        }
        return value(node)
    }

    static func plainValue(_ text: String) -> Value {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default:
            if let n = Double(text),
                text.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true,
                n.isFinite
            {
                return .number(n)
            }
            return .string(text)
        }
    }

    func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && Self.plainValue(scalar.string) == .null
    }

    /// How a node reads in a message: "a list", "a mapping", "'abc'".
    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s):
            if isNull(s) { return "nothing" }
            return "'\(s.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

/// The keys of one YAML mapping, checked against what is allowed there.
struct Fields {
    let node: Node
    let path: String
    let nodeID: String?
    var values: [String: (key: Node, value: Node)] = [:]

    init(node: Node, path: String, nodeID: String?) {
        self.node = node
        self.path = path
        self.nodeID = nodeID
    }

    subscript(key: String) -> Node? { values[key]?.value }

    func path(_ key: String) -> String { SourcePath.child(path, key) }
}
