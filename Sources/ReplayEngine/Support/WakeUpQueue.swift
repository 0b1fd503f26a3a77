import Foundation

/// The scheduler: wake-ups in virtual time, earliest first, ties in the order they were
/// scheduled, so every run processes the same things in the same order. Each owner (a lead,
/// or the handoff router) has at most one live wake-up: rescheduling bumps the owner's
/// version, and entries carrying an older version are skipped when they surface.
struct WakeUpQueue {
    struct Entry {
        var time: Date
        var sequence: UInt64
        var owner: WakeUpOwner
        var version: UInt64

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
    /// 8 bytes per lead ever admitted.
    private var leadVersions: [UInt64] = []
    private var routerVersion: UInt64 = 0

    private func version(of owner: WakeUpOwner) -> UInt64 {
        switch owner {
        case .lead(let slot): return slot < leadVersions.count ? leadVersions[slot] : 0
        case .handoffRouter: return routerVersion
        }
    }

    private mutating func setVersion(_ version: UInt64, of owner: WakeUpOwner) {
        switch owner {
        case .lead(let slot):
            if slot >= leadVersions.count {
                leadVersions.append(contentsOf: repeatElement(0, count: slot + 1 - leadVersions.count))
            }
            leadVersions[slot] = version
        case .handoffRouter:
            routerVersion = version
        }
    }

    /// Replaces the owner's wake-up with one at `time`, or cancels it when `time` is nil.
    mutating func schedule(_ owner: WakeUpOwner, at time: Date?) {
        let version = version(of: owner) &+ 1
        setVersion(version, of: owner)
        guard let time else { return }
        heap.insert(Entry(time: time, sequence: nextSequence, owner: owner, version: version))
        nextSequence &+= 1
    }

    /// Forgets an owner that will never be scheduled again, so memory follows owners in flight.
    mutating func forget(_ owner: WakeUpOwner) {
        setVersion(0, of: owner)
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
            return (top.owner, top.time)
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
