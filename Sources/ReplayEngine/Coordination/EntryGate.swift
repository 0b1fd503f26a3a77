import Foundation
import JourneyModel

/// Who may enter, and when: the trigger's matching rules and the re-entry rule.
struct EntryGate {
    let entry: Entry
    /// Whether the trigger fires on the lead's creation: `lead.created` (or `created`).
    let firesOnCreation: Bool
    /// The trigger's name as recorded on the execution.
    let triggerDescription: String
    /// Whether recorded events can let a lead in (event, webhook and condition triggers).
    let eventsCanTrigger: Bool
    /// Whether a lead that entered once may enter again.
    private let reenters: Bool

    /// Worked out once: the gate is asked at every wake-up of every lead.
    init(entry: Entry) {
        self.entry = entry
        firesOnCreation = Self.firesOnCreation(entry.trigger)
        triggerDescription = Self.describe(entry.trigger)
        reenters = entry.reentry != .never
        if case .time = entry.trigger { eventsCanTrigger = false } else { eventsCanTrigger = true }
    }

    /// A lead in flight never enters again until its execution ends; after that the re-entry
    /// rule decides.
    func mayEnter(rotations: Int, lastEntryAt: Date?, inFlight: Bool, at now: Date) -> Bool {
        if inFlight { return false }
        guard rotations > 0, let lastEntryAt else { return true }
        switch entry.reentry {
        case .never: return false
        case .always: return true
        case .after(let span): return now.timeIntervalSince(lastEntryAt) >= TimeInterval(span.seconds)
        }
    }

    /// Whether the lead could ever enter again (else its recorded events need no watching).
    func couldEnterAgain(rotations: Int) -> Bool {
        rotations == 0 || reenters
    }

    private static func firesOnCreation(_ trigger: Trigger) -> Bool {
        if case .event(let name) = trigger { return creationNames.contains(name) }
        return false
    }

    /// Whether the trigger fires on this recorded event. A webhook trigger `NAME` fires on an
    /// event of type `webhook` whose `name` datum is NAME, or on an event of type `webhook.NAME`.
    func fires(on event: LeadEvent) -> Bool {
        switch entry.trigger {
        case .event(let name):
            return !Self.creationNames.contains(name) && event.matches(name)
        case .webhook(let name):
            if event.type == "webhook" { return event.data["name"]?.string == name }
            return event.type == "webhook.\(name)"
        case .time, .condition:
            return false
        }
    }

    private static func describe(_ trigger: Trigger) -> String {
        switch trigger {
        case .event(let name): return "event \(name)"
        case .time(let schedule): return "time \(schedule)"
        case .condition: return "condition"
        case .webhook(let name): return "webhook \(name)"
        }
    }

    static let creationNames: Set<String> = ["lead.created", "created"]
}
