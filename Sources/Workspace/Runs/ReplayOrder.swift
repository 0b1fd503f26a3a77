import Foundation
import JourneyModel
import ReplayEngine

/// A replay as a user asks for it: a journey (a version, or the active one, else the latest),
/// a cohort, a seed, a response mode and an optional end of virtual time. The command line,
/// the studio and the server all replay through `Workspace.replay(_:...)`; a caller driving
/// the engine itself starts the run's record with `Workspace.startRun(_:...)`.
public struct ReplayOrder: Sendable, Hashable {
    public var journey: String
    /// `nil`: the active version, else the latest.
    public var version: Int?
    public var cohort: String
    public var seed: UInt64
    public var mode: ReplayMode
    public var horizon: Date?

    public init(
        journey: String, version: Int? = nil, cohort: String, seed: UInt64 = 1, mode: ReplayMode = .mixed,
        horizon: Date? = nil
    ) {
        self.journey = journey
        self.version = version
        self.cohort = cohort
        self.seed = seed
        self.mode = mode
        self.horizon = horizon
    }
}

/// What a finished (or cancelled) replay left: its run and the engine's summary.
public struct ReplayOutcome: Sendable {
    public var runID: Int64
    public var version: Int
    public var summary: ReplaySummary
    /// The span the run covered (`Workspace.replaySpan`).
    public var span: ReplaySpan
}

/// A replay's progress as a bar shows it: leads admitted of the cohort's leads.
public struct ReplayProgressReport: Sendable, Hashable {
    public var runID: Int64
    public var leadsAdmitted: Int
    public var cohortLeads: Int
    public var recordsEmitted: Int
    public var virtualTime: Date
}

extension Workspace {
    /// The version a user means by `version`: that one, else the active one, else the latest.
    public func chosenVersion(of journey: String, version: Int?) throws(WorkspaceError) -> JourneyVersion {
        if let version { return try journeyVersion(journey, version: version) }
        if let active = try activeJourneyVersion(journey) { return active }
        return try journeyVersion(journey)
    }

    /// The chosen version (see `chosenVersion`) read and validated: what a replay runs.
    public func journeyToReplay(_ journey: String, version: Int?) throws(WorkspaceError) -> (
        stored: JourneyVersion, journey: Journey
    ) {
        let stored = try chosenVersion(of: journey, version: version)
        let read = JourneyReader.readAndValidate(
            bytes: Array(stored.yaml.utf8), file: "\(journey) v\(stored.version)")
        guard let parsed = read.journey else { throw .invalidJourney(read.diagnostics) }
        return (stored, parsed)
    }

    /// Replays `order` on the calling thread, recording through a new run. `progress` is called
    /// (on this thread) as leads are admitted; `observe`, if given, sees every record too (a
    /// studio canvas counting arrivals live). `cancellation` stops it early: the run is kept and
    /// marked cancelled.
    public func replay(
        _ order: ReplayOrder, cancellation: ReplayCancellation = ReplayCancellation(),
        progress: ((ReplayProgressReport) -> Void)? = nil,
        observe: ((ReplayRecord) -> Void)? = nil
    ) throws(WorkspaceError) -> ReplayOutcome {
        let (stored, journey) = try journeyToReplay(order.journey, version: order.version)
        let cohortLeads = try cohort(named: order.cohort).leads
        let agents = try agents()
        var resolved = order
        resolved.version = stored.version
        let span = try replaySpan(order, journey: journey)
        resolved.horizon = span.horizon
        let recorder = try startRun(resolved, engineVersion: Replay.version, span: span)
        let runID = recorder.runID
        if let progress {
            recorder.onProgress = {
                progress(
                    ReplayProgressReport(
                        runID: runID, leadsAdmitted: $0.leadsAdmitted, cohortLeads: cohortLeads,
                        recordsEmitted: $0.recordsEmitted, virtualTime: $0.virtualTime))
            }
        }
        let leads = try replayCohort(named: order.cohort)
        let configuration = ReplayConfiguration(seed: order.seed, mode: order.mode, horizon: span.horizon)
        let summary: ReplaySummary
        if let observe {
            summary = Replay.run(
                journey: journey, cohort: leads, agents: agents, configuration: configuration,
                recorder: ObservedRecorder(recorder, observe: observe), cancellation: cancellation)
        } else {
            summary = Replay.run(
                journey: journey, cohort: leads, agents: agents, configuration: configuration,
                recorder: recorder, cancellation: cancellation)
        }
        try leads.close()
        if let failure = recorder.failure { throw failure }
        return ReplayOutcome(runID: runID, version: stored.version, summary: summary, span: span)
    }
}

/// Passes every record to an observer before the recorder that stores it.
private final class ObservedRecorder: ReplayRecorder {
    let inner: RunRecorder
    let observe: (ReplayRecord) -> Void

    init(_ inner: RunRecorder, observe: @escaping (ReplayRecord) -> Void) {
        self.inner = inner
        self.observe = observe
    }

    func record(_ record: ReplayRecord) {
        observe(record)
        inner.record(record)
    }

    func record(_ record: ReplayRecord, lead slot: Int) {
        observe(record)
        inner.record(record, lead: slot)
    }

    func progress(_ progress: ReplayProgress) { inner.progress(progress) }

    func finish(_ summary: ReplaySummary) { inner.finish(summary) }
}
