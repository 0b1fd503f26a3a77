import Foundation
import Yams

/// What a YAML file holds, in the words its refusals use: a journey file, a roster, a theme.
public struct YAMLFileKind: Sendable, Hashable {
    /// The refusal of a file over `YAMLLoader.maxBytes`.
    public var tooLarge: String
    /// The refusal of a file that holds no document (nothing, or only comments).
    public var empty: String

    public init(tooLarge: String, empty: String) {
        self.tooLarge = tooLarge
        self.empty = empty
    }
}

/// Why a YAML text was refused, located in it.
public struct YAMLLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// Refused by the hardening, before or after parsing: size, NUL, UTF-8, nesting, alias
        /// budget, no document. The message is complete.
        case refused(String)
        /// The YAML parser's complaint, with the context it gave.
        case syntax(problem: String, context: String?)
        case duplicateKeys([String])
        /// Anything else the parser threw.
        case unreadable(String)
    }

    public var location: SourceLocation
    public var reason: Reason

    public init(_ reason: Reason, at location: SourceLocation) {
        self.reason = reason
        self.location = location
    }

    /// The message in Cairn's words: `YAML syntax: ...`, `duplicate key 'kind' in a mapping`.
    public var message: String {
        switch reason {
        case .refused(let message): return message
        case .syntax(let problem, let context):
            return "YAML syntax: \(problem)\(context.map { " \($0)" } ?? "")"
        case .duplicateKeys(let keys):
            return "duplicate key \(keys.map { "'\($0)'" }.joined(separator: ", ")) in a mapping"
        case .unreadable(let detail): return "cannot read YAML: \(detail)"
        }
    }

    public var description: String { "\(location): error: \(message)" }
}

/// The one way Cairn reads YAML: bytes into a node tree, refusing hostile input with one clear,
/// located error before the YAML parser sees it — oversized, empty, binary, not UTF-8, nested
/// absurdly deep — and alias bombs by a node budget when the tree is walked.
public enum YAMLLoader {
    public static let maxBytes = 1 << 20
    static let maxFlowDepth = 64
    static let maxStructuralIndent = 400
    /// More nodes than any file Cairn reads needs; expanding aliases past this means a bomb.
    static let maxNodes = 200_000

    public static func load(_ text: String, file: String, kind: YAMLFileKind) -> Result<Node, YAMLLoadError> {
        load(Array(text.utf8), file: file, kind: kind)
    }

    public static func load(_ bytes: [UInt8], file: String, kind: YAMLFileKind) -> Result<Node, YAMLLoadError>
    {
        func fail(_ message: String, line: Int = 1, column: Int = 1) -> Result<Node, YAMLLoadError> {
            .failure(
                YAMLLoadError(.refused(message), at: SourceLocation(file: file, line: line, column: column)))
        }
        let text: String
        switch checkedText(bytes) {
        case .failure(let refusal):
            let message = refusal.message ?? (refusal.tooLarge ? kind.tooLarge : kind.empty)
            return fail(message, line: refusal.line, column: refusal.column)
        case .success(let checked): text = checked
        }
        if text.allSatisfy({ $0.isWhitespace }) || isOnlyComments(text) { return fail(kind.empty) }
        if let (line, column, message) = nestingProblem(text) {
            return fail(message, line: line, column: column)
        }
        do {
            guard let root = try Yams.compose(yaml: text) else { return fail(kind.empty) }
            if exceedsBudget(root) {
                return fail(
                    "document expands to more than \(maxNodes) YAML nodes (an alias bomb?); refusing it")
            }
            return .success(root)
        } catch let error as YamlError {
            return .failure(located(error, file: file))
        } catch {
            return .failure(
                YAMLLoadError(.unreadable("\(error)"), at: SourceLocation(file: file, line: 1, column: 1)))
        }
    }

    /// Where a node starts, for errors about it; the file's start when there is no node.
    public static func location(of node: Node?, file: String) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(file: file, line: 1, column: 1) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    /// Why bytes are not YAML text, before any parsing: too large (the caller's words), NUL, UTF-8.
    private struct Refusal: Error {
        var message: String?
        var tooLarge = false
        var line = 1
        var column = 1
    }

    private static func checkedText(_ bytes: [UInt8]) -> Result<String, Refusal> {
        if bytes.count > maxBytes { return .failure(Refusal(message: nil, tooLarge: true)) }
        if let nul = bytes.firstIndex(of: 0) {
            let (line, column) = position(of: nul, in: bytes)
            return .failure(
                Refusal(
                    message: "file looks binary (NUL byte); expected YAML text", line: line, column: column))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidUTF8(bytes)
            let (line, column) = position(of: bad, in: bytes)
            return .failure(
                Refusal(
                    message: "file is not valid UTF-8 (byte 0x\(String(format: "%02X", bytes[bad])))",
                    line: line, column: column))
        }
        return .success(text)
    }

    static func located(_ error: YamlError, file: String) -> YAMLLoadError {
        func at(_ mark: Mark, _ reason: YAMLLoadError.Reason) -> YAMLLoadError {
            YAMLLoadError(reason, at: SourceLocation(file: file, line: mark.line, column: mark.column))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return at(mark, .syntax(problem: problem, context: context?.text))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return at(context.mark, .duplicateKeys(duplicates))
        default:
            return YAMLLoadError(.unreadable("\(error)"), at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// Flow collections nested deeper than any journey needs, or block structure indented absurdly,
    /// would make the recursive parser dig thousands of frames deep.
    static func nestingProblem(_ text: String) -> (Int, Int, String)? {
        var depth = 0
        var line = 1
        var column = 0
        var lineStart = true
        var structural = 0
        var quote: Character?
        var comment = false
        var previous: Character = " "
        for ch in text {
            defer { previous = ch }
            column += 1
            if ch == "\n" {
                line += 1
                column = 0
                lineStart = true
                structural = 0
                comment = false
                continue
            }
            if comment { continue }
            if lineStart {
                if ch == " " || ch == "-" || ch == "?" || ch == ":" || ch == "\t" {
                    structural += 1
                    if structural > maxStructuralIndent {
                        return (
                            line, column, "nesting is too deep (indented past column \(maxStructuralIndent))"
                        )
                    }
                } else {
                    lineStart = false
                }
            }
            if let open = quote {
                if ch == open { quote = nil }
                continue
            }
            switch ch {
            case "\"", "'":
                // Only a quote opening a scalar starts a quoted string; "don't" does not.
                if " [{,:-".contains(previous) || column == 1 { quote = ch }
            case "#": comment = true
            case "[", "{":
                depth += 1
                if depth > maxFlowDepth {
                    return (line, column, "nesting is too deep (more than \(maxFlowDepth) levels of [ or {)")
                }
            case "]", "}": depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }

    /// Walks the tree with a node budget; aliases share storage, so a bomb is cheap to hold
    /// but exponential to walk — stop counting once past the budget.
    static func exceedsBudget(_ root: Node) -> Bool {
        var remaining = maxNodes
        var stack = [root]
        while let node = stack.popLast() {
            remaining -= 1
            if remaining < 0 { return true }
            switch node {
            case .mapping(let m):
                for (k, v) in m {
                    stack.append(k)
                    stack.append(v)
                }
            case .sequence(let s): stack.append(contentsOf: s)
            case .scalar, .alias: break
            }
        }
        return false
    }

    static func isOnlyComments(_ text: String) -> Bool {
        text.split(separator: "\n").allSatisfy {
            let t = $0.trimmingCharacters(in: .whitespaces)
            return t.isEmpty || t.hasPrefix("#") || t == "---" || t == "..."
        }
    }

    static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in bytes[..<offset] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    /// Offset of the first byte that does not decode as UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return max(0, min(offset, bytes.count - 1))
            case .error: return offset
            }
        }
    }

    /// `maxBytes` as people read it: `1.0 MiB`.
    public static var maxSizeText: String { byteSize(maxBytes) }

    static func byteSize(_ n: Int) -> String {
        if n >= 1 << 20 {
            return String(format: "%.1f MiB", Double(n) / Double(1 << 20))
        }
        return String(format: "%.0f KiB", Double(n) / 1024)
    }
}
