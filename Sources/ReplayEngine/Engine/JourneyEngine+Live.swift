import Foundation
import JourneyModel

/// Driving the engine on the wall clock: leads and events arrive as they happen, and the
/// runtime keeps each lead's state durable by taking what changed after every advance.
extension JourneyEngine {
    func track(_ state: LeadState) {
        slotsByLead[state.id] = state.slot
        changed.insert(state.slot)
    }

    /// A lead with nothing due and not in the journey leaves memory; its last state is kept
    /// for `takeChanges()` (a live lead may come back with a new event).
    func release(_ state: LeadState) {
        slotsByLead[state.id] = nil
        changed.remove(state.slot)
        letGo.append(state.snapshot(table))
    }

    /// Whether the engine holds the lead in memory.
    public func isHolding(_ leadID: String) -> Bool { slotsByLead[leadID] != nil }

    /// A lead that existed before it reached this engine (its creation is past: no
    /// `lead.created` trigger fires for it), let in so its events and properties can matter.
    public func admitExisting(_ lead: Lead, at time: Date) {
        admit(CohortLead(lead: lead))
        guard let slot = slotsByLead[lead.id], let state = leads[slot] else { return }
        state.creationHandled = true
        if case .time(let schedule) = journey.entry.trigger {
            state.nextTriggerFire = nextFire(of: schedule, after: max(time, now), for: state)
        }
        reschedule(state)
    }

    /// Brings back a lead from its stored state (after a restart, or when an arrival concerns
    /// a lead let go). Its pending wake-up is scheduled again, at once if it is overdue.
    public func restore(_ snapshot: LeadSnapshot) {
        let slot = nextSlot
        nextSlot += 1
        let state = LeadState(
            slot: slot, snapshot: snapshot, behavior: configuration.defaultBehavior, table: table)
        leads[slot] = state
        track(state)
        changed.remove(slot)
        // Held even with nothing due: it was brought back for what is about to arrive.
        if let due = nextDueTime(state) { schedule(state, at: max(due, now)) }
    }

    /// Drops a lead from memory without a change to store (its stored state is current): a
    /// restarted runtime keeps only the leads in the journey or with something due.
    public func forget(_ leadID: String) {
        guard let slot = slotsByLead.removeValue(forKey: leadID) else { return }
        leads[slot] = nil
        changed.remove(slot)
    }

    /// Whether the lead is in the journey or has something due (else nothing will wake it).
    public func isBusy(_ leadID: String) -> Bool {
        guard let slot = slotsByLead[leadID], let state = leads[slot] else { return false }
        return state.execution != nil || nextDueTime(state) != nil
    }

    /// An event that just arrived for a lead the engine holds: it is handled at its time (at
    /// once when that is past). False when the engine does not hold the lead.
    @discardableResult
    public func receive(_ event: LeadEvent) -> Bool {
        guard let slot = slotsByLead[event.leadID], let state = leads[slot] else { return false }
        state.recorded.append(event)
        state.history.append(event)
        changed.insert(slot)
        reschedule(state)
        return true
    }

    /// New properties, consents or zone for a lead the engine holds, looked at `time` (at once
    /// when that is past). False when the engine does not hold the lead.
    @discardableResult
    public func update(_ lead: Lead, at time: Date) -> Bool {
        guard let slot = slotsByLead[lead.id], let state = leads[slot] else { return false }
        var updated = lead
        updated.createdAt = state.lead.createdAt
        state.lead = updated
        state.propertiesChangedAt = max(time, now)
        changed.insert(slot)
        reschedule(state)
        return true
    }

    /// The state of every lead that changed since the last call: the ones held, and the ones
    /// let go (their final state, with no execution and nothing due).
    public func takeChanges() -> [LeadSnapshot] {
        var snapshots = letGo
        letGo = []
        for slot in changed.sorted() {
            if let state = leads[slot] { snapshots.append(state.snapshot(table)) }
        }
        changed = []
        return snapshots
    }

    /// When the lead's next wake-up is due (nil: it waits for an event without deadline, or
    /// is not held).
    public func nextWake(of leadID: String) -> Date? {
        guard let slot = slotsByLead[leadID], let state = leads[slot] else { return nil }
        return nextDueTime(state)
    }
}

extension JourneyEngine {
    /// Moves the engine's clock to `time` (never back): what arrives next happens then.
    public func setClock(_ time: Date) {
        now = max(now, time)
    }

    /// The execution the lead is in, if the engine holds it and it is in one.
    public func currentExecution(of leadID: String) -> ExecutionKey? {
        slotsByLead[leadID].flatMap { leads[$0] }?.execution?.key
    }

    /// Ends the lead's execution `failed` now (a delivery it asked for was refused for good).
    /// False when the lead is in no execution.
    @discardableResult
    public func fail(leadID: String, reason: String) -> Bool {
        guard let slot = slotsByLead[leadID], let state = leads[slot], state.execution != nil else {
            return false
        }
        endExecution(state, status: .failed, reason: reason, outcome: .failed, at: now)
        changed.insert(slot)
        reschedule(state)
        return true
    }
}
