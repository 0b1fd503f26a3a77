import Foundation

/// The scheduler: wake-ups in virtual time, earliest first, ties in the order they were
/// scheduled, so every run processes the same things in the same order. Each owner (a lead,
/// or the handoff router) has at most one live wake-up: rescheduling bumps the owner's
/// version, and entries carrying an older version are skipped when they surface.
struct WakeUpQueue {
    /// 24 bytes, so that a cache line holds more of the heap's lower levels (with a million
    /// leads the heap is larger than the caches, and every sift misses in its last levels).
    struct Entry {
        var time: Date
        var sequence: UInt64
        /// A lead's slot, or `Entry.router`.
        var owner: UInt32
        var version: UInt32

        static let router = UInt32.max

        var wakeUpOwner: WakeUpOwner { owner == Self.router ? .handoffRouter : .lead(Int(owner)) }

        /// Earlier, or as early and scheduled first. No two entries are equal (sequences are
        /// unique), so the order is total and every run pops the same entry next.
        static func < (a: Entry, b: Entry) -> Bool {
            a.time != b.time ? a.time < b.time : a.sequence < b.sequence
        }
    }

    private var heap = BinaryMinHeap()
    private var nextSequence: UInt64 = 0
    /// Each owner's live version (0: none), leads by slot in an array rather than a hash
    /// table: looked up for every wake-up. Slots are given in order, so the array grows by
    /// 4 bytes per lead ever admitted. (Versions wrap; an entry is stale when its version is
    /// not its owner's, and no entry waits through four billion reschedules of its owner.)
    private var leadVersions: [UInt32] = []
    private var routerVersion: UInt32 = 0

    /// `owner` as an entry stores it. Slots are below `UInt32.max`: a lead table of four
    /// billion leads would need 32 GiB before its slots ran out.
    private static func code(of owner: WakeUpOwner) -> UInt32 {
        switch owner {
        case .lead(let slot): return UInt32(slot)
        case .handoffRouter: return Entry.router
        }
    }

    private func version(of owner: UInt32) -> UInt32 {
        if owner == Entry.router { return routerVersion }
        let slot = Int(owner)
        return slot < leadVersions.count ? leadVersions[slot] : 0
    }

    private mutating func setVersion(_ version: UInt32, of owner: UInt32) {
        if owner == Entry.router {
            routerVersion = version
            return
        }
        let slot = Int(owner)
        if slot >= leadVersions.count {
            leadVersions.append(contentsOf: repeatElement(0, count: slot + 1 - leadVersions.count))
        }
        leadVersions[slot] = version
    }

    /// Replaces the owner's wake-up with one at `time`, or cancels it when `time` is nil.
    mutating func schedule(_ owner: WakeUpOwner, at time: Date?) {
        let code = Self.code(of: owner)
        let version = version(of: code) &+ 1
        setVersion(version, of: code)
        guard let time else { return }
        heap.insert(Entry(time: time, sequence: nextSequence, owner: code, version: version))
        nextSequence &+= 1
    }

    /// Forgets an owner that will never be scheduled again, so memory follows owners in flight.
    mutating func forget(_ owner: WakeUpOwner) {
        setVersion(0, of: Self.code(of: owner))
    }

    /// The time of the earliest live wake-up, dropping stale entries on the way.
    mutating func peekTime() -> Date? {
        while let top = heap.min {
            if version(of: top.owner) == top.version { return top.time }
            _ = heap.popMin()
        }
        return nil
    }

    /// The earliest live wake-up, removed.
    mutating func pop() -> (owner: WakeUpOwner, time: Date)? {
        while let top = heap.popMin() {
            guard version(of: top.owner) == top.version else { continue }
            // Consumed: a later schedule gets a fresh version.
            setVersion(top.version &+ 1, of: top.owner)
            return (top.wakeUpOwner, top.time)
        }
        return nil
    }
}

/// The wake-ups in an array kept as a binary min-heap: the earliest at index 0, each entry
/// earlier than its children at `2i + 1` and `2i + 2`. (A min-only heap does half the
/// comparisons of a min-max one; the scheduler never asks for the latest wake-up.)
private struct BinaryMinHeap {
    private var entries: [WakeUpQueue.Entry] = []

    var min: WakeUpQueue.Entry? { entries.first }

    mutating func insert(_ entry: WakeUpQueue.Entry) {
        entries.append(entry)
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entry < entries[parent] else { break }
            entries[child] = entries[parent]
            child = parent
        }
        entries[child] = entry
    }

    mutating func popMin() -> WakeUpQueue.Entry? {
        guard let first = entries.first else { return nil }
        let last = entries.removeLast()
        guard !entries.isEmpty else { return first }
        // The last entry sinks from the root to where it belongs.
        var parent = 0
        let count = entries.count
        while true {
            var child = 2 * parent + 1
            guard child < count else { break }
            if child + 1 < count, entries[child + 1] < entries[child] { child += 1 }
            guard entries[child] < last else { break }
            entries[parent] = entries[child]
            parent = child
        }
        entries[parent] = last
        return first
    }
}

enum WakeUpOwner: Hashable {
    /// A lead, by its admission number.
    case lead(Int)
    case handoffRouter
}
