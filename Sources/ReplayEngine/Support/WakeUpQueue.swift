import Foundation
import HeapModule

/// The scheduler: wake-ups in virtual time, earliest first, ties in the order they were
/// scheduled, so every run processes the same things in the same order. Each owner (a lead,
/// or the handoff router) has at most one live wake-up: rescheduling bumps the owner's
/// version, and entries carrying an older version are skipped when they surface.
struct WakeUpQueue {
    struct Entry: Comparable {
        var time: Date
        var sequence: UInt64
        var owner: WakeUpOwner
        var version: UInt64

        static func < (a: Entry, b: Entry) -> Bool {
            a.time != b.time ? a.time < b.time : a.sequence < b.sequence
        }

        static func == (a: Entry, b: Entry) -> Bool {
            a.time == b.time && a.sequence == b.sequence
        }
    }

    private var heap = Heap<Entry>()
    private var nextSequence: UInt64 = 0
    private var versions: [WakeUpOwner: UInt64] = [:]

    /// Replaces the owner's wake-up with one at `time`, or cancels it when `time` is nil.
    mutating func schedule(_ owner: WakeUpOwner, at time: Date?) {
        let version = (versions[owner] ?? 0) &+ 1
        guard let time else {
            versions[owner] = version
            return
        }
        versions[owner] = version
        heap.insert(Entry(time: time, sequence: nextSequence, owner: owner, version: version))
        nextSequence &+= 1
    }

    /// Forgets an owner that will never be scheduled again, so memory follows owners in flight.
    mutating func forget(_ owner: WakeUpOwner) {
        versions[owner] = nil
    }

    /// The time of the earliest live wake-up, dropping stale entries on the way.
    mutating func peekTime() -> Date? {
        while let top = heap.min {
            if versions[top.owner] == top.version { return top.time }
            _ = heap.popMin()
        }
        return nil
    }

    /// The earliest live wake-up, removed.
    mutating func pop() -> (owner: WakeUpOwner, time: Date)? {
        while let top = heap.popMin() {
            guard versions[top.owner] == top.version else { continue }
            // Consumed: a later schedule gets a fresh version.
            versions[top.owner] = top.version &+ 1
            return (top.owner, top.time)
        }
        return nil
    }
}

enum WakeUpOwner: Hashable {
    /// A lead, by its admission number.
    case lead(Int)
    case handoffRouter
}
