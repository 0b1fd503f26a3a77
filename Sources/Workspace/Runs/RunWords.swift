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
    /// Per node number, the stored outcome of its last stay (at `2 × number`) and the template
    /// of its last message (at `2 × number + 1`), with their word numbers: a node's stays
    /// mostly leave the same way, and a send node sends one template.
    private var lastWords: [(text: String, word: Int32)?] = []

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
        number(stay.storedOutcome, lastAt: stay.nodeNumber, kind: 0)
    }

    /// The number of template `text` of a message sent at the node the engine numbered `node`.
    mutating func template(_ text: String, atNode node: Int) -> Int32 {
        number(text, lastAt: node, kind: 1)
    }

    /// The number of `text`, found without hashing when it is the last word of its `kind` seen
    /// at the node the engine numbered `node` (a negative number names no node).
    private mutating func number(_ text: String, lastAt node: Int, kind: Int) -> Int32 {
        guard node >= 0 else { return number(text) }
        let place = 2 * node + kind
        if place < lastWords.count, let last = lastWords[place], last.text == text { return last.word }
        if place >= lastWords.count {
            lastWords.append(contentsOf: repeatElement(nil, count: place + 2 - lastWords.count))
        }
        let word = number(text)
        lastWords[place] = (text, word)
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
