/// A list that is usually short, held in the value itself up to `inlineCount` elements and in
/// an array beyond. An execution's visit counts, its visits at the current instant and its
/// recent actions are read at every step: held in the execution itself they are no allocations
/// of their own to make, to copy as they grow, and to miss in the cache when a million leads
/// are in flight.
struct ShortList<let inlineCount: Int, Element> {
    private var head: InlineArray<inlineCount, Element>
    private var tail: [Element] = []
    private(set) var count = 0
    /// What unused places of `head` hold.
    private let filler: Element

    init(filler: Element) {
        self.filler = filler
        head = InlineArray(repeating: filler)
    }

    init(_ elements: [Element], filler: Element) {
        self.init(filler: filler)
        for element in elements { append(element) }
    }

    var isEmpty: Bool { count == 0 }

    subscript(index: Int) -> Element {
        @inline(__always) get {
            precondition(index >= 0 && index < count, "ShortList index out of range")
            return index < inlineCount ? head[index] : tail[index - inlineCount]
        }
        @inline(__always) set {
            precondition(index >= 0 && index < count, "ShortList index out of range")
            if index < inlineCount { head[index] = newValue } else { tail[index - inlineCount] = newValue }
        }
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count < inlineCount { head[count] = element } else { tail.append(element) }
        count += 1
    }

    /// Appends `filler` until the list holds `newCount` elements.
    mutating func grow(to newCount: Int) {
        while count < newCount { append(filler) }
    }

    @inline(__always)
    mutating func removeAll() {
        count = 0
        tail.removeAll(keepingCapacity: true)
    }

    /// Keeps, in order, the elements `shouldRemove` refuses.
    mutating func removeAll(where shouldRemove: (Element) -> Bool) {
        var kept = 0
        for index in 0..<count {
            let element = self[index]
            guard !shouldRemove(element) else { continue }
            self[kept] = element
            kept += 1
        }
        count = kept
        if kept <= inlineCount {
            tail.removeAll(keepingCapacity: true)
        } else {
            tail.removeLast(tail.count - (kept - inlineCount))
        }
    }

    /// Adds one to the count at `index`, growing the list with `filler` to reach it, and
    /// returns the new count: one access to the list (reading it apart from the increment
    /// copied the whole inline part out of its execution, twice a step).
    @inline(__always)
    mutating func increment(at index: Int) -> Int where Element == Int {
        if index >= count { grow(to: index + 1) }
        if index < inlineCount {
            head[index] += 1
            return head[index]
        }
        tail[index - inlineCount] += 1
        return tail[index - inlineCount]
    }

    /// The elements, in order, as an array.
    var elements: [Element] { (0..<count).map { self[$0] } }
}
