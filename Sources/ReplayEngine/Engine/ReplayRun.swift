import Foundation
import JourneyModel

/// One replay in progress: the scheduler, the leads in flight, the handoff router and the
/// tallies. Lives on the calling thread for the duration of `Replay.run`.
final class ReplayRun {
    let journey: Journey
    let configuration: ReplayConfiguration
    let nodes: [String: JourneyNode]
    let gate: EntryGate
    let coordinator: DeliveryCoordinator
    let safety: SafetyLimits
    /// Whether the goal reads nothing but lead properties (`score` included), so it can only
    /// change when they do.
    let goalReadsOnlyProperties: Bool
    /// Whether anything can hand a lead off: only then is its conversation kept for the agent.
    let keepsConversations: Bool
    let recorder: any ReplayRecorder
    let cancellation: ReplayCancellation?
    var queue = WakeUpQueue()
    var leads: [Int: LeadState] = [:]
    var router: HandoffRouter
    var aggregator: SummaryAggregator
    /// The virtual time of the wake-up being processed.
    var now = Date(timeIntervalSince1970: 0)

    init(
        journey: Journey, agents: [Agent], configuration: ReplayConfiguration,
        recorder: any ReplayRecorder,
        cancellation: ReplayCancellation?
    ) {
        self.journey = journey
        self.configuration = configuration
        var nodes: [String: JourneyNode] = [:]
        // The first node of a repeated id wins, as `Journey.node(_:)` reads it.
        for node in journey.nodes where nodes[node.id] == nil { nodes[node.id] = node }
        self.nodes = nodes
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
        self.recorder = recorder
        self.cancellation = cancellation
        self.router = HandoffRouter(agents: agents)
        self.aggregator = SummaryAggregator(journey: journey)
    }

    var horizon: Date? { configuration.horizon }

    func isWithinHorizon(_ time: Date) -> Bool {
        horizon.map { time <= $0 } ?? true
    }

    func emit(_ record: ReplayRecord) {
        aggregator.absorb(record)
        recorder.record(record)
    }

    // MARK: - The loop

    func run(_ cohort: some Sequence<CohortLead>) -> ReplaySummary {
        var iterator = cohort.makeIterator()
        var upcoming = iterator.next()
        var nextSlot = 0
        var cancelled = false
        while true {
            if cancellation?.isCancelled == true {
                cancelled = true
                break
            }
            let wakeTime = queue.peekTime()
            if let member = upcoming, isWithinHorizon(member.lead.createdAt),
                wakeTime.map({ member.lead.createdAt <= $0 }) ?? true
            {
                admit(member, slot: nextSlot)
                nextSlot += 1
                if nextSlot % ReplayProgress.interval == 0 {
                    recorder.progress(
                        ReplayProgress(
                            leadsAdmitted: nextSlot, leadsInFlight: leads.count,
                            recordsEmitted: aggregator.summary.records, virtualTime: member.lead.createdAt))
                }
                upcoming = iterator.next()
                continue
            }
            guard let wakeTime, isWithinHorizon(wakeTime), let wakeUp = queue.pop() else { break }
            now = wakeUp.time
            switch wakeUp.owner {
            case .lead(let slot):
                if let state = leads[slot] { wake(state) }
            case .handoffRouter:
                serveHandoffQueue()
            }
        }
        // A cancelled run ends its executions where virtual time stopped; a finished one at
        // the horizon (or its last moment).
        finishInFlight(
            at: cancelled ? now : (horizon ?? now), reason: cancelled ? "run cancelled" : "horizon reached")
        if cancelled { aggregator.markCancelled() }
        let summary = aggregator.summary
        recorder.finish(summary)
        return summary
    }

    private func admit(_ member: CohortLead, slot: Int) {
        let recordedMode: Bool
        switch configuration.mode {
        case .recorded: recordedMode = true
        case .simulated: recordedMode = false
        case .mixed: recordedMode = !member.events.isEmpty
        }
        let state = LeadState(
            slot: slot, member: member, behavior: member.behavior ?? configuration.defaultBehavior,
            respondsAsRecorded: recordedMode)
        if case .time(let schedule) = journey.entry.trigger {
            state.nextTriggerFire = nextFire(of: schedule, after: member.lead.createdAt, for: state)
        }
        leads[slot] = state
        aggregator.leadAdmitted()
        // Virtual time never runs backwards: a lead read out of order starts when it is read.
        queue.schedule(.lead(slot), at: max(member.lead.createdAt, now))
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
    }

    /// Handles everything due for the lead up to now, in time order, then reschedules it or
    /// lets it go.
    private func wake(_ state: LeadState) {
        while let due = nextDue(state), due.time <= now {
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
            }
        }
        reschedule(state)
    }

    func reschedule(_ state: LeadState) {
        if let due = nextDue(state) {
            queue.schedule(.lead(state.slot), at: max(due.time, now))
        } else if state.execution == nil {
            leads[state.slot] = nil
            queue.forget(.lead(state.slot))
        } else {
            queue.schedule(.lead(state.slot), at: nil)
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
        let eventsCanTrigger: Bool
        switch journey.entry.trigger {
        case .event, .webhook, .condition: eventsCanTrigger = couldEnter
        case .time: eventsCanTrigger = false
        }
        if state.recordedCursor < state.recorded.count, engaged || eventsCanTrigger {
            consider(.recordedEvent, max(state.recorded[state.recordedCursor].time, state.lead.createdAt))
        }
        if engaged, let first = state.simulatedPending.first { consider(.simulatedEvent, first.time) }
        consider(.pendingStep, state.execution?.pendingTime)
        if couldEnter { consider(.triggerFire, state.nextTriggerFire) }
        return best
    }

    // MARK: - The end of the run

    /// Ends what is still in flight: queued handoffs stay queued, executions end `active`.
    private func finishInFlight(at endTime: Date, reason: String) {
        for queued in router.drain() {
            var record = queued.record
            record.outcome = .queued
            emit(.handoff(record))
        }
        for slot in leads.keys.sorted() {
            guard let state = leads[slot], state.execution != nil else { continue }
            endExecution(state, status: .active, reason: reason, outcome: .waiting, at: endTime)
        }
        leads = [:]
    }
}
