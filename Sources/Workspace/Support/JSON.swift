import JourneyModel

/// A JSON document as read from a JSON Lines record or stored in a TEXT column. The workspace
/// parses JSON itself so that a bad line gets an exact reason and column, and so that `true`
/// and `1` never blur (Foundation's bridging to NSNumber does that on Linux).
public enum JSON: Sendable, Hashable {
    case object([String: JSON])
    case array([JSON])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    public subscript(key: String) -> JSON? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var kindName: String {
        switch self {
        case .object: return "an object"
        case .array: return "a list"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }
}

/// Why a text is not JSON, and where (1-based column in the line).
public struct JSONSyntaxError: Error, Sendable, Hashable {
    public var message: String
    public var column: Int
}

extension JSON {
    /// Parses one JSON document; nesting is limited so a hostile line cannot exhaust the stack.
    public static func parse(_ text: some StringProtocol) throws(JSONSyntaxError) -> JSON {
        var parser = JSONParser(bytes: Array(text.utf8))
        return try parser.document()
    }
}

extension JSON {
    /// Parses a JSON object straight into lead properties, without building `JSON` values on
    /// the way: streaming a million leads parses a million property columns. Nested objects,
    /// which properties cannot hold, are dropped; text that is not an object gives nil.
    static func propertyMap(_ text: String) -> [String: Value]? {
        var text = text
        return text.withUTF8 { bytes in
            var parser = JSONParser(bytes: Array(bytes))
            return try? parser.propertyObject()
        }
    }
}

private struct JSONParser {
    let bytes: [UInt8]
    var index = 0
    var depth = 0
    static let maxDepth = 64

    init(bytes: [UInt8]) { self.bytes = bytes }

    func fail(_ message: String) -> JSONSyntaxError {
        // Columns count characters, not bytes, so they match what an editor shows.
        let column = String(decoding: bytes[..<min(index, bytes.count)], as: UTF8.self).count + 1
        return JSONSyntaxError(message: message, column: column)
    }

    mutating func document() throws(JSONSyntaxError) -> JSON {
        skipSpace()
        guard index < bytes.count else { throw fail("empty line where a JSON object was expected") }
        let value = try self.value()
        skipSpace()
        if index < bytes.count { throw fail("unexpected text after the JSON value") }
        return value
    }

    mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    mutating func value() throws(JSONSyntaxError) -> JSON {
        guard index < bytes.count else { throw fail("unexpected end of line") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw fail("unexpected character '\(Character(Unicode.Scalar(bytes[index])))'")
        }
    }

    mutating func propertyObject() throws(JSONSyntaxError) -> [String: Value] {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { throw fail("expected an object") }
        index += 1
        var fields: [String: Value] = Dictionary(minimumCapacity: 8)
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return fields
        }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw fail("expected a quoted key")
            }
            let key = try string()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
            index += 1
            skipSpace()
            if let value = try propertyValue() { fields[key] = value }
            skipSpace()
            guard index < bytes.count else { throw fail("unterminated object") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return fields
            }
            throw fail("expected ',' or '}' in an object")
        }
    }

    /// A value as a property: scalars and lists; an object is parsed and dropped (nil).
    mutating func propertyValue() throws(JSONSyntaxError) -> Value? {
        guard index < bytes.count else { throw fail("unexpected end") }
        switch bytes[index] {
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true)).propertyValue
        case UInt8(ascii: "f"): return try literal("false", .bool(false)).propertyValue
        case UInt8(ascii: "n"): return try literal("null", .null).propertyValue
        case UInt8(ascii: "{"):
            _ = try object()
            return nil
        case UInt8(ascii: "["):
            return try array().propertyValue
        default:
            if case .number(let n) = try number() { return .number(n) }
            return nil
        }
    }

    mutating func literal(_ word: String, _ result: JSON) throws(JSONSyntaxError) -> JSON {
        let expected = word.utf8
        guard index + expected.count <= bytes.count,
            bytes[index..<index + expected.count].elementsEqual(expected)
        else {
            let letters = bytes[index...].prefix { (0x61...0x7A).contains($0) || (0x41...0x5A).contains($0) }
            throw fail("unexpected word '\(String(decoding: letters, as: UTF8.self))'")
        }
        index += expected.count
        return result
    }

    mutating func nest() throws(JSONSyntaxError) {
        depth += 1
        if depth > Self.maxDepth { throw fail("nested more than \(Self.maxDepth) levels deep") }
    }

    mutating func object() throws(JSONSyntaxError) -> JSON {
        try nest()
        defer { depth -= 1 }
        index += 1
        var fields: [String: JSON] = [:]
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(fields)
        }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw fail("expected a quoted key")
            }
            let key = try string()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw fail("expected ':' after a key")
            }
            index += 1
            skipSpace()
            if fields[key] != nil { throw fail("duplicate key '\(key)'") }
            fields[key] = try value()
            if try closes("}", what: "object") { return .object(fields) }
        }
    }

    mutating func array() throws(JSONSyntaxError) -> JSON {
        try nest()
        defer { depth -= 1 }
        index += 1
        var items: [JSON] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipSpace()
            items.append(try value())
            if try closes("]", what: "list") { return .array(items) }
        }
    }

    /// After an item of an object or list: a ',' (false: another item follows) or the closing
    /// bracket (true), both consumed.
    mutating func closes(_ close: Unicode.Scalar, what: String) throws(JSONSyntaxError) -> Bool {
        skipSpace()
        guard index < bytes.count else { throw fail("unterminated \(what): expected '\(close)'") }
        if bytes[index] == UInt8(ascii: ",") {
            index += 1
            return false
        }
        if bytes[index] == UInt8(ascii: close) {
            index += 1
            return true
        }
        throw fail("expected ',' or '\(close)' in \(what == "object" ? "an" : "a") \(what)")
    }

    mutating func string() throws(JSONSyntaxError) -> String {
        index += 1
        // Most strings hold no escape: they are their bytes, taken without a copy on the way.
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\"),
            bytes[index] >= 0x20
        {
            index += 1
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            index += 1
            return String(decoding: bytes[start..<index - 1], as: UTF8.self)
        }
        var out = Array(bytes[start..<index])
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 { throw fail("control character inside a string") }
            if b == UInt8(ascii: "\\") {
                index += 1
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                            bytes[index + 1] == UInt8(ascii: "u")
                        else { throw fail("unpaired surrogate in \\u escape") }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else {
                            throw fail("unpaired surrogate in \\u escape")
                        }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw fail("invalid \\u escape") }
                    out.append(contentsOf: Array(String(Character(unicode)).utf8))
                default: throw fail("invalid escape '\\\(Character(Unicode.Scalar(escape)))'")
                }
                continue
            }
            out.append(b)
            index += 1
        }
        throw fail("unterminated string")
    }

    mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[index]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - 87)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - 55)
            default: throw fail("invalid \\u escape")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    mutating func number() throws(JSONSyntaxError) -> JSON {
        if let integer = integer() { return .number(integer) }
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        while index < bytes.count,
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
                || [
                    UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"),
                    UInt8(ascii: "-"),
                ]
                .contains(bytes[index])
        {
            index += 1
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            index = start
            throw fail("invalid number '\(text)'")
        }
        return .number(value)
    }

    /// A whole number of at most 15 digits, which a `Double` holds exactly, read without
    /// making text of it (most numbers in lead properties); nil, with nothing read, for any
    /// other number, which `number()` reads as text.
    mutating func integer() -> Double? {
        var at = index
        let negative = bytes[at] == UInt8(ascii: "-")
        if negative { at += 1 }
        let first = at
        var value = 0
        while at < bytes.count, at - first < 16, bytes[at] >= UInt8(ascii: "0"),
            bytes[at] <= UInt8(ascii: "9")
        {
            value = value * 10 + Int(bytes[at] - UInt8(ascii: "0"))
            at += 1
        }
        guard at > first, at - first <= 15 else { return nil }
        if at < bytes.count {
            switch bytes[at] {
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"),
                UInt8(ascii: "-"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                return nil
            default: break
            }
        }
        index = at
        return negative ? -Double(value) : Double(value)
    }
}
