import GRDB

extension Database {
    /// Runs one statement through the connection's statement cache: for statements run once per
    /// row (a live step's rows, an outbox outcome), where parsing and authorizing the SQL each
    /// time would cost more than running it.
    func executeCached(sql: String, arguments: StatementArguments) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}
