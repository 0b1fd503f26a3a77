import Hummingbird
import Workspace

/// Reading request bodies: at most the configured size (413 beyond), UTF-8 text, JSON
/// parsed with the workspace's parser so a syntax error says where it is.
enum RequestBody {
    static func text(_ request: Request, limit: Int) async throws -> String {
        if let declared = request.headers[.contentLength].flatMap(Int.init), declared > limit {
            throw tooLarge(limit)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw tooLarge(limit)
        }
        guard let text = buffer.getString(at: buffer.readerIndex, length: buffer.readableBytes),
            text.utf8.count == buffer.readableBytes
        else {
            throw Problem.badRequest("the request body is not UTF-8 text")
        }
        return text
    }

    static func tooLarge(_ limit: Int) -> Problem {
        Problem(
            .contentTooLarge, "Request body too large",
            detail: "the request body is larger than \(limit) bytes")
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

/// Typed reading of JSON body fields, with 400s that name the field.
extension JSON {
    func optionalString(_ key: String) throws -> String? {
        switch self[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        case .some(let other):
            throw Problem.badRequest("\"\(key)\" must be a string, found \(other.kindName)")
        }
    }

    func optionalInteger(_ key: String) throws -> Int64? {
        switch self[key] {
        case nil, .null?: return nil
        case .number(let number)? where number == number.rounded() && abs(number) < 9e15:
            return Int64(number)
        case .some(let other):
            throw Problem.badRequest("\"\(key)\" must be a whole number, found \(other.kindName)")
        }
    }
}
