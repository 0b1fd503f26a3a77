import Foundation

/// The scheduler's queue: wake-ups in virtual time, earliest first, ties in the order they
/// were scheduled, so every run processes the same things in the same order. Each wake-up's
/// sequence number is its ticket: an owner (a lead, or the handoff router) keeps the ticket
/// of its one live wake-up, so rescheduling or cancelling is only letting go of the ticket,
/// and an entry whose ticket its owner no longer holds is dropped when it surfaces
/// (`JourneyEngine.nextWakeUp`). The owner is asked there anyway, so the liveness check
/// costs no look-up of its own.
struct WakeUpQueue {
    /// 24 bytes (20 and padding): the buckets are scanned in order, and smaller entries are
    /// fewer cache lines to scan.
    struct Entry {
        var time: Date
        /// The ticket: unique, and in scheduling order.
        var sequence: UInt64
        /// A lead's slot, or `Entry.router`. Slots are below `UInt32.max`: a lead table of
        /// four billion leads would need 32 GiB before its slots ran out.
        var owner: UInt32

        static let router = UInt32.max

        /// Earlier, or as early and scheduled first. No two entries are equal (sequences are
        /// unique), so the order is total and every run pops the same entry next.
        static func < (a: Entry, b: Entry) -> Bool {
            a.time != b.time ? a.time < b.time : a.sequence < b.sequence
        }
    }

    /// Most wake-ups: everything scheduled at or after the last time taken out of it.
    private var radix = RadixHeap()
    /// The few scheduled earlier than that: looking at the earliest wake-up moves the radix
    /// heap's floor up to it, and a lead admitted before then is due sooner.
    private var early = BinaryMinHeap()
    private var nextSequence: UInt64 = 0

    /// Adds a wake-up for `owner` at `time`; returns its ticket.
    mutating func add(_ owner: WakeUpOwner, at time: Date) -> UInt64 {
        let code: UInt32
        switch owner {
        case .lead(let slot): code = UInt32(slot)
        case .handoffRouter: code = Entry.router
        }
        let ticket = nextSequence
        nextSequence &+= 1
        let entry = Entry(time: time, sequence: ticket, owner: code)
        if !radix.insert(entry) { early.insert(entry) }
        return ticket
    }

    /// The earliest entry, live or not.
    mutating func earliest() -> Entry? { earliestIsEarly() ? early.min : radix.min() }

    /// Removes the earliest entry (`earliest()`).
    mutating func removeEarliest() {
        if earliestIsEarly() { _ = early.popMin() } else { radix.removeMin() }
    }

    /// Whether the earliest entry waits in `early` rather than in the radix heap.
    private mutating func earliestIsEarly() -> Bool {
        guard let other = early.min else { return false }
        return radix.min().map { other < $0 } ?? true
    }
}

/// A monotone priority queue (a radix heap): it takes only entries no earlier than the last
/// minimum it found, and in return keeps them in 65 buckets by the highest bit in which their
/// time differs from that minimum's, so that finding the next minimum scans one bucket and
/// moves its entries down to lower ones, each entry at most 64 times in all. Every access is
/// an append or a scan in order, where a binary heap of a million wake-ups jumps across the
/// array and misses the cache at every level it sifts through. Entries of equal time come out
/// in the order they went in: they always share a bucket, and a bucket keeps its order.
private struct RadixHeap {
    /// `buckets[0]` holds entries at `floor` (from `front` on), `buckets[b]` those whose key
    /// first differs from `floor`'s at bit `b - 1`.
    private var buckets = [[WakeUpQueue.Entry]](repeating: [], count: 65)
    private var front = 0
    private var floor: UInt64 = 0
    /// Bit `b - 1` set when `buckets[b]` holds entries: the lowest is found in one instruction.
    private var filled: UInt64 = 0

    /// The time as an unsigned integer in the same order (the sign bit flipped, negative
    /// times' bits inverted).
    private static func key(_ time: Date) -> UInt64 {
        let seconds = time.timeIntervalSince1970
        let bits = seconds.bitPattern
        return seconds < 0 ? ~bits : bits | (1 << 63)
    }

    /// Adds the entry unless it is earlier than the floor (false then).
    mutating func insert(_ entry: WakeUpQueue.Entry) -> Bool {
        let key = Self.key(entry.time)
        guard key >= floor else { return false }
        file(entry, key: key)
        return true
    }

    @inline(__always)
    private mutating func file(_ entry: WakeUpQueue.Entry, key: UInt64) {
        guard key != floor else { return buckets[0].append(entry) }
        let bucket = UInt64.bitWidth - (key ^ floor).leadingZeroBitCount
        buckets[bucket].append(entry)
        filled |= 1 << (bucket - 1)
    }

    /// The earliest entry: the floor rises to its time.
    mutating func min() -> WakeUpQueue.Entry? {
        if front < buckets[0].count { return buckets[0][front] }
        guard filled != 0 else { return nil }
        buckets[0].removeAll(keepingCapacity: true)
        front = 0
        let source = filled.trailingZeroBitCount + 1
        filled &= filled - 1
        var entries: [WakeUpQueue.Entry] = []
        swap(&entries, &buckets[source])
        var lowest = UInt64.max
        for entry in entries { lowest = Swift.min(lowest, Self.key(entry.time)) }
        floor = lowest
        // Every entry lands in a lower bucket, those at the new floor in bucket 0, in order.
        for entry in entries { file(entry, key: Self.key(entry.time)) }
        // A small bucket keeps its buffer for the next time it fills; a large one lets it go,
        // or between them the buckets would hold many times the wake-ups in flight (tens of
        // megabytes with a million leads).
        if entries.capacity <= Self.keptCapacity {
            entries.removeAll(keepingCapacity: true)
            swap(&entries, &buckets[source])
        }
        return buckets[0][0]
    }

    private static let keptCapacity = 1_024

    /// Removes the entry `min()` returned.
    mutating func removeMin() { front += 1 }
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
