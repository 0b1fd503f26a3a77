import Foundation
import JourneyModel
import ReplayEngine
import Workspace

/// What a replay in progress tells its screen.
struct ReplayProgressSnapshot: Sendable, Hashable {
    enum Stage: Sendable, Hashable {
        /// Writing the new cohort's leads first.
        case synthesising(written: Int, of: Int)
        case replaying(ReplayProgressReport)
    }

    var stage: Stage
    var counts: RunCounts
    /// Wall-clock seconds since the job began (for leads/s and the ETA; never in a golden).
    var elapsed: Double
}

/// How a replay ended: its run and summary (cancelled or not), with the final counts, the span
/// it covered and, when it let few leads in, why.
struct ReplayResult: Sendable {
    var runID: Int64
    var summary: ReplaySummary
    var counts: RunCounts
    var span: ReplaySpan
    var diagnosis: EntryDiagnosis?

    init(runID: Int64, summary: ReplaySummary, counts: RunCounts, span: ReplaySpan) {
        self.runID = runID
        self.summary = summary
        self.counts = counts
        self.span = span
        diagnosis = EntryDiagnosis.diagnose(
            leads: summary.leadsAdmitted, entries: summary.entries, tally: summary.entry)
    }
}

/// Runs a replay request off the UI thread: synthesises the cohort if asked, then replays,
/// sending at most `maxUpdatesPerSecond` progress snapshots and then the result; while `pause`
/// is set the replay waits at its next progress report.
enum ReplayJob {
    static let maxUpdatesPerSecond = 10

    static func run(
        _ request: ReplayRequest, of journey: Journey, in workspace: Workspace,
        cancellation: ReplayCancellation, pause: ReplayPause = ReplayPause(),
        send: @escaping @Sendable (ReplayScreen.Message) -> Void
    ) {
        let clock = ContinuousClock()
        let start = clock.now
        let counts = LiveRunCounts(journey: journey)
        let throttle = Throttle(interval: .milliseconds(1000 / maxUpdatesPerSecond), clock: clock)
        let elapsed: @Sendable () -> Double = {
            let duration = clock.now - start
            return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        do throws(WorkspaceError) {
            if let synthesis = request.synthesis {
                let profile = try ProfileReader.read(synthesis.profileYAML, file: synthesis.profileName).get()
                let size = synthesis.size
                try workspace.synthesizeCohort(
                    name: synthesis.cohort, profile: profile, profileYAML: synthesis.profileYAML, size: size,
                    seed: synthesis.seed,
                    progress: { written in
                        guard throttle.isDue() else { return }
                        send(
                            .progress(
                                ReplayProgressSnapshot(
                                    stage: .synthesising(written: written, of: size), counts: RunCounts(),
                                    elapsed: elapsed())))
                    })
            }
            let outcome = try workspace.replay(
                request.order, cancellation: cancellation,
                progress: { report in
                    pause.waitWhilePaused(cancellation)
                    guard throttle.isDue() else { return }
                    send(
                        .progress(
                            ReplayProgressSnapshot(
                                stage: .replaying(report), counts: counts.snapshot(), elapsed: elapsed())))
                },
                observe: { counts.record($0) })
            send(
                .finished(
                    .success(
                        ReplayResult(
                            runID: outcome.runID, summary: outcome.summary, counts: counts.snapshot(),
                            span: outcome.span))))
        } catch {
            send(.finished(.failure(error)))
        }
    }
}

/// Lets a call through at most once per `interval` (progress callbacks come thousands of
/// times a second; the screen needs ten).
final class Throttle: @unchecked Sendable {
    private let lock = NSLock()
    private let interval: Duration
    private let clock: ContinuousClock
    private var last: ContinuousClock.Instant?

    init(interval: Duration, clock: ContinuousClock) {
        self.interval = interval
        self.clock = clock
    }

    func isDue() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let now = clock.now
        if let last, now - last < interval { return false }
        last = now
        return true
    }
}
