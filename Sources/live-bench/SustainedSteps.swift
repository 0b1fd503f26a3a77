import Automation
import Foundation
import Workspace

/// 20,000 leads through send → update → wait 0s → send → exit with the runtime and the
/// delivery worker on their own threads on the system clock: steps and deliveries a second.
enum SustainedSteps {
    static let leads = 20_000

    static func run() {
        let bench = BenchWorkspace("steps", journeys: [BenchJourneys.steps])
        defer { bench.remove() }
        let push = seconds { bench.push(prefix: "s-", count: leads, event: nil, at: Date(), chunk: 5_000) }
        print(String(format: "  setup: %d leads pushed in %.1f s (before the runtime starts)", leads, push))
        let relay = WakeRelay()
        let runtime = LiveRuntime(workspace: bench.workspace, wrote: { relay.fire() })
        let start = DispatchTime.now().uptimeNanoseconds
        let cpu = cpuSeconds()
        let worker = DeliveryWorker.start(workspace: bench.workspace)
        relay.set(worker, enabled: true)
        runtime.start()
        defer {
            runtime.stop()
            worker.stop()
        }
        bench.waitUntil("steps", limit: 240) {
            bench.int("SELECT COUNT(*) FROM workflow_executions WHERE status <> 'active'") == leads
        }
        let stepsDone = elapsed(since: start)
        let stepsCPU = cpuSeconds() - cpu
        let sends = leads * 2
        bench.waitUntil("deliveries", limit: 240) {
            bench.int("SELECT COUNT(*) FROM outbox WHERE state = 'delivered'") == sends
        }
        let drained = elapsed(since: start)
        let stays = bench.int("SELECT COUNT(*) FROM node_stays")
        let completed = bench.int("SELECT COUNT(*) FROM workflow_executions WHERE status = 'completed'")
        let stepRate = Double(stays) / stepsDone
        print(
            String(
                format:
                    "  %d node steps (%d executions completed) in %.1f s (CPU %.1f s, delivery included): %.0f steps/s",
                stays, completed, stepsDone, stepsCPU, stepRate)
                + " (target >= 2,000: \(stepRate >= 2_000 ? "met" : "MISSED"))")
        print(
            String(
                format:
                    "  %d deliveries to the file channel; outbox drained %.1f s after start: %.0f deliveries/s",
                sends, drained, Double(sends) / drained))
    }
}
