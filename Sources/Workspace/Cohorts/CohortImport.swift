import Foundation
import GRDB

/// Importing a cohort: every file in one transaction, all of it or nothing.
extension Workspace {
    /// Imports leads and events from CSV files (a leads file with an `id` column, an events
    /// file with a `lead_id` column) and JSON Lines files, as documented in
    /// `docs/cohort-format.md`. Leads files are read first, so events can refer to them.
    /// With `skipInvalid`, bad rows are left out and listed in the report; otherwise any bad
    /// row refuses the whole import and the workspace is left as it was. `progress` is told the
    /// number of rows stored so far, now and then.
    @discardableResult
    public func importCohort(
        name: String, inputs: [CohortImportInput], skipInvalid: Bool = false,
        author: String = Workspace.currentAuthor, progress: (@Sendable (Int) -> Void)? = nil
    ) throws(WorkspaceError) -> ImportReport {
        try Self.checkCohortName(name)
        try Self.refuseLiveCohortName(name)
        let files = try Self.cohortFiles(inputs, cohort: name)
        let sources = JSONText.encode(strings: inputs.map(\.name))
        let now = EpochSeconds.now()
        do {
            return try pool.write { db in
                try Self.withBulkCache(db) {
                    if try Bool.fetchOne(db, sql: "SELECT 1 FROM cohorts WHERE name = ?", arguments: [name])
                        == true
                    {
                        throw WorkspaceError.cohortExists(name)
                    }
                    try db.execute(
                        sql: """
                            INSERT INTO cohorts (name, origin, sources, author, created_at) VALUES (?, ?, ?, ?, ?)
                            """, arguments: [name, files.origin, sources, author, now])
                    let session = CohortImportSession(db: db, cohortID: db.lastInsertedRowID)
                    let records = session.records
                    records.progress = progress
                    for input in files.ordered {
                        if files.lineFiles.contains(input.name) {
                            try records.importJSONLines(input)
                        } else {
                            try records.importCSV(
                                input, kind: files.leadFiles.contains(input.name) ? .leads : .events)
                        }
                        if records.hasFileProblem { break }
                    }
                    try session.finish()
                    let report = ImportReport(
                        cohort: name, leads: records.leadCount, events: records.eventCount,
                        problems: records.problems,
                        problemCount: records.problemCount, fileRefused: records.hasFileProblem)
                    if records.hasFileProblem || (records.problemCount > 0 && !skipInvalid) {
                        throw WorkspaceError.importFailed(report)
                    }
                    try db.execute(
                        sql:
                            "UPDATE cohorts SET lead_count = ?, event_count = ?, skipped_rows = ? WHERE id = ?",
                        arguments: [
                            records.leadCount, records.eventCount, records.problemCount, session.cohortID,
                        ])
                    return report
                }
            }
        } catch {
            throw WorkspaceError.from(error, path: path)
        }
    }

    /// An import's files in the order they are read — leads files, JSON Lines, events files —
    /// and the cohort's origin; refused whole when a file is unreadable or a CSV's kind unclear.
    struct CohortFiles {
        var ordered: [CohortImportInput]
        var leadFiles: Set<String>
        var lineFiles: Set<String>
        var origin: String
    }

    static func cohortFiles(_ inputs: [CohortImportInput], cohort name: String) throws(WorkspaceError)
        -> CohortFiles
    {
        var unreadable: [ImportProblem] = []
        for input in inputs {
            if let reason = input.unreadableReason() {
                unreadable.append(ImportProblem(file: input.name, line: 0, message: reason))
            }
        }
        if !unreadable.isEmpty {
            throw .importFailed(
                ImportReport(
                    cohort: name, leads: 0, events: 0, problems: unreadable, problemCount: unreadable.count,
                    fileRefused: true))
        }
        var leadFiles: [CohortImportInput] = []
        var eventFiles: [CohortImportInput] = []
        var lineFiles: [CohortImportInput] = []
        var unknownKinds: [ImportProblem] = []
        for input in inputs {
            switch input.format {
            case .jsonLines: lineFiles.append(input)
            case .csv:
                switch CohortRecordReader.csvKind(of: input) {
                case .leads?: leadFiles.append(input)
                case .events?: eventFiles.append(input)
                case nil:
                    unknownKinds.append(
                        ImportProblem(
                            file: input.name, line: 1,
                            message: "cannot tell what this CSV holds: a leads file needs an 'id' column, "
                                + "an events file a 'lead_id' column"))
                }
            }
        }
        if !unknownKinds.isEmpty {
            throw .importFailed(
                ImportReport(
                    cohort: name, leads: 0, events: 0, problems: unknownKinds,
                    problemCount: unknownKinds.count, fileRefused: true))
        }
        let origin = lineFiles.isEmpty ? "csv" : (leadFiles.isEmpty && eventFiles.isEmpty ? "jsonl" : "csv")
        return CohortFiles(
            ordered: leadFiles + lineFiles + eventFiles, leadFiles: Set(leadFiles.map(\.name)),
            lineFiles: Set(lineFiles.map(\.name)), origin: origin)
    }

    static func checkCohortName(_ name: String) throws(WorkspaceError) {
        guard (1...64).contains(name.count),
            name.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || "-_.".contains($0) })
        else { throw .invalidCohortName(name) }
    }
}
