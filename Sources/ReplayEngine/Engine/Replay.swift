import Foundation
import JourneyModel

/// Runs a journey over a cohort in virtual time and reports what every lead did, and why,
/// through a recorder. (Not named after its module, so that `ReplayEngine.Agent` and the like
/// stay module-qualified names.)
public enum Replay {
    /// Bumped whenever the same inputs could give different records; stored with each run.
    /// 2: fatigue counts every earlier message and keeps the profile's floor.
    public static let version = "2"

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
    /// Same journey, cohort, agents, configuration → the same records in the same order.
    @discardableResult
    public static func run(
        journey: Journey, cohort: some Sequence<CohortLead>, agents: [Agent] = [],
        configuration: ReplayConfiguration, recorder: some ReplayRecorder,
        cancellation: ReplayCancellation? = nil
    ) -> ReplaySummary {
        let run = ReplayRun(
            journey: journey, agents: agents, configuration: configuration, recorder: recorder,
            cancellation: cancellation)
        return run.run(cohort)
    }
}
