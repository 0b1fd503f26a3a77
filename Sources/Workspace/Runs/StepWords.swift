import GRDB

/// The step log's dictionary (`step_words`): every word a step row would repeat (node ids,
/// outcomes, statuses, channels, templates, triggers) stored once, rows holding its code.
/// Codes never change, so a writer remembers them across transactions; a word new to the
/// workspace is added in the writer's transaction, which no other writer can interleave with.
final class StepWords {
    private var codes = WordTable()

    func code(_ word: String, in db: Database) throws -> Int64 {
        if let code = codes.value(of: word) { return code }
        try db.execute(sql: "INSERT OR IGNORE INTO step_words (word) VALUES (?)", arguments: [word])
        guard
            let code = try Int64.fetchOne(
                db, sql: "SELECT code FROM step_words WHERE word = ?", arguments: [word])
        else { throw DatabaseError(message: "step_words lost the word '\(word)'") }
        codes.insert(word, code)
        return code
    }

    func codeIfAny(_ word: String?, in db: Database) throws -> Int64? {
        guard let word else { return nil }
        return try code(word, in: db)
    }
}
