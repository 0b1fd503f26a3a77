/// Subsequence matching for the command palette: "rpl" finds "Replay cohort".
/// Matches at word starts and consecutive runs score higher, so the command
/// you mean comes first.
public enum FuzzyMatch {
    public struct Match: Hashable, Sendable {
        public var score: Int
        /// Character offsets in the candidate that matched (for highlighting).
        public var positions: [Int]
    }

    /// `nil` when the query's characters do not all appear in order.
    public static func match(_ query: String, in candidate: String) -> Match? {
        let needle = Array(query.lowercased()).filter { $0 != " " }
        let haystack = Array(candidate.lowercased())
        guard !needle.isEmpty else { return Match(score: 0, positions: []) }
        var positions: [Int] = []
        var score = 0
        var searchFrom = 0
        var previous = -2
        for character in needle {
            guard let found = haystack[searchFrom...].firstIndex(of: character) else { return nil }
            let atWordStart = found == 0 || haystack[found - 1] == " " || haystack[found - 1] == "-"
            score += 1
            if atWordStart { score += 8 }
            if found == previous + 1 { score += 5 }
            positions.append(found)
            previous = found
            searchFrom = found + 1
        }
        // Prefer shorter candidates and earlier first matches among equals.
        score -= (positions.first ?? 0) + haystack.count / 8
        return Match(score: score, positions: positions)
    }

    /// Candidates that match, best first (ties keep their original order).
    public static func rank(_ query: String, _ candidates: [String]) -> [(index: Int, match: Match)] {
        candidates.enumerated()
            .compactMap { index, text in match(query, in: text).map { (index, $0) } }
            .sorted {
                $0.match.score != $1.match.score ? $0.match.score > $1.match.score : $0.index < $1.index
            }
    }
}
