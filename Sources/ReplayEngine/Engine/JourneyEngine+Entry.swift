import Foundation
import JourneyModel

/// Letting leads in, and what their events do.
extension JourneyEngine {
    /// At the lead's creation: `lead.created` triggers fire, and condition triggers take their
    /// first look.
    func handleCreation(_ state: LeadState) {
        if gate.firesOnCreation {
            tryEntry(state, trigger: gate.triggerDescription)
        }
        checkConditionTrigger(state)
    }

    /// An event happens to the lead (it is already in the lead's history).
    func handle(_ event: LeadEvent, for state: LeadState, recorded: Bool) {
        if state.execution != nil {
            if keepsConversations, let channel = event.channel, MessageResponses.types.contains(event.type) {
                state.appendConversation(
                    ConversationEntry(at: event.time, channel: channel, type: event.type, template: nil))
            }
            if reachesGoal(state, event: event) {
                convert(state)
            } else if let execution = state.execution, case .waitForEvent(let field, _) = execution.pending,
                event.matches(field), event.time >= execution.nodeEnteredAt,
                let wait = table.nodes[execution.nodeIndex]?.wait
            {
                state.execution?.pending = nil
                moveOn(state, outcome: .event, to: 0, label: wait.timeoutNext == nil ? "" : "event")
                advance(state)
            } else {
                applyHandoffRules(state)
            }
        } else if let watch = state.conversionWatch, reachesGoal(state, event: event) {
            state.conversionWatch = nil
            emit(
                .conversion(
                    ConversionRecord(
                        execution: watch.execution, at: now, nodeID: nil, afterExit: true,
                        splitPaths: watch.splitPaths, goal: journey.goal?.name,
                        lastChannel: state.lastSentChannel)), of: state)
        }
        guard recorded else { return }
        if gate.fires(on: event) { tryEntry(state, trigger: gate.triggerDescription) }
        checkConditionTrigger(state)
    }

    /// On the wall clock, the lead's properties changed (a live record updated it): the goal
    /// and the handoff rules look again if it is in the journey, and a condition trigger may
    /// come to hold.
    func handlePropertyChange(_ state: LeadState) {
        if state.execution != nil {
            if reachesGoal(state, event: nil) {
                convert(state)
            } else {
                applyHandoffRules(state)
            }
        }
        checkConditionTrigger(state)
    }

    /// Condition triggers let a lead in when the condition comes to hold: it held not at the
    /// last look (or there was none) and holds now.
    private func checkConditionTrigger(_ state: LeadState) {
        guard case .condition(let condition) = journey.entry.trigger else { return }
        let holds = ConditionEvaluator.holds(condition, in: state.context(at: now))
        let cameToHold = holds && !state.conditionTriggerHeld
        state.conditionTriggerHeld = holds
        if cameToHold { tryEntry(state, trigger: gate.triggerDescription) }
    }

    /// Starts a new rotation if the re-entry rule and the audience allow it.
    func tryEntry(_ state: LeadState, trigger: String) {
        aggregator.triggerFired()
        guard
            gate.mayEnter(
                rotations: state.rotations, lastEntryAt: state.lastEntryAt, inFlight: state.execution != nil,
                at: now)
        else {
            aggregator.leadHeldBack()
            return
        }
        if let audience = journey.entry.audience {
            let verdict = ConditionEvaluator.evaluate(audience, in: state.context(at: now))
            if !verdict.matched {
                state.audienceRefusals = aggregator.audienceRefused(
                    verdict.leaves, seen: state.audienceRefusals)
                return
            }
        }
        state.rotations += 1
        state.lastEntryAt = now
        state.conversionWatch = nil
        // Events that passed while nobody was watching stay in the history, for conditions, but
        // are not replayed late as if they were happening now.
        state.simulatedPending.removeAll { $0.time < now }
        while state.recordedCursor < state.recorded.count, state.recorded[state.recordedCursor].time < now {
            state.recordedCursor += 1
        }
        let key = ExecutionKey(leadID: state.id, rotation: state.rotations)
        state.execution = ExecutionState(
            key: key, startedAt: now, firstNode: journey.entry.next, index: table.entryNext)
        let started = ExecutionStarted(execution: key, at: now, trigger: trigger)
        aggregator.absorbStart(started, at: table.entryNext)
        recorder.record(.executionStarted(started), lead: state.slot)
        scheduleOrganicConversion(state, rotation: key.rotation)
        guard arrive(state, at: table.entryNext) else { return }
        if reachesGoal(state, event: nil) {
            convert(state)
            return
        }
        advance(state)
    }

    /// Simulated leads may convert on their own, whatever the journey does: drawn once per
    /// rotation, so treatment and control share the same base rate.
    private func scheduleOrganicConversion(_ state: LeadState, rotation: Int) {
        guard !state.respondsAsRecorded, state.behavior.organicConversionProbability > 0 else { return }
        var random = StableRandom(
            lead: drawHash(of: state), node: Journey.entryID, attempt: rotation,
            purpose: .organicConversion)
        let converts = random.chance(state.behavior.organicConversionProbability)
        let delay = random.exponential(mean: max(state.behavior.meanOrganicConversionDelay, 1)).rounded()
        guard converts else { return }
        state.scheduleSimulated(
            LeadEvent(
                leadID: state.id, type: "converted", time: now.addingTimeInterval(delay),
                data: ["organic": true]))
    }

    /// Whether the lead meets the journey's goal now: its condition holds, or the event is a
    /// `converted` event (which converts whatever the goal says).
    func reachesGoal(_ state: LeadState, event: LeadEvent?) -> Bool {
        if event?.type == "converted" { return true }
        guard let goal = journey.goal else { return false }
        // Evaluated after every step and event; skipped when nothing it reads has changed.
        let moving = !goalReadsOnlyProperties
        let check = GoalCheck(
            propertiesVersion: state.propertiesVersion, time: moving ? now : nil,
            historyVersion: moving ? state.historyVersion : nil, rotation: moving ? state.rotations : nil,
            inExecution: moving ? state.execution != nil : nil)
        if state.goalUnmetAt == check { return false }
        let met = ConditionEvaluator.holds(goal.when, in: state.context(at: now))
        if !met { state.goalUnmetAt = check }
        return met
    }
}
