import Foundation
import JourneyModel
import Testing

@testable import ReplayEngine

/// The shape the workspace's SQLite recorder takes: fixed-size batches handed to a writer
/// thread through a bounded queue, the engine blocking when the writer falls behind.
final class BatchingRecorder: ReplayRecorder, @unchecked Sendable {
    private let batchSize: Int
    private let capacity: Int
    private let condition = NSCondition()
    private var pending: [[ReplayRecord]] = []
    private var finished = false
    private var batch: [ReplayRecord] = []
    /// Written by the writer thread only; read after `finish` returns.
    private(set) var written: [ReplayRecord] = []
    private(set) var batchesWritten = 0
    private(set) var largestQueue = 0
    private(set) var summary: ReplaySummary?
    private var writer: Thread?
    private let done = DispatchSemaphore(value: 0)

    init(batchSize: Int, queueCapacity: Int) {
        self.batchSize = batchSize
        self.capacity = queueCapacity
        let thread = Thread { [unowned self] in self.drain() }
        writer = thread
        thread.start()
    }

    func record(_ record: ReplayRecord) {
        batch.append(record)
        if batch.count == batchSize { hand(batch) }
    }

    func finish(_ summary: ReplaySummary) {
        if !batch.isEmpty { hand(batch) }
        condition.lock()
        finished = true
        condition.signal()
        condition.unlock()
        done.wait()
        self.summary = summary
    }

    private func hand(_ full: [ReplayRecord]) {
        batch = []
        batch.reserveCapacity(batchSize)
        condition.lock()
        while pending.count >= capacity { condition.wait() }
        pending.append(full)
        largestQueue = max(largestQueue, pending.count)
        condition.signal()
        condition.unlock()
    }

    private func drain() {
        while true {
            condition.lock()
            while pending.isEmpty && !finished { condition.wait() }
            if pending.isEmpty && finished {
                condition.unlock()
                done.signal()
                return
            }
            let next = pending.removeFirst()
            condition.signal()
            condition.unlock()
            // One transaction per batch, in the real writer.
            written.append(contentsOf: next)
            batchesWritten += 1
        }
    }
}

@Suite struct BatchingRecorderTests {
    @Test func aWriterThreadReceivesEveryRecordInOrderWhateverTheBatchSize() {
        let suite = DeterminismTests()
        let configuration = ReplayConfiguration(seed: 8, mode: .simulated)
        let reference = replay(
            suite.everything, suite.cohort(200), agents: suite.agents, configuration: configuration)
        for batchSize in [1, 7, 256, 100_000] {
            let recorder = BatchingRecorder(batchSize: batchSize, queueCapacity: 2)
            Replay.run(
                journey: suite.everything, cohort: suite.cohort(200), agents: suite.agents,
                configuration: configuration, recorder: recorder)
            #expect(recorder.written == reference.records, "batch size \(batchSize)")
            #expect(recorder.summary == reference.summary)
            #expect(recorder.largestQueue <= 2)
        }
    }
}
