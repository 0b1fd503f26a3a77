import Foundation
import Hummingbird

/// A token bucket per client address: each request takes a token, tokens come back at a
/// steady rate up to the burst size, and a client with none left gets 429 with Retry-After.
final class ClientRateLimiter: @unchecked Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: Double
    }

    private let limit: ServerConfiguration.RateLimit
    /// Guarded by `lock`.
    private var buckets: [String: Bucket] = [:]
    private let lock = NSLock()
    /// Buckets idle this long are full again and are forgotten, so memory stays bounded.
    private let idleSeconds: Double

    init(_ limit: ServerConfiguration.RateLimit) {
        self.limit = limit
        idleSeconds = limit.perSecond > 0 ? limit.burst / limit.perSecond + 1 : 3600
    }

    /// Takes a token for `client`; nil when allowed, else the seconds until one is back.
    func take(for client: String, now: Double = Date().timeIntervalSinceReferenceDate) -> Double? {
        lock.withLock { () -> Double? in
            if buckets.count > 10_000 { buckets = buckets.filter { now - $0.value.updated < idleSeconds } }
            var bucket = buckets[client] ?? Bucket(tokens: limit.burst, updated: now)
            bucket.tokens = min(limit.burst, bucket.tokens + (now - bucket.updated) * limit.perSecond)
            bucket.updated = now
            defer { buckets[client] = bucket }
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                return nil
            }
            return limit.perSecond > 0 ? (1 - bucket.tokens) / limit.perSecond : 3600
        }
    }
}

struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext
    let limiter: ClientRateLimiter

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if let wait = limiter.take(for: context.clientAddress) {
            let seconds = max(1, Int(wait.rounded(.up)))
            throw Problem(
                .tooManyRequests, "Too many requests",
                detail: "rate limit reached for \(context.clientAddress); retry in \(seconds) s",
                headers: ["Retry-After": String(seconds)])
        }
        return try await next(request, context)
    }
}
