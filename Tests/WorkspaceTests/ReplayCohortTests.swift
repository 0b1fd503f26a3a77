import Foundation
import JourneyModel
import ReplayEngine
import Testing

@testable import Workspace

/// The cohort the engine pulls lead by lead, handed over from its reader thread in chunks.
@Suite struct ReplayCohortTests {
    /// A synthetic cohort of `size` leads of the sample profile.
    func workspace(size: Int) throws -> TestWorkspace {
        let test = try TestWorkspace()
        let path = "sample-journeys/cohorts/b2b-saas.profile.yaml"
        let text = try Repository.text(path)
        let profile = try ProfileReader.read(text, file: path).get()
        try test.workspace.synthesizeCohort(
            name: "c", profile: profile, profileYAML: text, size: size, seed: 7)
        return test
    }

    /// Leads enough to fill the queue twice over: the reader waits on a full queue and is woken
    /// at half of it, crossing its own chunk boundaries (2,048) on the way; a part chunk ends it.
    static let overTwoQueues = 2 * ReplayCohort.chunkCapacity * ReplayCohort.chunkSize + 44

    @Test func everyLeadComesOnceInEntryOrderAcrossChunks() throws {
        let size = Self.overTwoQueues
        let test = try workspace(size: size)
        var expected: [String] = []
        try test.workspace.forEachLead(inCohort: "c") { expected.append($0.lead.id) }
        let cohort = try test.workspace.replayCohort(named: "c")
        // One lead, then a pause in which the reader fills the queue and waits: the rest can
        // only come through the wake-up at half the queue. Pulled on a thread of its own, so
        // that a missed wake-up fails here (closing wakes both sides) rather than hanging.
        let pull = Pull()
        Thread {
            var iterator = cohort.makeIterator()
            if let first = iterator.next() { pull.ids.append(first.lead.id) }
            Thread.sleep(forTimeInterval: 0.3)
            while let lead = iterator.next() { pull.ids.append(lead.lead.id) }
            pull.done.signal()
        }.start()
        let finished = pull.done.wait(timeout: .now() + 60) == .success
        #expect(finished, "the reader was not woken to refill the queue")
        try cohort.close()
        if !finished { pull.done.wait() }
        #expect(pull.ids.count == size)
        // Compared whole only when complete (a short list would be printed, 8,000 ids long).
        if pull.ids.count == size { #expect(pull.ids == expected) }
    }

    /// What the pulling thread pulled, read once it signals.
    final class Pull: @unchecked Sendable {
        var ids: [String] = []
        let done = DispatchSemaphore(value: 0)
    }

    @Test func aCohortOfLessThanAChunkComesWhole() throws {
        let test = try workspace(size: 5)
        let cohort = try test.workspace.replayCohort(named: "c")
        #expect(cohort.map(\.lead.id).count == 5)
        try cohort.close()
    }

    @Test func closingEarlyStopsTheReaderWithoutAFailure() throws {
        // More than a queue: the reader is (most likely) waiting on a full one when it closes.
        let test = try workspace(size: Self.overTwoQueues)
        let cohort = try test.workspace.replayCohort(named: "c")
        var iterator = cohort.makeIterator()
        for _ in 0..<10 { #expect(iterator.next() != nil) }
        try cohort.close()
        // Closed: no chunk is taken after the one in hand.
        var rest = 0
        while iterator.next() != nil, rest <= Self.overTwoQueues { rest += 1 }
        #expect(rest == ReplayCohort.chunkSize - 10)
    }
}
