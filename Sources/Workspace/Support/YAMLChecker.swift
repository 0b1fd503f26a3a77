import Foundation
import JourneyModel
import YAMLSource
import Yams

/// Reads a small YAML file (a roster, a behaviour profile) and collects located diagnostics
/// the way the journey reader does: `file:line:col: error: message`, every problem at once.
final class YAMLChecker {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    var hasErrors: Bool { diagnostics.hasErrors }

    func location(_ node: Node?) -> SourceLocation {
        YAMLLoader.location(of: node, file: file)
    }

    func error(_ message: String, at node: Node?) {
        diagnostics.append(Diagnostic(.error, message, at: location(node)))
    }

    /// The document's root node through the one hardened loader, or nil with the reason recorded.
    func compose(_ text: String, expected: String) -> Node? {
        let kind = YAMLFileKind(
            tooLarge: "file is over 1 MiB; \(expected) is never that large",
            empty: "file is empty; expected \(expected)")
        switch YAMLLoader.load(text, file: file, kind: kind) {
        case .success(let root): return root
        case .failure(let error):
            diagnostics.append(Diagnostic(.error, error.message, at: error.location))
            return nil
        }
    }

    /// A mapping's entries in file order, with unknown keys reported (and a suggestion);
    /// `refused` explains keys someone might write that are deliberately not accepted.
    func mapping(_ node: Node?, what: String, allowed: [String], refused: [String: String] = [:]) -> Fields? {
        guard let node else { return nil }
        guard case .mapping(let mapping) = node else {
            error("\(what) must be a mapping", at: node)
            return nil
        }
        var fields = Fields(node: node)
        for (key, value) in mapping {
            guard let name = key.string else {
                error("keys in \(what) must be text", at: key)
                continue
            }
            if let reason = refused[name] {
                error("'\(name)' is not accepted in \(what): \(reason)", at: key)
                continue
            }
            if !allowed.isEmpty, !allowed.contains(name) {
                error(
                    "unknown key '\(name)' in \(what)\(Suggestion.hint(for: name, among: allowed)) "
                        + "(expected: \(allowed.joined(separator: ", ")))", at: key)
                continue
            }
            fields.entries.append((name, value, key))
        }
        return fields
    }

    func sequence(_ node: Node?, what: String) -> [Node]? {
        guard let node else { return nil }
        guard case .sequence(let items) = node else {
            error("\(what) must be a list", at: node)
            return nil
        }
        return Array(items)
    }

    func text(_ fields: Fields, _ key: String, what: String, required: Bool = false) -> String? {
        guard let node = fields[key] else {
            if required { error("missing '\(key)' in \(what)", at: fields.node) }
            return nil
        }
        guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
            error("'\(key)' in \(what) must be text", at: node)
            return nil
        }
        return scalar.string
    }

    func number(
        _ fields: Fields, _ key: String, what: String, required: Bool = false,
        range: ClosedRange<Double>? = nil
    ) -> Double? {
        guard let node = fields[key] else {
            if required { error("missing '\(key)' in \(what)", at: fields.node) }
            return nil
        }
        return number(node, what: "'\(key)' in \(what)", range: range)
    }

    func number(_ node: Node, what: String, range: ClosedRange<Double>? = nil) -> Double? {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Double(scalar.string),
            value.isFinite
        else {
            error("\(what) must be a number", at: node)
            return nil
        }
        if let range, !range.contains(value) {
            error(
                "\(what) must be between \(Value.number(range.lowerBound)) and \(Value.number(range.upperBound))",
                at: node)
            return nil
        }
        return value
    }

    /// `{ a: 3, b: 1 }`: names with non-negative weights, at least one positive.
    func weights(_ node: Node?, what: String, allowedNames: [String]? = nil) -> [(String, Double)]? {
        guard let fields = mapping(node, what: what, allowed: allowedNames ?? []) else { return nil }
        var result: [(String, Double)] = []
        for (name, value, _) in fields.entries {
            guard let weight = number(value, what: "the weight of '\(name)' in \(what)", range: 0...1e12)
            else {
                continue
            }
            result.append((name, weight))
        }
        if result.isEmpty || result.allSatisfy({ $0.1 == 0 }) {
            error("\(what) needs at least one positive weight", at: node)
            return nil
        }
        return result
    }

    func duration(_ fields: Fields, _ key: String, what: String) -> Int? {
        guard let node = fields[key] else { return nil }
        guard case .scalar(let scalar) = node, let duration = JourneyDuration(parsing: scalar.string) else {
            error("'\(key)' in \(what) must be a duration such as 30m, 4h or 2d", at: node)
            return nil
        }
        return duration.seconds
    }
}

/// A mapping's entries in file order, for located lookups.
struct Fields {
    var node: Node
    var entries: [(name: String, value: Node, key: Node)] = []

    subscript(_ name: String) -> Node? {
        entries.first { $0.name == name }?.value
    }
}
