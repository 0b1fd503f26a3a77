/// A property or condition value as it appears in a journey file or a lead record:
/// JSON-like, so leads imported from CSV or JSON and values typed in YAML compare alike.
public enum Value: Sendable, Hashable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case list([Value])
    case null

    public var number: Double? {
        if case .number(let n) = self { return n }
        return nil
    }

    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var list: [Value]? {
        if case .list(let l) = self { return l }
        return nil
    }

    /// The value's kind, for messages: "a number", "a list", ...
    public var kindName: String {
        switch self {
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .list: return "a list"
        case .null: return "null"
        }
    }
}

extension Value: CustomStringConvertible {
    /// Human text: numbers without a needless ".0", strings bare, lists bracketed.
    public var description: String {
        switch self {
        case .string(let s): return s
        case .number(let n): return Value.format(n)
        case .bool(let b): return b ? "true" : "false"
        case .list(let items): return "[" + items.map(\.quotedDescription).joined(separator: ", ") + "]"
        case .null: return "null"
        }
    }

    /// Like `description`, but strings are quoted so "80" and 80 read differently.
    public var quotedDescription: String {
        if case .string(let s) = self { return "\"\(s)\"" }
        return description
    }

    static func format(_ n: Double) -> String {
        if n.isFinite, n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return String(n)
    }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
}

/// A value is written as the JSON it looks like: a string, a number, a boolean, a list, null.
extension Value: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else {
            self = .list(try container.decode([Value].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .bool(let flag): try container.encode(flag)
        case .list(let list): try container.encode(list)
        case .null: try container.encodeNil()
        }
    }
}
