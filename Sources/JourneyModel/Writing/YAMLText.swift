/// Scalar text for YAML output: plain when it reads back as the same string in any YAML
/// reader (1.1 or 1.2), double-quoted otherwise.
enum YAMLText {
    static func scalar(_ text: String) -> String {
        isPlainSafe(text) ? text : quoted(text)
    }

    static func value(_ value: Value) -> String {
        switch value {
        case .string(let s): return scalar(s)
        case .number(let n): return Value.format(n)
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .list(let items): return "[" + items.map(Self.value).joined(separator: ", ") + "]"
        }
    }

    static let yaml11Words: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"]

    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        if first == " " || last == " " { return false }
        if "-?:,[]{}#&*!|>'\"%@`".contains(first) { return false }
        // YAML 1.1 reads 2026-12-01 as a date, 0x1A and 1_000 as numbers: quote digit-led text.
        if first.isNumber || first == "." || first == "+" { return false }
        if yaml11Words.contains(text.lowercased()) { return false }
        guard ReadContext.plainValue(text) == .string(text) else { return false }
        for scalar in text.unicodeScalars {
            // ':' covers YAML 1.1's sexagesimal numbers (21:00) and "key: value" look-alikes;
            // the brackets and comma would end a flow collection.
            if ":#,[]{}\"'\\".unicodeScalars.contains(scalar) { return false }
            if scalar.value < 0x20 || scalar.value == 0x7F { return false }
        }
        return true
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `{ a: 1, b: x }` from ordered pairs whose values are already YAML text.
    static func flow(_ pairs: [(String, String)]) -> String {
        "{ " + pairs.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + " }"
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
