/// How `cairn serve` listens and what it allows: the address, the API token, and the limits.
public struct ServerConfiguration: Sendable, Hashable {
    public var host: String
    public var port: Int
    /// When set, every request needs `Authorization: Bearer TOKEN`.
    public var token: String?
    /// The largest request body taken; larger ones get 413.
    public var maxBodyBytes: Int
    /// The largest webhook delivery taken.
    public var maxWebhookBodyBytes: Int
    public var rateLimit: RateLimit
    /// How far a webhook signature's timestamp may be from now, in seconds, either way.
    public var signatureWindowSeconds: Int64

    public init(
        host: String = "127.0.0.1", port: Int = 8080, token: String? = nil, maxBodyBytes: Int = 1 << 20,
        maxWebhookBodyBytes: Int = 64 << 10, rateLimit: RateLimit = RateLimit(),
        signatureWindowSeconds: Int64 = 300
    ) {
        self.host = host
        self.port = port
        self.token = token
        self.maxBodyBytes = maxBodyBytes
        self.maxWebhookBodyBytes = maxWebhookBodyBytes
        self.rateLimit = rateLimit
        self.signatureWindowSeconds = signatureWindowSeconds
    }

    /// A token bucket per client address: `burst` requests at once, refilled at `perSecond`.
    public struct RateLimit: Sendable, Hashable {
        public var burst: Double
        public var perSecond: Double

        public init(burst: Double = 120, perSecond: Double = 20) {
            self.burst = burst
            self.perSecond = perSecond
        }
    }

    /// Loopback addresses: reachable from this machine only.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case tokenRequired(host: String)
        case emptyToken
        case badPort(Int)

        public var description: String {
            switch self {
            case .tokenRequired(let host):
                return "serving on \(host) exposes the workspace beyond this machine: set CAIRN_API_TOKEN "
                    + "or pass --token-file, or keep the default --host 127.0.0.1"
            case .emptyToken: return "the API token is empty"
            case .badPort(let port): return "--port must be 0 to 65535, not \(port)"
            }
        }
    }

    /// Refuses a configuration that would serve beyond loopback without a token.
    public func check() throws(Problem) {
        guard (0...65535).contains(port) else { throw .badPort(port) }
        if let token, token.isEmpty { throw .emptyToken }
        if token == nil, !Self.isLoopback(host) { throw .tokenRequired(host: host) }
    }
}
