import Foundation
import JourneyModel
import ReplayEngine
import Workspace

/// One active journey version running live: its engine on the wall clock, the run its rows
/// belong to, how far it has read the arrivals, and its runaway guard.
final class LiveJourney {
    let run: LiveRun
    let journey: Journey
    let engine: JourneyEngine
    private let recorder = LiveRecorder()
    private(set) var cursor: Int64
    /// Executions that had ended when a delivery they asked for died: marked failed with the step.
    private var failedAfterEnd: [String: String] = [:]
    private var runaway: RunawayGuard
    var paused: Bool
    /// How many arrivals the last step applied (a full batch means more may wait).
    private(set) var arrivalsLastStep = 0

    /// Builds the engine and brings back every lead the run has stored.
    init(run: LiveRun, journey: Journey, paused: Bool, workspace: Workspace, now: Date) throws(WorkspaceError)
    {
        self.run = run
        self.journey = journey
        self.cursor = run.arrivalCursor
        self.paused = paused
        self.runaway = RunawayGuard(policy: journey.policy)
        self.engine = JourneyEngine(journey: journey, configuration: .live(), recorder: recorder)
        let stored = try workspace.liveLeadStates(run: run.runID)
        for snapshot in stored {
            engine.restore(snapshot)
            // Idle leads come back when something arrives for them.
            if !engine.isBusy(snapshot.leadID) { engine.forget(snapshot.leadID) }
        }
        if stored.isEmpty, case .time = journey.entry.trigger {
            // A schedule fires over the audience: every live lead, not only the ones to come.
            try workspace.forEachLead(inCohort: LiveIntake.cohortName) {
                engine.admitExisting($0.lead, at: now)
            }
        }
    }

    /// Applies the arrivals after the cursor (at most `limit`), then every wake-up due by
    /// `now`, and returns what to write. Nil when there was nothing to do.
    func step(at now: Date, workspace: Workspace, limit: Int) throws(WorkspaceError) -> LiveStep? {
        arrivalsLastStep = 0
        guard !paused else { return nil }
        // What was due comes first; then the arrivals happen now.
        engine.advance(through: now)
        engine.setClock(now)
        let arrivals = try workspace.liveArrivals(after: cursor, limit: limit)
        // What the arrivals need, read at once rather than one arrival at a time.
        let context = try workspace.liveArrivalContext(arrivals, run: run.runID)
        for arrival in arrivals { try apply(arrival, at: now, context: context) }
        if let last = arrivals.last { cursor = last.id }
        arrivalsLastStep = arrivals.count
        engine.advance(through: now)
        let records = recorder.take()
        let changes = engine.takeChanges()
        guard !records.isEmpty || !changes.isEmpty || !arrivals.isEmpty else { return nil }
        let checked = runaway.check(records, at: now)
        if checked.pause != nil { paused = true }
        let leads = changes.map { LiveLeadState(snapshot: $0, wakesAt: engine.nextWake(of: $0.leadID)) }
        var step = LiveStep(
            run: run, records: checked.records, leads: leads, arrivalCursor: cursor,
            staleBefore: now.addingTimeInterval(-TimeInterval(journey.policy.effectiveStaleAfter.seconds)),
            pauseReason: checked.pause)
        step.failedAfterEnd = failedAfterEnd
        failedAfterEnd = [:]
        return step
    }

    /// What an arrival means to this journey: a new lead may enter, a changed one is looked at
    /// again, an event is handled at its time, a dead delivery fails its execution.
    private func apply(_ arrival: LiveArrivalRow, at now: Date, context: LiveArrivalContext)
        throws(WorkspaceError)
    {
        switch arrival.kind {
        case .leadCreated:
            guard !engine.isHolding(arrival.leadID), let lead = context.lead(arrival.leadID) else { return }
            if try !bringBack(arrival.leadID, context: context) { engine.admit(CohortLead(lead: lead)) }
        case .leadChanged:
            guard let lead = context.lead(arrival.leadID) else { return }
            try hold(lead, at: now, context: context)
            engine.update(lead, at: now)
        case .event:
            guard let id = arrival.eventID, let event = context.event(id),
                let lead = context.lead(arrival.leadID)
            else { return }
            try hold(lead, at: now, context: context)
            engine.receive(event)
        case .deliveryDead:
            guard arrival.detail?["journey"]?.string == run.journey,
                let key = arrival.detail?["idempotency_key"]?.string
            else { return }
            let executionID = String(key.prefix { $0 != ":" })
            let reason = "delivery failed: " + (arrival.detail?["reason"]?.string ?? "refused")
            try bringBack(arrival.leadID, context: context)
            if let current = engine.currentExecution(of: arrival.leadID),
                LiveExecutionID.make(run: run.runID, execution: current) == executionID
            {
                engine.fail(leadID: arrival.leadID, reason: reason)
            } else {
                failedAfterEnd[executionID] = reason
            }
        }
    }

    /// Makes sure the engine holds the lead: from its stored state, or as a lead that existed
    /// before it reached this journey.
    private func hold(_ lead: Lead, at now: Date, context: LiveArrivalContext) throws(WorkspaceError) {
        guard !engine.isHolding(lead.id) else { return }
        if try !bringBack(lead.id, context: context) { engine.admitExisting(lead, at: now) }
    }

    @discardableResult
    private func bringBack(_ leadID: String, context: LiveArrivalContext) throws(WorkspaceError) -> Bool {
        if engine.isHolding(leadID) { return true }
        guard let snapshot = try context.state(of: leadID) else { return false }
        engine.restore(snapshot)
        return true
    }
}
