/// "Did you mean" suggestions for misspelt schedule words (weekday and month
/// names, macros, friendly keywords).
enum ScheduleSpelling {
    /// The closest candidate to `word`, if it is close enough to be a likely typo:
    /// at most two edits away and fewer edits than the word has letters. Each
    /// candidate pairs a spelling to compare with the word to suggest for it, so
    /// "mnday" is compared with "monday" but answered with "mon".
    static func suggestion(for word: String, among candidates: [(spelling: String, suggestion: String)])
        -> String?
    {
        let lowered = word.lowercased()
        var best: (suggestion: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.spelling)
            if distance <= 2, distance < lowered.count, distance < (best?.distance ?? Int.max) {
                best = (candidate.suggestion, distance)
            }
        }
        return best?.suggestion
    }

    /// " (did you mean 'x'?)", or nothing when no candidate is close.
    static func didYouMean(_ word: String, among candidates: [(spelling: String, suggestion: String)])
        -> String
    {
        guard let match = suggestion(for: word, among: candidates) else { return "" }
        return " (did you mean '\(match)'?)"
    }

    /// The same for candidates that are suggested as spelt.
    static func didYouMean(_ word: String, among candidates: [String]) -> String {
        didYouMean(word, among: candidates.map { ($0, $0) })
    }

    /// Optimal string alignment distance: Levenshtein plus adjacent
    /// transpositions, because "jnu" for "jun" is one slip, not two.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs)
        let b = Array(rhs)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, table[i - 2][j - 2] + 1)
                }
                table[i][j] = value
            }
        }
        return table[a.count][b.count]
    }
}
