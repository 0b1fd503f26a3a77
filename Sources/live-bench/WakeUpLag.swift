import Automation
import Foundation
import Workspace

/// Wakes the delivery worker when the runtime has written, once `worker` is set and `enabled`.
final class WakeRelay: @unchecked Sendable {
    private let lock = NSLock()
    private var worker: DeliveryWorker?
    private var enabled = false

    func set(_ worker: DeliveryWorker?, enabled: Bool) {
        lock.withLock { (self.worker, self.enabled) = (worker, enabled) }
    }

    func fire() {
        let target = lock.withLock { enabled ? worker : nil }
        target?.wake()
    }
}

/// 100,000 waiting executions, 1,000 of which fall due in the same second: how late their sends
/// are written and delivered, with the runtime and the delivery worker on their own threads.
enum WakeUpLag {
    static let waiting = 99_000
    static let burst = 1_000

    static func run() {
        let bench = BenchWorkspace("wake", journeys: [BenchJourneys.long, BenchJourneys.burst])
        defer { bench.remove() }
        let relay = WakeRelay()
        let runtime = LiveRuntime(workspace: bench.workspace, wrote: { relay.fire() })
        let setup = timed {
            bench.push(prefix: "long-", count: waiting, event: "enroll_long", at: Date())
            do { try runtime.iterate(at: Date()) } catch { fail("round: \(error)") }
        }
        let waitingNow = bench.int("SELECT COUNT(*) FROM live_leads WHERE due_at IS NOT NULL")
        print("  setup: \(waitingNow) leads pushed and stepped to their 1-day wait in \(setup)")
        // The runtime thread starts as `cairn serve` would: it restores every stored state.
        runtime.start()
        let worker = DeliveryWorker.start(workspace: bench.workspace)
        defer {
            runtime.stop()
            worker.stop()
        }
        let up = timed {
            bench.push(prefix: "probe-", count: 1, event: nil, at: Date())
            bench.waitUntil("runtime start", limit: 120) {
                bench.int(
                    "SELECT MIN(arrival_cursor) >= (SELECT MAX(id) FROM live_arrivals) FROM live_runs") == 1
            }
        }
        print("  runtime thread up (every stored state restored, arrivals caught up) in \(up)")
        measure(bench, prefix: "a-", title: "worker not woken by the runtime (idle check 5 s)")
        relay.set(worker, enabled: true)
        measure(bench, prefix: "b-", title: "worker woken by the runtime after each write")
    }

    /// Pushes the burst at the real now; the runtime picks it up, the waits end 20 s later.
    static func measure(_ bench: BenchWorkspace, prefix: String, title: String) {
        bench.push(prefix: prefix, count: burst, event: "enroll_burst", at: Date())
        let leads = "lead_id LIKE '\(prefix)%'"
        bench.waitUntil("burst \(prefix)", limit: 120) {
            bench.int("SELECT COUNT(*) FROM outbox WHERE state = 'delivered' AND \(leads)") == burst
        }
        let dues = bench.doubles("SELECT requested_at FROM outbox WHERE \(leads)")
        let spread = (dues.max() ?? 0) - (dues.min() ?? 0)
        let delivered = bench.doubles("SELECT delivered_at - requested_at FROM outbox WHERE \(leads)")
        let stepped = bench.doubles(
            """
            SELECT l.updated_at - o.requested_at FROM outbox o
            JOIN live_leads l ON l.lead_id = o.lead_id
            JOIN live_runs r ON r.run_id = l.run_id JOIN workflows w ON w.id = r.workflow_id
            WHERE w.slug = 'bench-burst' AND o.\(leads)
            """)
        let sorted = delivered.sorted()
        print("  \(title): \(burst) sends due within \(String(format: "%.3f", spread)) s")
        print("    due -> step written   " + lagLine("lag", stepped))
        print("    due -> delivered      " + lagLine("lag", delivered))
        print(
            "    targets p99 <= 1 s: \(verdict(percentile(sorted, 0.99), atMost: 1)); max <= 3 s: \(verdict(sorted.last ?? .nan, atMost: 3))"
        )
    }
}
