/// A whitespace-separated word of a schedule text and the 1-based column where
/// it starts, so every error can point at the word it is about.
struct ScheduleToken: Sendable, Hashable {
    var text: String
    var column: Int

    var lowered: String { text.lowercased() }

    /// The column just past the word, where "expected ... after" errors point.
    var endColumn: Int { column + text.count }

    static func split(_ text: String) -> [ScheduleToken] {
        var tokens: [ScheduleToken] = []
        var current = ""
        var start = 0
        for (offset, character) in text.enumerated() {
            if character.isWhitespace {
                if !current.isEmpty { tokens.append(ScheduleToken(text: current, column: start + 1)) }
                current = ""
            } else {
                if current.isEmpty { start = offset }
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(ScheduleToken(text: current, column: start + 1)) }
        return tokens
    }

    /// Splits on a separator character, keeping each piece's column; empty
    /// pieces are kept so "1,,3" can be reported.
    func pieces(separatedBy separator: Character) -> [ScheduleToken] {
        var result: [ScheduleToken] = []
        var current = ""
        var start = column
        for (offset, character) in text.enumerated() {
            if character == separator {
                result.append(ScheduleToken(text: current, column: start))
                current = ""
                start = column + offset + 1
            } else {
                current.append(character)
            }
        }
        result.append(ScheduleToken(text: current, column: start))
        return result
    }
}

extension Character {
    /// Only 0-9: `isNumber` would also admit other scripts' digits and fractions.
    var isScheduleDigit: Bool { ("0"..."9").contains(self) }
}
