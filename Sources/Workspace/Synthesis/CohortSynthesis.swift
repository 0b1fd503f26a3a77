import Foundation
import GRDB

extension Workspace {
    /// The largest synthetic cohort: beyond this a typo (an extra zero) would fill the disk.
    public static let maxSynthesisSize = 50_000_000

    /// Generates `size` leads from `profile` with `seed` and streams them into a new cohort in
    /// one transaction. The profile's behavior model is stored with the cohort for the
    /// simulator. `progress` is told the number of leads written so far, now and then.
    @discardableResult
    public func synthesizeCohort(
        name: String, profile: SynthesisProfile, profileYAML: String, size: Int, seed: Int64,
        author: String = Workspace.currentAuthor, progress: (@Sendable (Int) -> Void)? = nil
    ) throws(WorkspaceError) -> CohortSummary {
        try Self.checkCohortName(name)
        try Self.refuseLiveCohortName(name)
        guard (1...Self.maxSynthesisSize).contains(size) else {
            throw .invalidArgument("--size must be between 1 and \(Self.maxSynthesisSize), not \(size)")
        }
        let model = BehaviorModel(
            profile: profile.name,
            segments: Dictionary(uniqueKeysWithValues: profile.segments.map { ($0.name, $0.behavior) }))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let modelJSON = (try? encoder.encode(model)).map { String(decoding: $0, as: UTF8.self) }
        let synthesizer = LeadSynthesizer(profile: profile, seed: seed, size: size)
        let now = EpochSeconds.now()
        do {
            try pool.write { db in
                try Self.withBulkCache(db) {
                    if try Bool.fetchOne(db, sql: "SELECT 1 FROM cohorts WHERE name = ?", arguments: [name])
                        == true
                    {
                        throw WorkspaceError.cohortExists(name)
                    }
                    try db.execute(
                        sql: """
                            INSERT INTO cohorts (name, origin, sources, profile_yaml, behavior_model, seed, lead_count,
                                author, created_at)
                            VALUES (?, 'synthetic', ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            name, JSONText.encode(strings: [profile.name]), profileYAML, modelJSON, seed,
                            size,
                            author,
                            now,
                        ])
                    let cohortID = db.lastInsertedRowID
                    let leads = BatchInserter(db: db, table: "leads", columns: LeadRow.columns)
                    for index in 0..<size {
                        try leads.append(synthesizer.lead(index).values(cohortID: cohortID))
                        if index % 50_000 == 49_999 { progress?(index + 1) }
                    }
                    try leads.flush()
                    progress?(size)
                }
            }
        } catch {
            throw WorkspaceError.from(error, path: path)
        }
        return try cohort(named: name)
    }

    /// The behavior model of a synthetic cohort; nil for imported ones.
    public func behaviorModel(ofCohort name: String) throws(WorkspaceError) -> BehaviorModel? {
        let id = try cohort(named: name).id
        let text = try read { db in
            try String.fetchOne(db, sql: "SELECT behavior_model FROM cohorts WHERE id = ?", arguments: [id])
        }
        guard let text else { return nil }
        return try? JSONDecoder().decode(BehaviorModel.self, from: Data(text.utf8))
    }
}
