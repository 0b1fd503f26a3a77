/// Counts the node sequences executions took (`run_path_summary`), as a trie over `RunWords`
/// numbers: an execution's path costs one integer lookup per stay, with no string built or
/// hashed per execution. Gives up (`paths` nil) past `maxDistinct` distinct paths.
struct PathCounter {
    let maxDistinct: Int
    let maxLength: Int
    /// Per trie node (0 is the empty path): its parent, its last word, and how many executions
    /// took exactly that path.
    private var parent: [Int32] = [-1]
    private var word: [Int32] = [-1]
    private var executions: [Int] = [0]
    /// The trie node a parent reaches with a word, keyed by `parent << 32 | word`.
    private var children: [Int64: Int32] = [:]
    private var distinct = 0
    private(set) var gaveUp = false

    init(maxDistinct: Int, maxLength: Int) {
        self.maxDistinct = maxDistinct
        self.maxLength = maxLength
    }

    /// Counts one execution whose stays were at `nodes`, in order (the first `maxLength`).
    mutating func count(_ nodes: some Sequence<Int32>) {
        guard !gaveUp else { return }
        var node: Int32 = 0
        for next in nodes.prefix(maxLength) {
            let key = Int64(node) << 32 | Int64(UInt32(bitPattern: next))
            if let child = children[key] {
                node = child
            } else {
                let child = Int32(parent.count)
                parent.append(node)
                word.append(next)
                executions.append(0)
                children[key] = child
                node = child
            }
        }
        if executions[Int(node)] == 0 { distinct += 1 }
        executions[Int(node)] += 1
        if distinct > maxDistinct {
            gaveUp = true
            (parent, word, executions, children) = ([], [], [], [:])
        }
    }

    /// Each path taken, as its words joined by spaces, with its count; nil once given up.
    func paths(words: [String]) -> [String: Int]? {
        guard !gaveUp else { return nil }
        var result: [String: Int] = [:]
        for node in executions.indices where executions[node] > 0 {
            var names: [String] = []
            var at = node
            while at > 0 {
                names.append(words[Int(word[at])])
                at = Int(parent[at])
            }
            result[names.reversed().joined(separator: " "), default: 0] += executions[node]
        }
        return result
    }
}
