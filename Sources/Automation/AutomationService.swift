import Foundation
import Logging
import Workspace

/// One automation process per workspace. The service tries to take the automation lease; while
/// it holds it, it runs its `LeaderWork` (delivery, the live runtime) and beats the heartbeat
/// every `heartbeatInterval`; while another process holds it, it says so once and tries again
/// every `heartbeatInterval`, taking over when the holder's heartbeat is older than
/// `staleAfter` (a holder killed with `kill -9` is taken over within staleAfter + interval).
/// When it finds the lease taken (it stalled and another took over), it stops its work and
/// stands by again. `stop()` stops the work and gives the lease up.
public final class AutomationService: @unchecked Sendable {
    public let lease: AutomationLease
    public let holder: String
    public let pid: Int32
    public let host: String
    public let heartbeatInterval: Double
    public let staleAfter: Double
    let work: [any LeaderWork]
    let clock: @Sendable () -> Double
    let announce: @Sendable (String) -> Void
    let logger: Logger
    private let state = NSLock()
    private var leading = false
    private var standingBy = false
    private var lastBeat = 0.0
    private let loopCondition = NSCondition()
    private var stopping = false
    private var running = false

    /// `announce` receives the lines a person should see (standing by, running, lost); `clock`
    /// gives epoch seconds (tests pass their own).
    public init(
        workspace: Workspace, work: [any LeaderWork], pid: Int32 = getpid(),
        host: String = ProcessInfo.processInfo.hostName, holder: String? = nil,
        heartbeatInterval: Double = 2, staleAfter: Double = 8,
        clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 },
        announce: @escaping @Sendable (String) -> Void = { _ in },
        logger: Logger = Logger(label: "cairn.automation")
    ) {
        lease = AutomationLease(workspace: workspace)
        self.work = work
        self.pid = pid
        self.host = host
        self.holder = holder ?? AutomationLease.holderToken(host: host, pid: pid)
        self.heartbeatInterval = heartbeatInterval
        self.staleAfter = staleAfter
        self.clock = clock
        self.announce = announce
        self.logger = logger
    }

    /// Whether this process holds the lease and runs the work.
    public var isLeading: Bool { state.withLock { leading } }

    /// Starts the lease loop on a thread of its own: a round at once, then every interval.
    public func start() {
        let starting = loopCondition.withLock {
            guard !running else { return false }
            (running, stopping) = (true, false)
            return true
        }
        guard starting else { return }
        let thread = Thread { self.loop() }
        thread.name = "cairn-automation"
        thread.start()
    }

    /// Ends the loop, stops the work and releases the lease (a standby takes over at its next try).
    public func stop() {
        loopCondition.withLock {
            stopping = true
            loopCondition.broadcast()
            while running { loopCondition.wait() }
        }
        guard state.withLock({ leading }) else { return }
        stopWork()
        do {
            try lease.release(holder: holder)
        } catch {
            logger.error("cannot release the automation lease: \(error)")
        }
    }

    func loop() {
        while !loopCondition.withLock({ stopping }) {
            tick()
            loopCondition.withLock {
                let until = Date().addingTimeInterval(heartbeatInterval)
                while !stopping, Date() < until { _ = loopCondition.wait(until: until) }
            }
        }
        loopCondition.withLock {
            running = false
            loopCondition.broadcast()
        }
    }

    /// One round: beat the heartbeat while leading, else try to take the lease. Returns whether
    /// the service leads afterwards. The loop calls it; tests call it with their clock.
    @discardableResult
    public func tick() -> Bool {
        if state.withLock({ leading }) { beat() } else { tryToLead() }
        return isLeading
    }

    private func beat() {
        let now = clock()
        do {
            if try lease.heartbeat(holder: holder, now: now) {
                state.withLock { lastBeat = now }
                return
            }
            let taker = try? lease.current()
            stopWork()
            announce(
                "automation stopped: " + (taker.map { "pid \($0.pid) on \($0.host)" } ?? "another process")
                    + " took the lease over")
        } catch {
            // The workspace is busy: keep working unless the heartbeat has gone stale.
            logger.error("automation heartbeat failed: \(error)")
            guard now - state.withLock({ lastBeat }) > staleAfter else { return }
            stopWork()
            announce("automation stopped: cannot beat the lease's heartbeat (\(error))")
        }
    }

    private func tryToLead() {
        let now = clock()
        let attempt: AutomationLeaseAttempt
        do {
            attempt = try lease.acquire(
                holder: holder, pid: pid, host: host, now: now, staleAfter: staleAfter)
        } catch {
            logger.error("cannot take the automation lease: \(error)")
            return
        }
        switch attempt {
        case .acquired:
            let wasStandingBy = state.withLock {
                defer { (leading, standingBy, lastBeat) = (true, false, now) }
                return standingBy
            }
            for item in work { item.start() }
            announce("automation running" + (wasStandingBy ? " (took the lease over)" : ""))
        case .heldByOther(let other):
            let first = state.withLock {
                defer { standingBy = true }
                return !standingBy
            }
            guard first else { return }
            let age = max(0, Int((now - other.heartbeatAt).rounded()))
            announce(
                "automation standing by: held by pid \(other.pid) on \(other.host) (heartbeat \(age)s ago); "
                    + "taking over if it stops")
        }
    }

    private func stopWork() {
        for item in work.reversed() { item.stop() }
        state.withLock { (leading, standingBy) = (false, false) }
    }
}
