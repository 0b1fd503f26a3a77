import Foundation
import GRDB

/// One cohort import inside one write transaction: `records` streams and checks each file,
/// the good rows are inserted in batches, and the problems are kept. The caller commits only
/// when there were none, or when bad rows may be skipped.
final class CohortImportSession {
    let db: Database
    let cohortID: Int64
    private let leads: BatchInserter
    private let events: BatchInserter
    let records: CohortRecordReader

    init(db: Database, cohortID: Int64) {
        self.db = db
        self.cohortID = cohortID
        let leads = BatchInserter(db: db, table: "leads", columns: LeadRow.columns)
        let events = BatchInserter(db: db, table: "lead_events", columns: EventRow.columns)
        // An event's lead may still wait in the lead batch; its foreign key needs it stored first.
        events.beforeFlush = { [leads] in try leads.flush() }
        self.leads = leads
        self.events = events
        records = CohortRecordReader(
            accept: .init(
                lead: { try leads.append($0.values(cohortID: cohortID)) },
                event: { try events.append($0.values(cohortID: cohortID)) }))
    }

    /// Settles the pending events and stores the last batches.
    func finish() throws {
        try records.finish()
        try leads.flush()
        try events.flush()
    }
}
