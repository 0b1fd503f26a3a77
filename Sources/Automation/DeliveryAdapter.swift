import Foundation
import Workspace

/// How one attempt went, as an adapter sees it; `RetryPolicy` turns it into an outbox outcome.
public enum DeliveryResult: Sendable, Hashable {
    case delivered
    /// `retryable`: a timeout, a connection error, a 5xx; not: a 4xx, a bad URL.
    case failed(reason: String, retryable: Bool)
    /// Not attempted: its channel failed for an earlier row of the same pass, so a dead
    /// receiver costs one timeout per pass, not one per row.
    case skipped(reason: String)
}

/// Hands deliveries to one configured channel. An adapter lives for one pass of the worker,
/// on the worker's thread: `deliver` for each due row, then `finish` before any row is marked,
/// so nothing is marked delivered that is not durably handed over.
public protocol DeliveryAdapter: AnyObject {
    func deliver(_ text: String, entry: OutboxEntry, attempt: Int) -> DeliveryResult
    /// Makes what was delivered durable (a file's fsync) and releases resources; a reason when
    /// that failed, and then the pass's deliveries through this adapter count as failed.
    func finish() -> String?
}

/// Turns a failed attempt into a retry at a later time, or gives up.
public struct RetryPolicy: Sendable, Hashable {
    public var retries: Int
    public var backoff: Int
    /// The longest wait between two attempts, whatever the backoff doubles to.
    public static let maximumWait = 3600.0

    public init(retries: Int, backoff: Int) {
        self.retries = retries
        self.backoff = backoff
    }

    public init(_ channel: DeliveryChannel) {
        self.init(retries: channel.retries, backoff: channel.backoff)
    }

    /// The outcome of attempt number `attempt` (1 for the first) that ended with `result`:
    /// retryable failures wait `backoff`, then twice that, ..., for at most `retries` retries.
    public func outcome(of result: DeliveryResult, attempt: Int, now: Double) -> OutboxOutcome {
        switch result {
        case .delivered: return .delivered
        case .skipped(let reason): return .postponed(until: now + Double(backoff), reason: reason)
        case .failed(let reason, retryable: false): return .dead(reason: reason)
        case .failed(let reason, retryable: true):
            guard attempt <= retries else {
                return .dead(reason: "gave up after \(attempt) attempts: \(reason)")
            }
            let wait = min(Double(backoff) * pow(2, Double(min(attempt - 1, 30))), Self.maximumWait)
            return .retry(at: now + wait, reason: reason)
        }
    }
}
