import ReplayEngine

/// The words of a run's recorded stays and messages (node ids, outcomes, templates), numbered
/// on the engine's thread in the order first seen, so that a recorded row holds small numbers
/// rather than strings; each batch carries the list, and the writer turns each number into its
/// `step_words` code once (`StepWords`).
struct RunWords: Sendable {
    /// The words by number.
    private(set) var list: [String] = []
    private var numbers = WordTable()

    /// Word numbers of node ids by the engine's number for them (`NodeStay.nodeNumber`), `noWord`
    /// until one is seen.
    private var nodeWords: [Int32] = []
    /// Per node number, the stored outcome of its last stay and that word's number: a node's
    /// stays mostly leave the same way.
    private var lastOutcomes: [(text: String, word: Int32)?] = []

    /// The number of node `id`, which the engine numbered `number` for this run (no hashing
    /// once seen); numbered by its id when the engine gave it no number.
    mutating func node(_ id: String, numbered number: Int) -> Int32 {
        guard number >= 0 else { return self.number(id) }
        if number < nodeWords.count, nodeWords[number] != RecordedStay.noWord { return nodeWords[number] }
        if number >= nodeWords.count {
            nodeWords.append(
                contentsOf: repeatElement(RecordedStay.noWord, count: number + 1 - nodeWords.count))
        }
        let word = self.number(id)
        nodeWords[number] = word
        return word
    }

    /// The number of `stay`'s stored outcome (`NodeStay.storedOutcome`).
    mutating func outcome(of stay: NodeStay) -> Int32 {
        let text = stay.storedOutcome
        let node = stay.nodeNumber
        guard node >= 0 else { return number(text) }
        if node < lastOutcomes.count, let last = lastOutcomes[node], last.text == text { return last.word }
        if node >= lastOutcomes.count {
            lastOutcomes.append(contentsOf: repeatElement(nil, count: node + 1 - lastOutcomes.count))
        }
        let word = number(text)
        lastOutcomes[node] = (text, word)
        return word
    }

    mutating func number(_ word: String) -> Int32 {
        if let number = numbers.value(of: word) { return Int32(number) }
        let number = Int32(list.count)
        list.append(word)
        numbers.insert(word, Int64(number))
        return number
    }
}
