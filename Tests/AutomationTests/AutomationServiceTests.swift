import Foundation
import Testing
import Workspace

@testable import Automation

/// The lease as `cairn serve` runs it: one service leads and runs its work, another on the same
/// file stands by (saying so once) and takes over when the leader's heartbeat goes stale; the
/// old leader stops its work when it finds the lease taken. Driven by `tick()` with a test
/// clock, so nothing waits.
@Suite struct AutomationServiceTests {
    final class TestClock: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Double
        init(_ start: Double) { value = start }
        var now: Double { lock.withLock { value } }
        func advance(_ seconds: Double) { lock.withLock { value += seconds } }
    }

    final class CountingWork: LeaderWork, @unchecked Sendable {
        private let lock = NSLock()
        private var counts = (starts: 0, stops: 0)
        func start() { lock.withLock { counts.starts += 1 } }
        func stop() { lock.withLock { counts.stops += 1 } }
        var starts: Int { lock.withLock { counts.starts } }
        var stops: Int { lock.withLock { counts.stops } }
    }

    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String] = []
        func add(_ line: String) { lock.withLock { stored.append(line) } }
        var all: [String] { lock.withLock { stored } }
    }

    static let channels = "channels:\n  email: { deliver: file, path: out/email.jsonl }\n"

    static func service(
        _ path: String, pid: Int32, clock: TestClock, work: CountingWork, lines: Lines
    ) throws -> AutomationService {
        AutomationService(
            workspace: try Workspace.open(at: path), work: [work], pid: pid, host: "host\(pid)",
            holder: "holder-\(pid)", clock: { clock.now }, announce: lines.add)
    }

    @Test func oneLeadsTheOtherStandsByThenTakesOverAStaleLease() throws {
        let fixture = try DeliveryFixture(channels: Self.channels)
        let path = fixture.folder.appendingPathComponent("test.db").path
        let clock = TestClock(1_000)
        let (workA, workB, linesA, linesB) = (CountingWork(), CountingWork(), Lines(), Lines())
        let a = try Self.service(path, pid: 11, clock: clock, work: workA, lines: linesA)
        let b = try Self.service(path, pid: 22, clock: clock, work: workB, lines: linesB)

        #expect(a.tick() && workA.starts == 1)
        #expect(linesA.all == ["automation running"])
        clock.advance(1)
        #expect(!b.tick() && !b.tick() && workB.starts == 0)
        #expect(
            linesB.all == [
                "automation standing by: held by pid 11 on host11 (heartbeat 1s ago); taking over if it stops"
            ], "said once")
        for _ in 0..<5 {
            clock.advance(2)
            #expect(a.tick() && !b.tick(), "a beating heartbeat keeps the lease")
        }
        clock.advance(8.5)  // a stalls: no heartbeat for more than 8 s
        #expect(b.tick() && workB.starts == 1)
        #expect(linesB.all.last == "automation running (took the lease over)")
        #expect(!a.tick() && workA.stops == 1, "the old leader stops its work")
        #expect(linesA.all.last == "automation stopped: pid 22 on host22 took the lease over")
        #expect(!a.tick())
        #expect(linesA.all.last?.hasPrefix("automation standing by: held by pid 22 on host22") == true)
        #expect(linesA.all.count == 3)

        b.stop()
        #expect(workB.stops == 1 && !b.isLeading)
        #expect(try AutomationLease(workspace: Workspace.open(at: path)).current() == nil, "stop releases")
        #expect(a.tick() && workA.starts == 2, "a standby takes a released lease at once")
        a.stop()
        #expect(workA.stops == 2)
    }

    @Test func theLoopLeadsAndStopsWithRealThreads() throws {
        let fixture = try DeliveryFixture(channels: Self.channels)
        let work = CountingWork()
        let service = AutomationService(
            workspace: fixture.workspace, work: [work], heartbeatInterval: 0.05, staleAfter: 8)
        service.start()
        let deadline = Date().addingTimeInterval(10)
        while !service.isLeading, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(service.isLeading && work.starts == 1)
        service.stop()
        #expect(!service.isLeading && work.stops == 1)
        #expect(try AutomationLease(workspace: fixture.workspace).current() == nil)
    }

    @Test func theDeliveryWorkerStartsAgainAfterAStop() throws {
        let fixture = try DeliveryFixture(channels: Self.channels)
        let worker = DeliveryWorker(workspace: fixture.workspace, idleCheck: 0.05)
        worker.stop()  // never started: returns at once
        try fixture.workspace.enqueue([DeliveryFixture.request("k1")])
        worker.start()
        worker.stop()
        try fixture.workspace.enqueue([DeliveryFixture.request("k2")])
        worker.start()
        let deadline = Date().addingTimeInterval(10)
        while try fixture.entry("k2")?.state != .delivered, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        worker.stop()
        #expect(try fixture.entry("k1")?.state == .delivered && fixture.entry("k2")?.state == .delivered)
    }
}
