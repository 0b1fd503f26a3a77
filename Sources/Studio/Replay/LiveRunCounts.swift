import Analytics
import Foundation
import JourneyModel
import ReplayEngine

/// Run counts gathered from a replay's records as they are emitted, by the engine's own summary
/// aggregation: the stored run's counts are written from that same summary, so the live canvas
/// counts exactly what the stored one will (arrivals are first visits, conversions are where they
/// happened). The engine calls `record` on its own thread; the screen gets copies (`snapshot`) in
/// its progress messages, so the lock is held only to add one record or to copy the counts.
final class LiveRunCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var aggregator: SummaryAggregator

    init(journey: Journey) {
        aggregator = SummaryAggregator(journey: journey)
    }

    func record(_ record: ReplayRecord) {
        lock.lock()
        defer { lock.unlock() }
        aggregator.absorb(record)
    }

    func snapshot() -> RunCounts {
        lock.lock()
        defer { lock.unlock() }
        return RunCounts(RunNodeCounts(aggregator.summary))
    }
}
