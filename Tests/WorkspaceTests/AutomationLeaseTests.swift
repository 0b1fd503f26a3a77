import Foundation
import Testing

@testable import Workspace

/// The automation lease: taken when free, own or stale; refused while another's heartbeat is
/// recent; lost to a takeover; released. Times are given, so no test waits.
@Suite struct AutomationLeaseTests {
    @Test func takesAFreeLeaseAndKeepsItsOwn() throws {
        let test = try TestWorkspace()
        let lease = AutomationLease(workspace: test.workspace)
        #expect(try lease.current() == nil)
        guard
            case .acquired(let first) = try lease.acquire(
                holder: "a", pid: 1, host: "h", now: 100, staleAfter: 8)
        else {
            Issue.record("a free lease is taken")
            return
        }
        #expect(
            first == AutomationLeaseHolder(holder: "a", pid: 1, host: "h", acquiredAt: 100, heartbeatAt: 100))
        guard
            case .acquired(let again) = try lease.acquire(
                holder: "a", pid: 1, host: "h", now: 103, staleAfter: 8)
        else {
            Issue.record("its own lease is kept")
            return
        }
        #expect(again.acquiredAt == 100 && again.heartbeatAt == 103)
    }

    @Test func standsByWhileTheHolderBeatsAndTakesOverWhenItGoesStale() throws {
        let test = try TestWorkspace()
        let lease = AutomationLease(workspace: test.workspace)
        _ = try lease.acquire(holder: "a", pid: 1, host: "h1", now: 100, staleAfter: 8)
        #expect(
            try lease.acquire(holder: "b", pid: 2, host: "h2", now: 107, staleAfter: 8)
                == .heldByOther(
                    AutomationLeaseHolder(holder: "a", pid: 1, host: "h1", acquiredAt: 100, heartbeatAt: 100))
        )
        #expect(try lease.heartbeat(holder: "a", now: 107))
        guard case .heldByOther = try lease.acquire(holder: "b", pid: 2, host: "h2", now: 115, staleAfter: 8)
        else {
            Issue.record("a heartbeat 8 s old is not yet stale")
            return
        }
        #expect(
            try lease.acquire(holder: "b", pid: 2, host: "h2", now: 115.5, staleAfter: 8)
                == .acquired(
                    AutomationLeaseHolder(
                        holder: "b", pid: 2, host: "h2", acquiredAt: 115.5, heartbeatAt: 115.5)))
        #expect(try !lease.heartbeat(holder: "a", now: 116), "the old holder finds it lost")
        try lease.release(holder: "a")
        #expect(try lease.current()?.holder == "b", "releasing a lease one does not hold changes nothing")
        try lease.release(holder: "b")
        #expect(try lease.current() == nil)
        guard case .acquired = try lease.acquire(holder: "a", pid: 1, host: "h1", now: 117, staleAfter: 8)
        else {
            Issue.record("a released lease is taken at once")
            return
        }
    }
}
