import GRDB

/// Where an execution's row is, found from its id without reading the whole
/// `workflow_executions` view (whose id is computed for a replay's executions): a stored id
/// (live executions, migrated ones) through its index, else the key a replay's id holds.
public struct ExecutionPlace: Sendable, Equatable {
    public var run: Int64
    public var lead: String
    public var rotation: Int

    public static func find(id: String, _ db: Database) throws -> ExecutionPlace? {
        let sql = "SELECT run_id, lead_id, rotation FROM execution_rows WHERE "
        if let row = try Row.fetchOne(db, sql: sql + "uuid = ?", arguments: [id]) { return place(row) }
        guard let key = replayKey(id) else { return nil }
        return try Row.fetchOne(db, sql: sql + "key = ? AND uuid IS NULL", arguments: [key]).map(place)
    }

    private static func place(_ row: Row) -> ExecutionPlace {
        ExecutionPlace(run: row["run_id"], lead: row["lead_id"], rotation: row["rotation"])
    }

    /// The key in a replay's execution id (`RunRecorder.executionID`): `RRRRRRRR-HHHH-8000-8000-LLLLLLLLLLLL`.
    static func replayKey(_ id: String) -> Int64? {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[2] == "8000", parts[3] == "8000", parts[1].count == 4,
            parts[4].count == 12,
            let high = UInt64(parts[1], radix: 16), let low = UInt64(parts[4], radix: 16)
        else { return nil }
        return Int64(bitPattern: high << 48 | low)
    }
}
