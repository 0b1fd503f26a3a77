import Foundation
import JourneyModel

/// Runs a journey over a cohort in virtual time and reports what every lead did, and why,
/// through a recorder. (Not named after its module, so that `ReplayEngine.Agent` and the like
/// stay module-qualified names.)
public enum Replay {
    /// Bumped whenever the same inputs could give different records; stored with each run.
    /// 2: fatigue counts every earlier message and keeps the profile's floor.
    /// 3: with simulated responses a message is recorded at its send, not when the next send
    /// on its channel (or the execution's end) closes it: the same records, in send order.
    /// 4: a simulated response nothing reacts to no longer wakes its lead, so leads woken at
    /// one instant may come in another order: each lead's records are the same.
    public static let version = "4"

    /// Replays `journey` over `cohort` and returns the run's summary (also given to the
    /// recorder's `finish`).
    ///
    /// - Parameters:
    ///   - cohort: leads in order of creation. It is read lazily, one lead ahead of virtual
    ///     time, so memory follows the leads in flight rather than the cohort's size. A lead
    ///     read out of order is still replayed, from the moment it is read.
    ///   - agents: the roster handoffs are routed to.
    ///   - recorder: receives every record on the calling thread, in order, then `finish`.
    ///   - cancellation: checked between steps; a cancelled run ends its in-flight executions
    ///     as `active` and returns a summary marked cancelled.
    ///
    /// Same journey, cohort, agents, configuration → the same records in the same order. The
    /// engine is the one live automation drives on the wall clock; here the clock is virtual.
    @discardableResult
    public static func run(
        journey: Journey, cohort: some Sequence<CohortLead>, agents: [Agent] = [],
        configuration: ReplayConfiguration, recorder: some ReplayRecorder,
        cancellation: ReplayCancellation? = nil
    ) -> ReplaySummary {
        var virtual = configuration
        virtual.clock = .virtual
        let engine = JourneyEngine(
            journey: journey, agents: agents, configuration: virtual, recorder: recorder)
        var admitted = 0
        var running = true
        for member in cohort {
            let createdAt = member.lead.createdAt
            // Everything due before the lead's creation happens first; it is let in before
            // whatever is due at that very instant.
            running = engine.advance(before: createdAt, cancellation: cancellation)
            guard running, engine.isWithinHorizon(createdAt) else { break }
            engine.admit(member)
            admitted += 1
            if admitted % ReplayProgress.interval == 0 {
                recorder.progress(
                    ReplayProgress(
                        leadsAdmitted: admitted, leadsInFlight: engine.leadsInFlight,
                        recordsEmitted: engine.recordsEmitted, virtualTime: createdAt))
            }
        }
        if running { running = engine.advance(through: .distantFuture, cancellation: cancellation) }
        // A cancelled run ends its executions where virtual time stopped; a finished one at
        // the horizon (or its last moment).
        return engine.finish(
            at: running ? (configuration.horizon ?? engine.now) : engine.now,
            reason: running ? "horizon reached" : "run cancelled", cancelled: !running)
    }
}
