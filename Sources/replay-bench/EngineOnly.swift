import Foundation
import JourneyModel
import ReplayEngine

/// Counts records instead of writing them: the engine alone, for its node visits per second.
final class CountingRecorder: ReplayRecorder {
    private(set) var records = 0
    private(set) var nodeVisits = 0

    func record(_ record: ReplayRecord) { count(record) }

    /// The engine's call, answered here rather than by the protocol's default (which hands the
    /// record on to `record(_:)`, copying it).
    func record(_ record: ReplayRecord, lead slot: Int) { count(record) }

    /// A stay, as the engine hands it over (see `ReplayRecorder.record(stay:lead:)`).
    func record(stay: NodeStay, lead slot: Int) {
        records += 1
        nodeVisits += 1
    }

    private func count(_ record: ReplayRecord) {
        records += 1
        if case .nodeStay = record { nodeVisits += 1 }
    }

    func finish(_ summary: ReplaySummary) {}
}

/// The engine alone over a cohort already in memory, on this one thread.
struct EngineOnlyResult {
    var seconds: Double
    /// CPU time of this thread: what the engine cost even when other work shares the cores.
    var cpuSeconds: Double
    var nodeVisits: Int
    var records: Int

    var visitsPerSecond: Double { Double(nodeVisits) / seconds }
}

func engineOnly(journey: Journey, cohort: [CohortLead], seed: UInt64) -> EngineOnlyResult {
    let recorder = CountingRecorder()
    let cpuStart = threadCPUSeconds()
    let time = seconds {
        Replay.run(
            journey: journey, cohort: cohort,
            configuration: ReplayConfiguration(seed: seed, mode: .simulated),
            recorder: recorder)
    }
    return EngineOnlyResult(
        seconds: time, cpuSeconds: threadCPUSeconds() - cpuStart, nodeVisits: recorder.nodeVisits,
        records: recorder.records)
}

/// CPU seconds of the calling thread so far.
func threadCPUSeconds() -> Double { cpuSeconds(CLOCK_THREAD_CPUTIME_ID) }
