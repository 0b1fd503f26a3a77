import Foundation
import Testing

@testable import ReplayEngine

/// `WakeUpQueue` against a sorted list doing the same: whatever is added, before or after the
/// earliest was looked at, comes out earliest first, ties in the order they were added.
@Suite struct WakeUpQueueTests {
    /// A wake-up as the reference keeps it.
    private struct Expected: Equatable {
        var time: Date
        var ticket: UInt64
    }

    @Test(arguments: [1, 2, 3] as [Int64])
    func comesOutEarliestFirstTiesInOrderAdded(seed: Int64) {
        var random = StableRandom(seed: seed, stream: 1)
        var queue = WakeUpQueue()
        var pending: [Expected] = []
        var taken: [Expected] = []
        var expected: [Expected] = []
        // Times before 1970 too, whole seconds (many ties) and fractions.
        var now = Date(timeIntervalSince1970: -86_400)
        for _ in 0..<4_000 {
            switch random.next() % 4 {
            case 0, 1:
                // At or after the last time taken, as the engine schedules: sometimes below the
                // earliest looked at, sometimes far ahead, sometimes at the same instant.
                let step = random.next() % 3 == 0 ? 0 : Double(random.next() % 200_000)
                let fraction = random.next() % 2 == 0 ? 0 : 0.25
                let time = now.addingTimeInterval(step + fraction)
                let ticket = queue.add(.lead(Int(random.next() % 50)), at: time)
                pending.append(Expected(time: time, ticket: ticket))
            case 2:
                // Looking raises the radix heap's floor; adds after it may fall below.
                let earliest = queue.earliest()
                let reference = pending.min { ($0.time, $0.ticket) < ($1.time, $1.ticket) }
                #expect(earliest.map { Expected(time: $0.time, ticket: $0.sequence) } == reference)
            default:
                guard let earliest = queue.earliest() else { continue }
                queue.removeEarliest()
                taken.append(Expected(time: earliest.time, ticket: earliest.sequence))
                let index = pending.indices.min {
                    (pending[$0].time, pending[$0].ticket) < (pending[$1].time, pending[$1].ticket)
                }!
                expected.append(pending.remove(at: index))
                now = earliest.time
            }
        }
        while let earliest = queue.earliest() {
            queue.removeEarliest()
            taken.append(Expected(time: earliest.time, ticket: earliest.sequence))
        }
        expected += pending.sorted { ($0.time, $0.ticket) < ($1.time, $1.ticket) }
        #expect(taken.count > 1_000)
        #expect(taken == expected)
    }

    @Test func theRouterAndALeadAreToldApart() {
        var queue = WakeUpQueue()
        let time = Date(timeIntervalSince1970: 1_000)
        _ = queue.add(.handoffRouter, at: time)
        _ = queue.add(.lead(7), at: time)
        #expect(queue.earliest()?.owner == WakeUpQueue.Entry.router)
        queue.removeEarliest()
        #expect(queue.earliest()?.owner == 7)
        queue.removeEarliest()
        #expect(queue.earliest() == nil)
    }
}
