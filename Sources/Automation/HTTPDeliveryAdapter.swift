import Foundation
import Workspace

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `deliver: http`: POSTs each delivery as JSON with its `Idempotency-Key` and, when the
/// channel names a secret, `X-Cairn-Timestamp` and `X-Cairn-Signature` (`WebhookSignature`,
/// the scheme the webhook intake checks). 2xx is delivered; a timeout, a connection error, 5xx,
/// 408 or 429 may be retried; any other answer (a 4xx: the receiver refuses it) is final.
public final class HTTPDeliveryAdapter: DeliveryAdapter {
    public static let idempotencyHeader = "Idempotency-Key"
    let url: String?
    let secret: String?
    let missingSecret: String?
    let timeout: Int
    let session: URLSession

    /// `url` nil: each delivery goes to its row's recipient (a webhook action's URL).
    /// `secretEnv` names the variable in `environment` that holds the signing secret.
    public init(url: String?, secretEnv: String?, timeout: Int, environment: [String: String]) {
        self.url = url
        self.timeout = timeout
        if let secretEnv {
            secret = environment[secretEnv].flatMap { $0.isEmpty ? nil : $0 }
            missingSecret =
                secret == nil ? "the environment variable \(secretEnv) (the signing secret) is not set" : nil
        } else {
            (secret, missingSecret) = (nil, nil)
        }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = TimeInterval(timeout)
        configuration.timeoutIntervalForResource = TimeInterval(timeout)
        configuration.httpMaximumConnectionsPerHost = 1
        session = URLSession(configuration: configuration)
    }

    public func deliver(_ text: String, entry: OutboxEntry, attempt: Int) -> DeliveryResult {
        if let missingSecret { return .failed(reason: missingSecret, retryable: true) }
        let address = url ?? entry.request.recipient ?? ""
        guard let target = URL(string: address), let scheme = target.scheme?.lowercased(),
            scheme == "http" || scheme == "https"
        else {
            return .failed(reason: "'\(address)' is not an http:// or https:// URL", retryable: false)
        }
        let body = Data(text.utf8)
        var request = URLRequest(url: target)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(entry.request.idempotencyKey, forHTTPHeaderField: Self.idempotencyHeader)
        if let secret {
            let timestamp = EpochSeconds.now()
            request.setValue(String(timestamp), forHTTPHeaderField: WebhookSignature.timestampHeader)
            request.setValue(
                WebhookSignature.sign(body: body, timestamp: timestamp, secret: secret),
                forHTTPHeaderField: WebhookSignature.signatureHeader)
        }
        return Self.classify(send(request))
    }

    public func finish() -> String? {
        session.finishTasksAndInvalidate()
        return nil
    }

    /// The answer or the error, waiting on this thread (the worker's own) for the session.
    func send(_ request: URLRequest) -> Exchange {
        let exchange = ExchangeBox()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            exchange.set(Exchange(data: data, response: response as? HTTPURLResponse, error: error))
            done.signal()
        }
        task.resume()
        // The session's own timeout ends the task; this bound only guards against a lost callback.
        if done.wait(timeout: .now() + .seconds(timeout + 5)) == .timedOut {
            task.cancel()
            return Exchange(data: nil, response: nil, error: URLError(.timedOut))
        }
        return exchange.value
    }

    static func classify(_ exchange: Exchange) -> DeliveryResult {
        if let error = exchange.error {
            let code = (error as? URLError)?.code
            if code == .timedOut { return .failed(reason: "timed out", retryable: true) }
            let final = code == .badURL || code == .unsupportedURL
            return .failed(reason: "request failed: \(error.localizedDescription)", retryable: !final)
        }
        guard let response = exchange.response else {
            return .failed(reason: "no HTTP response", retryable: true)
        }
        let status = response.statusCode
        if (200..<300).contains(status) { return .delivered }
        let snippet = String(decoding: (exchange.data ?? Data()).prefix(200), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let reason = "HTTP \(status)" + (snippet.isEmpty ? "" : ": \(snippet)")
        return .failed(reason: reason, retryable: status >= 500 || status == 408 || status == 429)
    }
}

struct Exchange: @unchecked Sendable {
    var data: Data?
    var response: HTTPURLResponse?
    var error: (any Error)?
}

/// The one answer of a data task, handed from the session's queue to the worker's thread.
final class ExchangeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var exchange = Exchange(data: nil, response: nil, error: nil)

    func set(_ value: Exchange) { lock.withLock { exchange = value } }
    var value: Exchange { lock.withLock { exchange } }
}
