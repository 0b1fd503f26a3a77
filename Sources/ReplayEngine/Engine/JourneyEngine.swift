import Foundation
import JourneyModel

/// The engine: one journey's node semantics, and the scheduler that advances every lead in
/// flight through them. It has one step function, `advance(through:)`, which handles every
/// wake-up due by a time (waits ending, events arriving, deferred sends, trigger fires) and
/// hands what happened to its recorder as records: a replay drives it over a cohort in
/// virtual time (`Replay.run`), the live runtime on the wall clock as leads and events arrive.
/// Not thread-safe: one thread drives it.
public final class JourneyEngine {
    let journey: Journey
    let configuration: ReplayConfiguration
    let table: NodeTable
    let gate: EntryGate
    let coordinator: DeliveryCoordinator
    let safety: SafetyLimits
    /// Whether the goal reads nothing but lead properties (`score` included), so it can only
    /// change when they do.
    let goalReadsOnlyProperties: Bool
    /// Whether anything can hand a lead off: only then is its conversation kept for the agent.
    let keepsConversations: Bool
    /// Whether a simulated response (an open, a click, a reply, an unsubscribe) can change
    /// anything at the time it happens. Only an event wait it may end, a goal or handoff rule
    /// that may read it, or a conversation kept for an agent looks at it then; without them it
    /// only joins the history (as every simulated event does when it is drawn, for conditions
    /// and sends to read at their time), and the lead is not woken for it.
    let simulatedResponsesMatter: Bool
    let recorder: any ReplayRecorder
    var queue = WakeUpQueue()
    var leads = LeadTable()
    var router: HandoffRouter
    /// The ticket of the router's live wake-up (a lead keeps its own in its state).
    var routerTicket: UInt64?
    var aggregator: SummaryAggregator
    /// The time of the wake-up being processed.
    public internal(set) var now = Date(timeIntervalSince1970: 0)
    var nextSlot = 0
    /// On the wall clock: which slot holds a lead, what changed since `takeChanges()`, and the
    /// leads let go (nothing due, not in the journey) with their last state.
    var slotsByLead: [String: Int] = [:]
    var changed: Set<Int> = []
    var letGo: [LeadSnapshot] = []

    public init(
        journey: Journey, agents: [Agent] = [], configuration: ReplayConfiguration,
        recorder: any ReplayRecorder
    ) {
        self.journey = journey
        self.configuration = configuration
        self.table = NodeTable(journey: journey)
        self.gate = EntryGate(entry: journey.entry)
        self.coordinator = DeliveryCoordinator(policy: journey.policy)
        self.safety = SafetyLimits(journey: journey, configuration: configuration)
        self.keepsConversations =
            !journey.policy.handoffRules.isEmpty
            || journey.nodes.contains {
                if case .action(let step) = $0.body, case .handoff = step.action { return true }
                return false
            }
        self.goalReadsOnlyProperties =
            journey.goal?.when.leaves.allSatisfy {
                $0.type == .property || ($0.type == .engagement && $0.field == "score" && $0.within == nil)
            } ?? true
        self.simulatedResponsesMatter =
            !goalReadsOnlyProperties || keepsConversations || !journey.policy.handoffRules.isEmpty
            || journey.nodes.contains {
                if case .wait(let wait) = $0.body, case .event = wait.condition { return true }
                return false
            }
        self.recorder = recorder
        self.router = HandoffRouter(agents: configuration.clock == .wall ? [] : agents)
        self.aggregator = SummaryAggregator(journey: journey, table: table)
    }

    var onWallClock: Bool { configuration.clock == .wall }

    var horizon: Date? { configuration.horizon }

    /// What every draw for `state` starts from (`StableRandom.leadHash`), hashed once per lead.
    func drawHash(of state: LeadState) -> StableHash {
        if let hash = state.drawHash { return hash }
        let hash = StableRandom.leadHash(seed: configuration.seed, lead: state.id)
        state.drawHash = hash
        return hash
    }

    func isWithinHorizon(_ time: Date) -> Bool {
        horizon.map { time <= $0 } ?? true
    }

    /// A record about `state`'s lead (the recorder is told which, by its slot).
    func emit(_ record: ReplayRecord, of state: LeadState) {
        emit(record, lead: state.slot)
    }

    func emit(_ record: ReplayRecord, lead slot: Int) {
        aggregator.absorb(record)
        recorder.record(record, lead: slot)
    }

    /// The stay of `execution` at its node, ended at `exitedAt` (nil: still there) with
    /// `outcome`, moving on to the node at index `next` along `label`: tallied by index from
    /// its facts, and handed to the recorder as itself.
    func emitStay(
        of execution: ExecutionState, exitedAt: Date?, outcome: StayOutcome, next: Int?, label: String?,
        of state: LeadState
    ) {
        let index = execution.nodeIndex
        let stay = NodeStay(
            execution: execution.key, nodeID: execution.nodeID, visit: execution.visit,
            enteredAt: execution.nodeEnteredAt, exitedAt: exitedAt, outcome: outcome,
            nextNodeID: next.map { table.ids[$0] }, edgeLabel: label, nodeNumber: table.number(of: index),
            nextNodeNumber: next.map { table.number(of: $0) } ?? NodeStay.unnumbered)
        if aggregator.countsStays(at: index) {
            aggregator.absorbStay(
                at: index, next: next, visit: execution.visit, enteredAt: execution.nodeEnteredAt,
                exitedAt: exitedAt, label: label)
        } else {
            aggregator.absorb(.nodeStay(stay))
        }
        recorder.record(stay: stay, lead: state.slot)
    }

    /// Records emitted so far (without folding the summary's tallies).
    var recordsEmitted: Int { aggregator.records }

    /// The records' tally so far.
    public var summary: ReplaySummary { aggregator.summary }

    /// Leads held in memory: in the journey, or with something still due.
    public var leadsInFlight: Int { leads.count }

    // MARK: - The step function

    /// When the next wake-up is due, if any.
    public func nextWakeTime() -> Date? { nextWakeUp()?.time }

    /// Handles, in time order, every wake-up due at or before `time` (and within the horizon).
    /// False when `cancellation` stopped it first.
    @discardableResult
    public func advance(through time: Date, cancellation: ReplayCancellation? = nil) -> Bool {
        runWakeUps(cancellation: cancellation) { $0 <= time }
    }

    /// Handles every wake-up due strictly before `time` (a replay admits the lead created at
    /// `time` after them, and before the ones due at that instant).
    @discardableResult
    func advance(before time: Date, cancellation: ReplayCancellation?) -> Bool {
        runWakeUps(cancellation: cancellation) { $0 < time }
    }

    private func runWakeUps(cancellation: ReplayCancellation?, while isDue: (Date) -> Bool) -> Bool {
        while let wakeUp = nextWakeUp(), isDue(wakeUp.time), isWithinHorizon(wakeUp.time) {
            if cancellation?.isCancelled == true { return false }
            queue.removeEarliest()
            now = wakeUp.time
            if let state = wakeUp.lead {
                state.wakeTicket = nil
                wake(state)
            } else {
                routerTicket = nil
                serveHandoffQueue()
            }
        }
        return cancellation?.isCancelled != true
    }

    /// The earliest live wake-up: when, and whose (a lead, or the router when nil). Entries
    /// whose ticket their owner no longer holds are dropped on the way; a lead let go holds
    /// none.
    private func nextWakeUp() -> (time: Date, lead: LeadState?)? {
        while let entry = queue.earliest() {
            if entry.owner == WakeUpQueue.Entry.router {
                if routerTicket == entry.sequence { return (entry.time, nil) }
            } else if let state = leads[Int(entry.owner)], state.wakeTicket == entry.sequence {
                return (entry.time, state)
            }
            queue.removeEarliest()
        }
        return nil
    }

    /// Replaces the lead's wake-up with one at `time`, or cancels it when `time` is nil.
    func schedule(_ state: LeadState, at time: Date?) {
        state.wakeTicket = time.map { queue.add(.lead(state.slot), at: $0) }
    }

    // MARK: - Leads arriving

    /// Lets a lead in at its creation (or now, if the engine is already past it): it is woken
    /// then, when its creation triggers fire.
    public func admit(_ member: CohortLead) {
        let recordedMode: Bool
        switch configuration.mode {
        case .recorded: recordedMode = true
        case .simulated: recordedMode = false
        case .mixed: recordedMode = !member.events.isEmpty
        }
        let slot = nextSlot
        nextSlot += 1
        let state = LeadState(
            slot: slot, member: member, behavior: member.behavior ?? configuration.defaultBehavior,
            respondsAsRecorded: recordedMode)
        if case .time(let schedule) = journey.entry.trigger {
            state.nextTriggerFire = nextFire(of: schedule, after: member.lead.createdAt, for: state)
        }
        leads[slot] = state
        if onWallClock { track(state) }
        aggregator.leadAdmitted()
        // Time never runs backwards: a lead read out of order starts when it is read.
        schedule(state, at: max(member.lead.createdAt, now))
    }

    /// A time trigger's next fire for a lead: in its zone, within the horizon, or within the
    /// open-ended span after its creation when there is no horizon.
    func nextFire(of schedule: Schedule, after time: Date, for state: LeadState) -> Date? {
        guard let fire = schedule.nextFire(after: time, in: state.lead.timeZone) else { return nil }
        let limit =
            horizon
            ?? state.lead.createdAt.addingTimeInterval(
                TimeInterval(configuration.openEndedTriggerSpan.seconds))
        return fire <= limit ? fire : nil
    }

    // MARK: - Waking a lead

    /// The kinds of things a lead can have due, in the order they are handled at one instant.
    private enum Due {
        case creation
        case recordedEvent
        case simulatedEvent
        case pendingStep
        case triggerFire
        case propertiesChanged
    }

    /// Handles everything due for the lead up to now, in time order, then reschedules it or
    /// lets it go.
    private func wake(_ state: LeadState) {
        if onWallClock { changed.insert(state.slot) }
        var next = nextDue(state)
        while let due = next, due.time <= now {
            switch due.kind {
            case .creation:
                state.creationHandled = true
                handleCreation(state)
            case .recordedEvent:
                let event = state.recorded[state.recordedCursor]
                state.recordedCursor += 1
                handle(event, for: state, recorded: true)
            case .simulatedEvent:
                let event = state.simulatedPending.removeFirst()
                handle(event, for: state, recorded: false)
            case .pendingStep:
                resumePending(state)
            case .triggerFire:
                if case .time(let schedule) = journey.entry.trigger {
                    state.nextTriggerFire = nextFire(of: schedule, after: now, for: state)
                }
                tryEntry(state, trigger: gate.triggerDescription)
            case .propertiesChanged:
                state.propertiesChangedAt = nil
                handlePropertyChange(state)
            }
            next = nextDue(state)
        }
        reschedule(state, nextDue: next?.time)
    }

    func reschedule(_ state: LeadState) { reschedule(state, nextDue: nextDueTime(state)) }

    /// Schedules the lead's next wake-up at `due` (its `nextDueTime`), or lets it go when
    /// nothing is due and it is not in the journey.
    private func reschedule(_ state: LeadState, nextDue due: Date?) {
        if let due {
            schedule(state, at: max(due, now))
        } else if state.execution == nil {
            leads[state.slot] = nil
            if onWallClock { release(state) }
        } else {
            schedule(state, at: nil)
        }
    }

    /// The earliest thing the lead still has to do, if anything. Recorded events matter while
    /// the lead is in the journey, watched for conversion, or could still be let in by one;
    /// simulated ones only while it is in the journey or watched.
    private func nextDue(_ state: LeadState) -> (kind: Due, time: Date)? {
        var best: (kind: Due, time: Date)?
        func consider(_ due: Due, _ time: Date?) {
            guard let time else { return }
            if best.map({ time < $0.time }) ?? true { best = (due, time) }
        }
        if !state.creationHandled { consider(.creation, state.lead.createdAt) }
        let engaged = state.execution != nil || state.conversionWatch != nil
        let couldEnter = gate.couldEnterAgain(rotations: state.rotations)
        let eventsCanTrigger = gate.eventsCanTrigger && couldEnter
        if state.recordedCursor < state.recorded.count, engaged || eventsCanTrigger {
            consider(.recordedEvent, max(state.recorded[state.recordedCursor].time, state.lead.createdAt))
        }
        if engaged, let first = state.simulatedPending.first { consider(.simulatedEvent, first.time) }
        consider(.pendingStep, state.execution?.pendingTime)
        if couldEnter { consider(.triggerFire, state.nextTriggerFire) }
        consider(.propertiesChanged, state.propertiesChangedAt)
        return best
    }

    func nextDueTime(_ state: LeadState) -> Date? { nextDue(state)?.time }

    // MARK: - The end of a replay

    /// Ends what is still in flight: queued handoffs stay queued, executions end `active`.
    /// Returns the run's summary, also given to the recorder's `finish`.
    func finish(at endTime: Date, reason: String, cancelled: Bool) -> ReplaySummary {
        for queued in router.drain() {
            var record = queued.record
            record.outcome = .queued
            emit(.handoff(record), lead: queued.slot)
        }
        for slot in leads.slots {
            guard let state = leads[slot], state.execution != nil else { continue }
            endExecution(state, status: .active, reason: reason, outcome: .waiting, at: endTime)
        }
        leads = LeadTable()
        if cancelled { aggregator.markCancelled() }
        let summary = aggregator.summary
        recorder.finish(summary)
        return summary
    }
}
