import Automation
import Foundation
import Workspace

/// 100,000 executions waiting; the runtime is dropped (as a crash would) and a new one starts
/// 10 minutes later, when every wait is 5 minutes overdue: how long until all are worked off.
enum RestartOverdue {
    static let leads = 100_000

    static func run() {
        let bench = BenchWorkspace("restart", journeys: [BenchJourneys.restart])
        defer { bench.remove() }
        let t0 = Date()
        let setup = timed {
            bench.push(prefix: "r-", count: leads, event: nil, at: t0)
            do { try LiveRuntime(workspace: bench.workspace).iterate(at: t0) } catch {
                fail("round: \(error)")
            }
        }
        let waiting = bench.int("SELECT COUNT(*) FROM live_leads WHERE due_at IS NOT NULL")
        print("  setup: \(waiting) executions waiting 5 min, stepped in \(setup)")
        let run = Int64(bench.int("SELECT run_id FROM live_runs"))
        var restored = 0
        let decode = timed {
            do { restored = try bench.workspace.liveLeadStates(run: run).count } catch { fail("\(error)") }
        }
        let runtime = LiveRuntime(workspace: bench.workspace)
        let cpu = cpuSeconds()
        let workedOff = seconds {
            do { try runtime.iterate(at: t0.addingTimeInterval(600)) } catch {
                fail("restart round: \(error)")
            }
        }
        let done = bench.int("SELECT COUNT(*) FROM workflow_executions WHERE status = 'completed'")
        let outbox = bench.int("SELECT COUNT(*) FROM outbox WHERE state = 'pending'")
        let restartCPU = String(format: "%.1f s (CPU %.1f s)", workedOff, cpuSeconds() - cpu)
        print(
            "  restart at +10 min: \(done) executions completed, \(outbox) sends in the outbox, in \(restartCPU)"
                + " (target <= 60 s: \(verdict(workedOff, atMost: 60)))")
        print("    of which reading and decoding the \(restored) stored states alone: \(decode)")
    }
}
