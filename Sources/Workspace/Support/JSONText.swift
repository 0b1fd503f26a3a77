import JourneyModel

/// Canonical JSON text for TEXT columns: keys sorted, no spaces, integers without ".0",
/// so equal values give equal bytes (runs must be reproducible to the byte).
public enum JSONText {
    public static func encode(_ json: JSON) -> String {
        var out = ""
        write(json, into: &out)
        return out
    }

    public static func encode(_ properties: [String: Value]) -> String {
        var out = ""
        writeObject(properties.sorted { $0.key < $1.key }, into: &out) { value, out in
            write(value, into: &out)
        }
        return out
    }

    public static func encode(_ value: Value) -> String {
        var out = ""
        write(value, into: &out)
        return out
    }

    public static func encode(strings: [String]) -> String {
        encode(.array(strings.map(JSON.string)))
    }

    static func write(_ value: Value, into out: inout String) {
        switch value {
        case .string(let s): writeString(s, into: &out)
        case .number(let n): out += formatNumber(n)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .list(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        }
    }

    static func write(_ json: JSON, into out: inout String) {
        switch json {
        case .string(let s): writeString(s, into: &out)
        case .number(let n): out += formatNumber(n)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        case .object(let fields):
            writeObject(fields.sorted { $0.key < $1.key }, into: &out) { value, out in
                write(value, into: &out)
            }
        }
    }

    static func writeObject<V>(
        _ fields: [(key: String, value: V)], into out: inout String, _ writeValue: (V, inout String) -> Void
    ) {
        out += "{"
        for (i, field) in fields.enumerated() {
            if i > 0 { out += "," }
            writeString(field.key, into: &out)
            out += ":"
            writeValue(field.value, &out)
        }
        out += "}"
    }

    static func formatNumber(_ n: Double) -> String {
        guard n.isFinite else { return "null" }
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return String(n)
    }

    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        // Most text needs no escaping: append it whole.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

extension JSON {
    /// The lead-property value this JSON stands for; objects have no property form.
    public var propertyValue: Value? {
        switch self {
        case .string(let s): return .string(s)
        case .number(let n): return .number(n)
        case .bool(let b): return .bool(b)
        case .null: return .null
        case .array(let items):
            var values: [Value] = []
            for item in items {
                guard let value = item.propertyValue else { return nil }
                values.append(value)
            }
            return .list(values)
        case .object: return nil
        }
    }

    /// Decodes a properties column back into lead properties.
    public static func properties(fromText text: String) -> [String: Value] {
        propertyMap(text) ?? [:]
    }
}
