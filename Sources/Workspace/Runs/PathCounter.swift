/// Counts the node sequences executions took (`run_path_summary`), as a trie over `RunWords`
/// numbers: an execution's path costs a walk down the trie, one short list of children per
/// stay, with no string built or hashed per execution. Gives up (`paths` nil) past
/// `maxDistinct` distinct paths.
struct PathCounter {
    let maxDistinct: Int
    let maxLength: Int
    /// Per trie node (0 is the empty path): its parent, its last word, how many executions
    /// took exactly that path, its first child and its next sibling (-1: none). A node has a
    /// few children at most (the branches of one node), so a list is searched, not hashed.
    private var parent: [Int32] = [-1]
    private var word: [Int32] = [-1]
    private var executions: [Int] = [0]
    private var firstChild: [Int32] = [-1]
    private var nextSibling: [Int32] = [-1]
    private var distinct = 0
    private(set) var gaveUp = false

    init(maxDistinct: Int, maxLength: Int) {
        self.maxDistinct = maxDistinct
        self.maxLength = maxLength
    }

    /// Counts one execution whose stays were at `nodes`, in order (the first `maxLength`).
    /// Walked by index: a sequence's prefix and iterator cost more than the trie on a million
    /// executions.
    mutating func count<Nodes: RandomAccessCollection<Int32>>(_ nodes: Nodes) where Nodes.Index == Int {
        guard !gaveUp else { return }
        var node: Int32 = 0
        for index in nodes.startIndex..<min(nodes.endIndex, nodes.startIndex + maxLength) {
            let next = nodes[index]
            var child = firstChild[Int(node)]
            while child >= 0, word[Int(child)] != next { child = nextSibling[Int(child)] }
            if child < 0 {
                child = Int32(parent.count)
                parent.append(node)
                word.append(next)
                executions.append(0)
                firstChild.append(-1)
                nextSibling.append(firstChild[Int(node)])
                firstChild[Int(node)] = child
            }
            node = child
        }
        if executions[Int(node)] == 0 { distinct += 1 }
        executions[Int(node)] += 1
        if distinct > maxDistinct {
            gaveUp = true
            (parent, word, executions, firstChild, nextSibling) = ([], [], [], [], [])
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
