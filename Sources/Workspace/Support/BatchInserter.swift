import GRDB

#if canImport(GRDBSQLite)
    import GRDBSQLite
#elseif canImport(SQLite3)
    import SQLite3
#endif

/// A value bound into a bulk insert, without GRDB's per-value conversions.
enum SQLValue {
    case integer(Int64)
    case real(Double)
    case text(String)
    case null

    init(_ text: String?) { self = text.map(SQLValue.text) ?? .null }
    init(_ number: Int64?) { self = number.map(SQLValue.integer) ?? .null }
    init(_ number: Double?) { self = number.map(SQLValue.real) ?? .null }
    init(_ flag: Bool) { self = .integer(flag ? 1 : 0) }
}

/// Inserts rows many at a time with one prepared multi-row `INSERT`, binding values through
/// SQLite's C API: a million leads cost a few thousand statement executions, and no time
/// goes to per-value conversions. Used inside one write transaction; not shared across threads.
final class BatchInserter {
    let db: Database
    let table: String
    let columns: [String]
    let rowsPerStatement: Int
    private var pending: [SQLValue] = []
    private var fullStatement: Statement?
    private(set) var insertedRows = 0
    /// Runs before each flush: rows this table references may sit in another inserter's batch.
    var beforeFlush: (() throws -> Void)?

    private static let transient = unsafeBitCast(
        OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    init(db: Database, table: String, columns: [String], rowsPerStatement: Int = 256) {
        self.db = db
        self.table = table
        self.columns = columns
        // SQLite allows 32,766 bound parameters per statement.
        self.rowsPerStatement = max(1, min(rowsPerStatement, 32_000 / columns.count))
        pending.reserveCapacity(self.rowsPerStatement * columns.count)
    }

    func append(_ row: [SQLValue]) throws {
        precondition(row.count == columns.count, "row width must match the columns")
        pending.append(contentsOf: row)
        if pending.count == rowsPerStatement * columns.count { try flush() }
    }

    func flush() throws {
        guard !pending.isEmpty else { return }
        try beforeFlush?()
        let rows = pending.count / columns.count
        if rows == rowsPerStatement {
            // The connection keeps the full-width statement between inserters (a run's writer
            // makes five per batch): parsing thousands of placeholders once, not per batch.
            let statement = try fullStatement ?? db.cachedStatement(sql: sql(rows: rows))
            fullStatement = statement
            try execute(statement, pending[...])
        } else {
            // A batch's remainder row by row through one cached statement, rather than a
            // statement of that many rows parsed for this flush alone.
            let single = try db.cachedStatement(sql: sql(rows: 1))
            for row in 0..<rows {
                try execute(single, pending[row * columns.count..<(row + 1) * columns.count])
            }
        }
        insertedRows += rows
        pending.removeAll(keepingCapacity: true)
    }

    /// Binds `values` to `statement`'s parameters in order and runs it. A NULL needs no bind:
    /// clearing the bindings leaves every parameter NULL.
    private func execute(_ statement: Statement, _ values: ArraySlice<SQLValue>) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in zip(values.indices, values) {
            let index = CInt(offset - values.startIndex + 1)
            switch value {
            case .integer(let n): sqlite3_bind_int64(handle, index, n)
            case .real(let x): sqlite3_bind_double(handle, index, x)
            case .null: break
            case .text(let s):
                var s = s
                s.withUTF8 { bytes in
                    _ = bytes.withMemoryRebound(to: CChar.self) { chars in
                        sqlite3_bind_text(handle, index, chars.baseAddress, CInt(chars.count), Self.transient)
                    }
                }
            }
        }
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code),
                message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                sql: "INSERT INTO \(table) ...")
        }
    }

    private func sql(rows: Int) -> String {
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            + Array(repeating: tuple, count: rows).joined(separator: ",")
    }
}
