import GRDB

/// Inserts rows many at a time with one prepared multi-row `INSERT`, the fastest way through
/// SQLite short of its C API: a million leads cost a few thousand statement executions.
/// Used inside one write transaction; not shared across threads.
final class BatchInserter {
    let db: Database
    let table: String
    let columns: [String]
    let rowsPerStatement: Int
    private var pending: [DatabaseValue] = []
    private var fullStatement: Statement?
    private(set) var insertedRows = 0
    /// Runs before each flush: rows this table references may sit in another inserter's batch.
    var beforeFlush: (() throws -> Void)?

    init(db: Database, table: String, columns: [String], rowsPerStatement: Int = 256) {
        self.db = db
        self.table = table
        self.columns = columns
        // SQLite allows 32,766 bound parameters per statement.
        self.rowsPerStatement = max(1, min(rowsPerStatement, 32_000 / columns.count))
        pending.reserveCapacity(self.rowsPerStatement * columns.count)
    }

    func append(_ row: [DatabaseValue]) throws {
        precondition(row.count == columns.count, "row width must match the columns")
        pending.append(contentsOf: row)
        if pending.count == rowsPerStatement * columns.count { try flush() }
    }

    func flush() throws {
        guard !pending.isEmpty else { return }
        try beforeFlush?()
        let rows = pending.count / columns.count
        let statement: Statement
        if rows == rowsPerStatement {
            if fullStatement == nil { fullStatement = try db.makeStatement(sql: sql(rows: rows)) }
            guard let fullStatement else { return }
            statement = fullStatement
        } else {
            statement = try db.makeStatement(sql: sql(rows: rows))
        }
        try statement.execute(arguments: StatementArguments(pending))
        insertedRows += rows
        pending.removeAll(keepingCapacity: true)
    }

    private func sql(rows: Int) -> String {
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            + Array(repeating: tuple, count: rows).joined(separator: ",")
    }
}
