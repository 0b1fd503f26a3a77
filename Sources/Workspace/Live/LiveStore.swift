import Foundation
import GRDB

/// Leads and events coming in live (`cairn push`, `POST /api/records`): records in the cohort
/// JSON Lines format, checked by the import's own reader, stored in the `live` cohort in one
/// transaction — all of them, or nothing when any is bad.
extension Workspace {
    /// Stores the JSON Lines records of `input` (docs/cohort-format.md) in the `live` cohort,
    /// creating it on first use. Unlike an import, the cohort grows: a lead already there is
    /// updated (see `LiveLeadWriter`), a lead sent twice is applied in order, and an event may
    /// name a stored lead or one that comes in the same input. Any bad record refuses the whole
    /// input with every problem located (`NAME:LINE`) and leaves the workspace as it was.
    @discardableResult
    public func pushLiveRecords(_ input: CohortImportInput, author: String = Workspace.currentAuthor)
        throws(WorkspaceError) -> LiveIntake
    {
        if let reason = input.unreadableReason() {
            throw .invalidArgument("\(input.name): \(reason)")
        }
        let now = EpochSeconds.now()
        return try write { db in
            let cohortID = try Self.liveCohortID(db, author: author, now: now)
            let writer = LiveLeadWriter(
                db: db, cohortID: cohortID, cohortName: LiveIntake.cohortName, now: now)
            let records = CohortRecordReader(
                accept: .init(lead: writer.upsert, event: { try writer.append($0) }))
            records.repeatedLeads = .updates
            records.storedLead = writer.isStored
            try records.importJSONLines(input)
            try records.finish()
            if records.problemCount > 0 {
                throw WorkspaceError.liveRecordsRefused(
                    problems: records.problems, count: records.problemCount)
            }
            try writer.finish()
            try Self.recordLiveArrivals(writer.intake.arrivals, in: db, at: Date().timeIntervalSince1970)
            return writer.intake
        }
    }

    /// The `live` cohort, created when missing: origin `jsonl` (its records arrive as JSON),
    /// sources `["live"]`.
    static func liveCohortID(_ db: Database, author: String, now: Int64) throws -> Int64 {
        let name = LiveIntake.cohortName
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM cohorts WHERE name = ?", arguments: [name]) {
            return id
        }
        try db.execute(
            sql: """
                INSERT INTO cohorts (name, origin, sources, author, created_at)
                VALUES (?, 'jsonl', '["live"]', ?, ?)
                """, arguments: [name, author, now])
        return db.lastInsertedRowID
    }

    /// Imports and synthesis make cohorts that never change; `live` is the one that grows.
    static func refuseLiveCohortName(_ name: String) throws(WorkspaceError) {
        if name == LiveIntake.cohortName {
            throw .invalidArgument(
                "the cohort name '\(name)' is kept for the leads and events that come in live "
                    + "(cairn push, POST /api/records, webhooks); choose another --name")
        }
    }
}
