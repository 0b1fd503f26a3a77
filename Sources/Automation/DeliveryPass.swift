import Foundation
import Workspace

/// One round of delivery: take the due outbox rows of the configured channels, hand each to
/// its channel's adapter, make the adapters durable, then record every outcome in one
/// transaction. A crash after delivering and before recording leaves the rows pending: the next
/// pass delivers them again with the same idempotency key (at least once).
public struct DeliveryPass: Sendable {
    public let workspace: Workspace
    public let environment: [String: String]
    public let batchSize: Int

    public init(
        workspace: Workspace, environment: [String: String] = ProcessInfo.processInfo.environment,
        batchSize: Int = 200
    ) {
        self.workspace = workspace
        self.environment = environment
        self.batchSize = batchSize
    }

    public typealias Attempt = (entry: OutboxEntry, result: DeliveryResult)

    /// Delivers what is due at `now` and records it; returns the rows taken. `stop` is asked
    /// between rows: when it says so, the rest of the batch is left pending, untouched.
    @discardableResult
    public func run(now: Double, stop: () -> Bool = { false }) throws(WorkspaceError) -> Int {
        let (channels, entries) = try take(now: now)
        let results = deliver(entries, channels: channels, stop: stop)
        try record(results, channels: channels, now: now)
        return entries.count
    }

    /// The configured channels by name and the rows due at `now` (at most `batchSize`).
    public func take(now: Double) throws(WorkspaceError) -> ([String: DeliveryChannel], [OutboxEntry]) {
        let channels = Dictionary(
            try workspace.deliveryChannels().map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let entries = try workspace.dueOutbox(at: now, channels: channels.keys.sorted(), limit: batchSize)
        return (channels, entries)
    }

    /// Hands `entries` to their channels' adapters and finishes the adapters (fsync) before
    /// returning, so a result `.delivered` means durably handed over. Once a channel fails in
    /// a way worth retrying, its further rows in this pass are skipped (postponed, no attempt).
    public func deliver(
        _ entries: [OutboxEntry], channels: [String: DeliveryChannel], stop: () -> Bool = { false }
    ) -> [Attempt] {
        var adapters: [String: any DeliveryAdapter] = [:]
        var failing: [String: String] = [:]
        var results: [Attempt] = []
        for entry in entries {
            if stop() { break }
            guard let channel = channels[entry.request.channel] else { continue }
            if let reason = failing[channel.name] {
                results.append(
                    (entry, .skipped(reason: "not attempted: channel '\(channel.name)' failed: \(reason)")))
                continue
            }
            let adapter = adapters[channel.name] ?? makeAdapter(channel)
            adapters[channel.name] = adapter
            let attempt = entry.attempts + 1
            let text = DeliveryObject.text(entry, attempt: attempt)
            let result = adapter.deliver(text, entry: entry, attempt: attempt)
            if case .failed(let reason, retryable: true) = result { failing[channel.name] = reason }
            results.append((entry, result))
        }
        return finish(adapters, results)
    }

    /// Finishes every adapter; a channel whose finish failed (an fsync) has its deliveries failed.
    func finish(_ adapters: [String: any DeliveryAdapter], _ results: [Attempt]) -> [Attempt] {
        var results = results
        for (name, adapter) in adapters {
            guard let failure = adapter.finish() else { continue }
            for index in results.indices where results[index].entry.request.channel == name {
                if results[index].result == .delivered {
                    results[index].result = .failed(reason: failure, retryable: true)
                }
            }
        }
        return results
    }

    /// Records each result as its channel's retry policy says, in one transaction.
    public func record(
        _ results: [Attempt], channels: [String: DeliveryChannel],
        now: Double
    ) throws(WorkspaceError) {
        guard !results.isEmpty else { return }
        let outcomes = results.map { entry, result in
            let policy =
                channels[entry.request.channel].map(RetryPolicy.init) ?? RetryPolicy(retries: 0, backoff: 0)
            return (id: entry.id, outcome: policy.outcome(of: result, attempt: entry.attempts + 1, now: now))
        }
        try workspace.recordOutboxOutcomes(outcomes, at: now)
    }

    func makeAdapter(_ channel: DeliveryChannel) -> any DeliveryAdapter {
        switch channel.method {
        case .file(let path):
            return FileDeliveryAdapter(path: workspace.resolvedDeliveryPath(path))
        case .http(let url, let secretEnv):
            return HTTPDeliveryAdapter(
                url: url, secretEnv: secretEnv, timeout: channel.timeout, environment: environment)
        }
    }

    /// When the next pending row of a configured channel falls due, if any.
    public func nextDue() throws(WorkspaceError) -> Double? {
        try workspace.nextOutboxDue(channels: workspace.deliveryChannels().map(\.name))
    }
}
