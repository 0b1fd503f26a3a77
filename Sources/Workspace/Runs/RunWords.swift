/// The words of a run's recorded stays and messages (node ids, outcomes, templates), numbered
/// on the engine's thread in the order first seen, so that a recorded row holds small numbers
/// rather than strings; each batch carries the list, and the writer turns each number into its
/// `step_words` code once (`StepWords`).
struct RunWords: Sendable {
    /// The words by number.
    private(set) var list: [String] = []
    private var numbers = WordTable()

    mutating func number(_ word: String) -> Int32 {
        if let number = numbers.value(of: word) { return Int32(number) }
        let number = Int32(list.count)
        list.append(word)
        numbers.insert(word, Int64(number))
        return number
    }
}
