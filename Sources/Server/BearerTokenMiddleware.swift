import Crypto
import Foundation
import Hummingbird

/// With a token configured, every request needs `Authorization: Bearer TOKEN`. The compare
/// takes the same time whatever the guess: both sides are hashed to 32 bytes first, then
/// compared without an early exit.
struct BearerTokenMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext
    let tokenDigest: [UInt8]

    init(token: String) {
        tokenDigest = Array(SHA256.hash(data: Data(token.utf8)))
    }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            throw unauthorized("this server needs a token: send Authorization: Bearer TOKEN")
        }
        let prefix = "Bearer "
        guard header.count > prefix.count, header.prefix(prefix.count).lowercased() == prefix.lowercased()
        else {
            throw unauthorized("the Authorization header must be Bearer TOKEN")
        }
        let offered = Array(SHA256.hash(data: Data(header.dropFirst(prefix.count).utf8)))
        guard ConstantTime.equal(offered, tokenDigest) else {
            throw unauthorized("the token is not the one this server was started with")
        }
        return try await next(request, context)
    }

    func unauthorized(_ detail: String) -> Problem {
        Problem(
            .unauthorized, "Unauthorized", detail: detail,
            headers: ["WWW-Authenticate": "Bearer realm=\"cairn\""])
    }
}

enum ConstantTime {
    /// Equal length and equal bytes, looking at every byte whatever it finds.
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
