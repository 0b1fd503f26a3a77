import Foundation
import Yams

/// Turns bytes into a YAML node tree, refusing hostile input with one clear, located error
/// before the YAML parser sees it: oversized, empty, binary, not UTF-8, nested absurdly deep.
/// Alias bombs are caught by a node budget when the tree is walked.
enum YAMLDocument {
    static let maxBytes = 1 << 20
    static let maxFlowDepth = 64
    static let maxStructuralIndent = 400
    /// More nodes than any journey needs; expanding aliases past this means a bomb.
    static let maxNodes = 200_000

    static func compose(_ bytes: [UInt8], file: String) -> Result<Node, Diagnostic> {
        func fail(_ message: String, line: Int = 1, column: Int = 1) -> Result<Node, Diagnostic> {
            .failure(Diagnostic(.error, message, at: SourceLocation(file: file, line: line, column: column)))
        }
        if bytes.count > maxBytes {
            return fail("file is over \(byteSize(maxBytes)); a journey file may be at most that large")
        }
        if let nul = bytes.firstIndex(of: 0) {
            let (line, column) = position(of: nul, in: bytes)
            return fail("file looks binary (NUL byte); expected YAML text", line: line, column: column)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let bad = firstInvalidUTF8(bytes)
            let (line, column) = position(of: bad, in: bytes)
            return fail(
                "file is not valid UTF-8 (byte 0x\(String(format: "%02X", bytes[bad])))", line: line,
                column: column)
        }
        if text.allSatisfy({ $0.isWhitespace }) || isOnlyComments(text) {
            return fail("file is empty; expected a journey (see docs/journey-format.md)")
        }
        if let (line, column, message) = nestingProblem(text) {
            return fail(message, line: line, column: column)
        }
        do {
            guard let root = try Yams.compose(yaml: text) else {
                return fail("file is empty; expected a journey (see docs/journey-format.md)")
            }
            if exceedsBudget(root) {
                return fail(
                    "document expands to more than \(maxNodes) YAML nodes (an alias bomb?); refusing it")
            }
            return .success(root)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file))
        } catch {
            return fail("cannot read YAML: \(error)")
        }
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        func at(_ mark: Mark, _ message: String) -> Diagnostic {
            Diagnostic(.error, message, at: SourceLocation(file: file, line: mark.line, column: mark.column))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { " \($0.text)" } ?? ""
            return at(mark, "YAML syntax: \(problem)\(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return at(context.mark, "duplicate key \(keys) in a mapping")
        default:
            return Diagnostic(
                .error, "cannot read YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
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

    static func byteSize(_ n: Int) -> String {
        if n >= 1 << 20 {
            return String(format: "%.1f MiB", Double(n) / Double(1 << 20))
        }
        return String(format: "%.0f KiB", Double(n) / 1024)
    }
}
