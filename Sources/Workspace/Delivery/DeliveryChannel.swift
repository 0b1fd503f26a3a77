import Foundation

/// How one channel of `channels.yaml` delivers: `email`, `sms` and `chat` carry sends;
/// `notify`, `handoff` and `webhook` carry those actions. The secret is never kept: only the
/// name of the environment variable that holds it.
public struct DeliveryChannel: Sendable, Hashable {
    public enum Method: Sendable, Hashable {
        /// Append one JSON object per line to `path` (relative paths are relative to the
        /// workspace file's folder).
        case file(path: String)
        /// POST each delivery to `url`; `url` may be nil only for `webhook`, whose actions
        /// name their own URL.
        case http(url: String?, secretEnv: String?)
    }

    /// The names a channel may have: the message channels and the other delivering actions.
    public static let names = ["email", "sms", "chat", "notify", "handoff", "webhook"]
    public static let defaultTimeout = 10
    public static let defaultRetries = 5
    public static let defaultBackoff = 30

    public var name: String
    public var method: Method
    /// Seconds an HTTP request may take before it counts as a timeout (retried).
    public var timeout: Int
    /// Attempts after the first one for failures worth retrying.
    public var retries: Int
    /// Seconds before the first retry; each further retry waits twice as long (at most 1h).
    public var backoff: Int

    public init(
        name: String, method: Method, timeout: Int = defaultTimeout, retries: Int = defaultRetries,
        backoff: Int = defaultBackoff
    ) {
        self.name = name
        self.method = method
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
    }

    public var deliver: String {
        switch method {
        case .file: return "file"
        case .http: return "http"
        }
    }

    /// One line for `cairn channels`: `sms  http https://… (secret from $SMS_SECRET), timeout 10s, …`.
    public var summary: String {
        let target: String
        switch method {
        case .file(let path): target = "file \(path)"
        case .http(let url, let secretEnv):
            target =
                "http \(url ?? "(the action's url)")"
                + (secretEnv.map { ", signed with $\($0)" } ?? ", unsigned")
                + ", timeout \(timeout)s"
        }
        return "\(target), retries \(retries), backoff \(backoff)s"
    }
}
