import GRDB
import Testing

@testable import Workspace

/// The names the studio's condition builder completes, read without scanning cohorts.
@Suite struct CohortVocabularyTests {
    @Test func theSeededCohortsGivePropertyNamesKindsAndEventFields() throws {
        let test = try TestWorkspace(seed: .bundled)
        let vocabulary = try test.workspace.cohortVocabulary()
        let kinds = Dictionary(uniqueKeysWithValues: vocabulary.properties.map { ($0.name, $0.kind) })
        #expect(kinds["state"] == .text)
        #expect(kinds["score"] == .number)
        #expect(kinds["company_size"] == .number)
        #expect(vocabulary.properties.map(\.name) == vocabulary.properties.map(\.name).sorted())
        // Events on a channel are named channel.type, others by their type alone.
        for field in ["email.opened", "email.clicked", "visited"] {
            #expect(vocabulary.eventFields.contains(field), "\(field)")
        }
        #expect(!vocabulary.eventFields.contains("opened"))
    }

    @Test func eventTypesAreFoundThroughTheIndexAndCapped() throws {
        let test = try TestWorkspace(seed: .bundled)
        let details = try test.workspace.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT MIN(type) FROM lead_events WHERE type > 'a'")
                .map { $0["detail"] as String }
        }
        #expect(details.contains { $0.contains("lead_events_by_type") }, "\(details)")
        let capped = try test.workspace.cohortVocabulary(maxEventTypes: 2)
        // Two types at most, each on any of its channels.
        #expect(Set(capped.eventFields.map { $0.split(separator: ".").last ?? "" }).count <= 2)
    }
}
