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

    @Test func everyLeadComesOnceInEntryOrderAcrossChunks() throws {
        // Two full chunks, a part of a third, and the reader's own chunk boundary (2,048) crossed.
        let size = 2 * ReplayCohort.chunkSize + 44 + Workspace.leadChunkSize
        let test = try workspace(size: size)
        var expected: [String] = []
        try test.workspace.forEachLead(inCohort: "c") { expected.append($0.lead.id) }
        let cohort = try test.workspace.replayCohort(named: "c")
        let pulled = cohort.map(\.lead.id)
        try cohort.close()
        #expect(pulled.count == size)
        #expect(pulled == expected)
        #expect(Set(pulled).count == size)
    }

    @Test func aCohortOfLessThanAChunkComesWhole() throws {
        let test = try workspace(size: 5)
        let cohort = try test.workspace.replayCohort(named: "c")
        #expect(cohort.map(\.lead.id).count == 5)
        try cohort.close()
    }

    @Test func closingEarlyStopsTheReaderWithoutAFailure() throws {
        let test = try workspace(size: 3000)
        let cohort = try test.workspace.replayCohort(named: "c")
        var iterator = cohort.makeIterator()
        for _ in 0..<10 { #expect(iterator.next() != nil) }
        try cohort.close()
        // Closed: no chunk is taken after the one in hand.
        var rest = 0
        while iterator.next() != nil, rest <= 3000 { rest += 1 }
        #expect(rest == ReplayCohort.chunkSize - 10)
    }
}
