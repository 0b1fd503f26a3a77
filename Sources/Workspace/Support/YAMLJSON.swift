import Yams

/// YAML nodes as JSON, with YAML 1.2 core-schema scalars: quoted text stays text, so "09:00"
/// never turns into a sexagesimal number.
enum YAMLJSON {
    static func json(_ node: Node) -> JSON {
        switch node {
        case .scalar(let scalar): return json(scalar)
        case .sequence(let sequence): return .array(sequence.map(json))
        case .mapping(let mapping):
            var fields: [String: JSON] = [:]
            for (key, value) in mapping { fields[key.string ?? "\(key)"] = json(value) }
            return .object(fields)
        case .alias: return .null
        }
    }

    static func json(_ scalar: Node.Scalar) -> JSON {
        scalar.style == .plain ? plainScalar(scalar.string) : .string(scalar.string)
    }

    /// A plain (unquoted) scalar's text as the value it stands for.
    static func plainScalar(_ text: String) -> JSON {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let number = plainNumber(text) { return .number(number) }
        return .string(text)
    }

    static func plainNumber(_ text: String) -> Double? {
        guard let first = text.first, first.isNumber || first == "-" || first == "+" || first == "." else {
            return nil
        }
        guard text.allSatisfy({ $0.isNumber || "+-.eE".contains($0) }) else { return nil }
        return Double(text)
    }
}
