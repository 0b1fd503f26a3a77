/// Words mapped to numbers in a small open-addressed table hashed by FNV-1a over the word's
/// bytes: a handful of instructions for a short word, where `Dictionary` runs SipHash. For the
/// few words a run repeats millions of times (node ids, outcomes, statuses, channels).
struct WordTable: Sendable {
    private var words: [String?] = Array(repeating: nil, count: 64)
    private var values: [Int64] = Array(repeating: 0, count: 64)
    private(set) var count = 0

    func value(of word: String) -> Int64? {
        let mask = words.count - 1
        var slot = Self.hash(word) & mask
        while let known = words[slot] {
            if known == word { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Adds a word not in the table, doubling the table when it would be more than half full.
    mutating func insert(_ word: String, _ value: Int64) {
        if (count + 1) * 2 > words.count {
            let known = zip(words, values).compactMap { word, value in word.map { ($0, value) } }
            words = Array(repeating: nil, count: words.count * 2)
            values = Array(repeating: 0, count: values.count * 2)
            count = 0
            for (word, value) in known { insert(word, value) }
        }
        let mask = words.count - 1
        var slot = Self.hash(word) & mask
        while words[slot] != nil { slot = (slot + 1) & mask }
        words[slot] = word
        values[slot] = value
        count += 1
    }

    private static func hash(_ word: String) -> Int {
        var word = word
        return word.withUTF8 { bytes in
            var hash: UInt32 = 2_166_136_261
            for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            return Int(hash)
        }
    }
}
