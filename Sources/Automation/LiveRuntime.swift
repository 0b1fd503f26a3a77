import Foundation
import JourneyModel
import ReplayEngine
import Workspace

/// Runs every journey with an active version live, on the wall clock, with the engine the
/// replay uses. One thread: it applies the arrivals (leads and events stored by the intake),
/// handles every wake-up due, and writes each round's steps in one transaction (rows, outbox
/// requests, lead states, cursors). It sleeps until the earliest wake-up of any journey (held
/// in the engines' heaps, rebuilt from `live_leads` at start) or the arrival poll (every 0.2 s)
/// that notices the records the intake stored, in this process or another (`cairn push`).
public final class LiveRuntime: LeaderWork, @unchecked Sendable {
    private let workspace: Workspace
    private let clock: any LiveClock
    private let wrote: @Sendable () -> Void
    private let loop = LoopThread(name: "cairn-live-runtime")
    private var journeys: [String: LiveJourney] = [:]
    private var lastRefresh = Date.distantPast

    /// How often active versions and pauses are looked at again, and another process's
    /// arrivals are noticed at the latest.
    public static let refreshInterval: TimeInterval = 1
    public static let arrivalPoll: TimeInterval = 0.2
    /// Arrivals applied per journey per round, so one round's transaction stays short.
    public static let arrivalsPerRound = 2_000

    /// `wrote` is called on the runtime's thread after each round's steps are committed: `cairn
    /// serve` passes the delivery worker's `wake`, so new outbox rows go out at once rather than
    /// at the worker's next idle check.
    public init(
        workspace: Workspace, clock: any LiveClock = SystemClock(), wrote: @escaping @Sendable () -> Void = {}
    ) {
        self.workspace = workspace
        self.clock = clock
        self.wrote = wrote
    }

    public func start() {
        journeys = [:]
        lastRefresh = .distantPast
        loop.start { [unowned self] in self.round() }
    }

    public func stop() {
        loop.stop()
    }

    /// One round on the runtime's thread; returns when to look again: the earliest wake-up, or
    /// the arrival poll, whichever comes first.
    private func round() -> Date {
        do {
            let next = try iterate(at: clock.now())
            let poll = Date().addingTimeInterval(Self.arrivalPoll)
            return next.map { min($0.addingTimeInterval(clockOffset), poll) } ?? poll
        } catch {
            FileHandle.standardError.write(Data("cairn serve: automation: \(error.description)\n".utf8))
            journeys = [:]
            return Date().addingTimeInterval(1)
        }
    }

    /// The wall clock minus the runtime's clock: a stepped clock in tests wakes on real time.
    private var clockOffset: TimeInterval { Date().timeIntervalSince(clock.now()) }

    /// One round at `now`: refresh the journeys when due, step each one, write the steps.
    /// Returns the earliest wake-up left. Tests and benchmarks call it with a clock of their own.
    @discardableResult
    public func iterate(at now: Date) throws(WorkspaceError) -> Date? {
        if now.timeIntervalSince(lastRefresh) >= Self.refreshInterval || journeys.isEmpty {
            try refreshJourneys(at: now)
            // Working hours that begin while nobody acts: queued handoffs are looked at again.
            try workspace.assignQueuedHandoffs(now: now.timeIntervalSince1970)
            lastRefresh = now
        }
        // A round applies a bounded number of arrivals per journey; go on while some were left.
        var more = true
        while more {
            var steps: [LiveStep] = []
            for name in journeys.keys.sorted() {
                guard let live = journeys[name],
                    let step = try live.step(at: now, workspace: workspace, limit: Self.arrivalsPerRound)
                else { continue }
                steps.append(step)
            }
            if !steps.isEmpty {
                try workspace.writeLiveSteps(steps, at: now)
                wrote()
            }
            more = journeys.values.contains { $0.arrivalsLastStep == Self.arrivalsPerRound }
        }
        return journeys.values.filter { !$0.paused }.compactMap { $0.engine.nextWakeTime() }.min()
    }

    /// Starts the journeys newly active, drops the ones no longer active (or now at another
    /// version), and reads pauses.
    private func refreshJourneys(at now: Date) throws(WorkspaceError) {
        let active = try workspace.activeJourneysForAutomation()
        var kept: [String: LiveJourney] = [:]
        for entry in active {
            if let live = journeys[entry.journey], live.run.version == entry.version {
                live.paused = entry.paused
                kept[entry.journey] = live
                continue
            }
            let run = try workspace.openLiveRun(journey: entry.journey, version: entry.version)
            kept[entry.journey] = try LiveJourney(
                run: run,
                journey: try workspace.journeyToReplay(entry.journey, version: entry.version).journey,
                paused: entry.paused, workspace: workspace, now: now)
        }
        journeys = kept
    }
}
