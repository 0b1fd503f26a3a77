import Foundation
import ReplayEngine

/// Run counts gathered from a replay's records as they are emitted. The engine calls `record`
/// on its own thread; the screen gets copies (`snapshot`) in its progress messages, so the
/// lock is held only to add one record or to copy the counts.
final class LiveRunCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var counts = RunCounts()
    /// The nodes each execution in flight has passed, for crediting a conversion to all of them.
    private var passed: [ExecutionKey: Set<String>] = [:]

    func record(_ record: ReplayRecord) {
        lock.lock()
        defer { lock.unlock() }
        switch record {
        case .executionStarted(let started):
            counts.arrivals["entry", default: 0] += 1
            passed[started.execution] = ["entry"]
        case .nodeStay(let stay):
            counts.arrivals[stay.nodeID, default: 0] += 1
            if var nodes = passed[stay.execution] {
                if nodes.count == 1, nodes.contains("entry") {
                    // The first stay: the lead came along the entry's edge.
                    counts.edges[RunCounts.Edge(from: "entry", to: stay.nodeID), default: 0] += 1
                }
                nodes.insert(stay.nodeID)
                passed[stay.execution] = nodes
            }
            if let next = stay.nextNodeID {
                counts.edges[RunCounts.Edge(from: stay.nodeID, to: next), default: 0] += 1
            }
        case .executionEnded(let ended):
            if ended.status == .converted {
                for node in passed[ended.execution] ?? [] { counts.conversions[node, default: 0] += 1 }
            }
            passed[ended.execution] = nil
        default:
            break
        }
    }

    func snapshot() -> RunCounts {
        lock.lock()
        defer { lock.unlock() }
        return counts
    }
}
