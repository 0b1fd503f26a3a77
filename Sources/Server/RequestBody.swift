import Hummingbird
import JourneyModel
import Workspace

/// Reading request bodies: at most the configured size (413 beyond), UTF-8 text, JSON
/// parsed with the workspace's parser so a syntax error says where it is, and an object with
/// only the fields an endpoint knows: a typo (`versoin`) is a 400 that names it, never a
/// field silently ignored.
enum RequestBody {
    static func text(_ request: Request, limit: Int) async throws -> String {
        try text(of: try await bytes(request, limit: limit))
    }

    /// The body's bytes, at most `limit` of them (413 beyond).
    static func bytes(_ request: Request, limit: Int) async throws -> [UInt8] {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw tooLarge(limit)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw tooLarge(limit)
        }
        return Array(buffer.readableBytesView)
    }

    /// The bytes as UTF-8 text; 400 for anything else.
    static func text(of bytes: [UInt8]) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Problem.badRequest("the request body is not UTF-8 text")
        }
        return text
    }

    static func tooLarge(_ limit: Int) -> Problem {
        Problem(
            .contentTooLarge, "Request body too large",
            detail: "the request body is larger than \(limit) bytes")
    }

    /// The body as a JSON object whose keys are all among `fields`; an empty body is `{}`.
    static func object(_ request: Request, limit: Int, fields: [String]) async throws -> JSON {
        let body = try await json(request, limit: limit)
        try checkObject(body, fields: fields)
        return body
    }

    /// 400 for a body that is not an object, or has a key not among `fields` (with the
    /// closest known field when one is near).
    static func checkObject(_ body: JSON, fields: [String]) throws {
        guard case .object(let found) = body else {
            throw Problem.badRequest("the body must be a JSON object, found \(body.kindName)")
        }
        for key in found.keys.sorted() where !fields.contains(key) {
            let hint = Suggestion.closest(to: key, among: fields).map { " (did you mean \"\($0)\"?)" } ?? ""
            let known =
                fields.isEmpty
                ? "this endpoint takes no fields" : "fields: \(fields.joined(separator: ", "))"
            throw Problem.badRequest("unknown field \"\(key)\"\(hint); \(known)")
        }
    }

    /// The body as JSON; an empty body is `{}`.
    static func json(_ request: Request, limit: Int) async throws -> JSON {
        let text = try await text(request, limit: limit)
        return try parse(text)
    }

    static func parse(_ text: String) throws -> JSON {
        if text.allSatisfy(\.isWhitespace) { return .object([:]) }
        do {
            return try JSON.parse(text)
        } catch {
            throw Problem(
                .badRequest, "Malformed JSON",
                detail:
                    "the request body is not JSON: \(error.message) (line \(line(of: error.column, in: text)))"
            )
        }
    }

    /// The workspace's parser counts columns over the whole text; a body may span lines.
    static func line(of column: Int, in text: String) -> Int {
        1 + text.utf8.prefix(max(0, column - 1)).filter { $0 == 0x0A }.count
    }
}

/// Typed reading of JSON body fields, with 400s that name the field. A field is absent or of
/// its type: `null` is refused like any other wrong type, as the document's schemas say.
extension JSON {
    func optionalString(_ key: String) throws -> String? {
        switch self[key] {
        case nil: return nil
        case .string(let text)?: return text
        case .some(let other):
            throw Problem.badRequest("\"\(key)\" must be a string, found \(other.kindName)")
        }
    }

    /// The largest whole number a JSON number carries exactly (2^53 - 1): beyond it a
    /// parser may have rounded what the client sent.
    static let largestExactInteger: Int64 = 9_007_199_254_740_991

    /// A whole number in `range` (at most ±(2^53 - 1) in any case); 400 naming the field for
    /// anything else.
    func optionalInteger(
        _ key: String, in range: ClosedRange<Int64> = -largestExactInteger...largestExactInteger
    ) throws -> Int64? {
        let value: Double
        switch self[key] {
        case nil: return nil
        case .number(let number)? where number == number.rounded(): value = number
        case .some(let other):
            throw Problem.badRequest("\"\(key)\" must be a whole number, found \(other.kindName)")
        }
        guard value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
            throw Problem.badRequest(
                "\"\(key)\" is out of range: a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return Int64(value)
    }
}
