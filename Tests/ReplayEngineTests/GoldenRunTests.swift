import Foundation
import JourneyModel
import Testing

@testable import ReplayEngine

/// A fixed run's records, reduced to canonical text and hashed: a change in any draw, order
/// or time shows here, in this process or on another machine. When the engine's behavior is
/// changed on purpose, bump `Replay.version` and the digest together.
@Suite struct GoldenRunTests {
    static func canonical(_ record: ReplayRecord) -> String {
        func t(_ date: Date?) -> String { date.map { String(Int64($0.timeIntervalSince1970)) } ?? "-" }
        switch record {
        case .executionStarted(let r): return "start \(r.execution) \(t(r.at)) \(r.trigger)"
        case .executionEnded(let r):
            return "end \(r.execution) \(r.status.rawValue) \(r.reason ?? "-") \(t(r.endedAt)) \(r.steps)"
        case .nodeStay(let r):
            return
                "stay \(r.execution) \(r.nodeID) \(r.visit) \(t(r.enteredAt)) \(t(r.exitedAt)) \(r.outcome.rawValue)"
                + " \(r.nextNodeID ?? "-")"
        case .decision(let r): return "decision \(r.execution) \(r.nodeID) \(r.branchIndex ?? -1)"
        case .splitAssignment(let r): return "split \(r.execution) \(r.nodeID) \(r.path)"
        case .message(let r):
            let responses = r.responses
            return "message \(r.execution) \(r.nodeID) \(r.channel.rawValue) \(r.status.rawValue)"
                + " \(r.reason?.rawValue ?? "-") \(t(r.sentAt)) \(t(r.deferredUntil)) \(t(responses.openedAt))"
                + " \(t(responses.clickedAt)) \(t(responses.repliedAt)) \(t(responses.unsubscribedAt))"
        case .handoff(let r):
            return "handoff \(r.id) \(r.toAgentID ?? "-") \(r.outcome.rawValue) \(t(r.assignedAt))"
        case .webhookAttempt(let r): return "webhook \(r.execution) \(r.attempt) \(r.succeeded) \(t(r.at))"
        case .notification(let r): return "notify \(r.execution) \(r.nodeID)"
        case .propertyChange(let r): return "property \(r.execution) \(r.field) \(r.newValue)"
        case .conversion(let r): return "conversion \(r.execution) \(t(r.at)) \(r.afterExit)"
        case .outward(let r): return "outward \(r.execution) \(r.nodeID) \(r.visit)"
        }
    }

    @Test func aFixedRunHasAFixedDigest() {
        let suite = DeterminismTests()
        let recorder = replay(
            suite.everything, suite.cohort(150), agents: suite.agents,
            configuration: ReplayConfiguration(seed: 2026, mode: .simulated))
        var hash = StableHash()
        for record in recorder.records { hash.combine(Self.canonical(record)) }
        #expect(recorder.records.count == Self.expectedCount)
        #expect(hash.value == Self.expectedDigest, "digest \(hash.value)")
    }

    static let expectedCount = 2_076
    static let expectedDigest: UInt64 = 14_615_968_338_756_788_008
}
