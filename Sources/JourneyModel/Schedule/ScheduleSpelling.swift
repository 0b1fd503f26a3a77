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
            let distance = Suggestion.distance(lowered, candidate.spelling)
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
}
