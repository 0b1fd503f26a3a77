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
/// goes to per-value conversions. A row is given whole (`append`) or value by value (`add`,
/// then `endRow`), which builds no array per row. Used inside one write transaction; not
/// shared across threads.
final class BatchInserter {
    let db: Database
    let table: String
    let columns: [String]
    let rowsPerStatement: Int
    /// The rows not inserted yet, value after value: an integer, a real's bits or an index
    /// into `texts`, and which of them (or NULL) it is. Plain integers, so clearing them
    /// releases nothing.
    private var numbers: [Int64] = []
    private var kinds: [Kind] = []
    private var texts: [String] = []
    private var fullStatement: Statement?
    private var singleStatement: Statement?
    private(set) var insertedRows = 0
    /// Runs before each flush: rows this table references may sit in another inserter's batch.
    var beforeFlush: (() throws -> Void)?

    private enum Kind: UInt8 {
        case integer, real, text, null
    }

    private static let transient = unsafeBitCast(
        OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    init(db: Database, table: String, columns: [String], rowsPerStatement: Int = 256) {
        self.db = db
        self.table = table
        self.columns = columns
        // SQLite allows 32,766 bound parameters per statement.
        self.rowsPerStatement = max(1, min(rowsPerStatement, 32_000 / columns.count))
        numbers.reserveCapacity(self.rowsPerStatement * columns.count)
        kinds.reserveCapacity(self.rowsPerStatement * columns.count)
    }

    func append(_ row: [SQLValue]) throws {
        precondition(row.count == columns.count, "row width must match the columns")
        for value in row { add(value) }
        try endRow()
    }

    func add(_ number: Int64) {
        numbers.append(number)
        kinds.append(.integer)
    }

    func add(_ number: Int64?) {
        if let number { add(number) } else { addNull() }
    }

    func add(_ text: String) {
        numbers.append(Int64(texts.count))
        texts.append(text)
        kinds.append(.text)
    }

    func addNull() {
        numbers.append(0)
        kinds.append(.null)
    }

    func add(_ value: SQLValue) {
        switch value {
        case .integer(let n): add(n)
        case .real(let x):
            numbers.append(Int64(bitPattern: x.bitPattern))
            kinds.append(.real)
        case .text(let s): add(s)
        case .null: addNull()
        }
    }

    /// Ends the row whose values were just added.
    func endRow() throws {
        precondition(kinds.count % columns.count == 0, "row width must match the columns")
        if kinds.count == rowsPerStatement * columns.count { try flush() }
    }

    func flush() throws {
        guard !kinds.isEmpty else { return }
        try beforeFlush?()
        let width = columns.count
        let rows = kinds.count / width
        if rows == rowsPerStatement {
            // The connection keeps the full-width statement between inserters (a run's writer
            // makes five per batch): parsing thousands of placeholders once, not per batch.
            let statement = try fullStatement ?? db.cachedStatement(sql: sql(rows: rows))
            fullStatement = statement
            try execute(statement, 0..<kinds.count)
        } else {
            // A batch's remainder row by row through one cached statement, rather than a
            // statement of that many rows parsed for this flush alone.
            let single = try singleStatement ?? db.cachedStatement(sql: sql(rows: 1))
            singleStatement = single
            for row in 0..<rows {
                try execute(single, row * width..<(row + 1) * width)
            }
        }
        insertedRows += rows
        numbers.removeAll(keepingCapacity: true)
        kinds.removeAll(keepingCapacity: true)
        texts.removeAll(keepingCapacity: true)
    }

    /// Binds the values at `range` to `statement`'s parameters in order and runs it. A NULL
    /// needs no bind: clearing the bindings leaves every parameter NULL.
    private func execute(_ statement: Statement, _ range: Range<Int>) throws {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for position in range {
            let index = CInt(position - range.lowerBound + 1)
            let number = numbers[position]
            switch kinds[position] {
            case .integer: sqlite3_bind_int64(handle, index, number)
            case .real: sqlite3_bind_double(handle, index, Double(bitPattern: UInt64(bitPattern: number)))
            case .null: break
            case .text:
                var s = texts[Int(number)]
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
