import ReplayEngine

/// The executions a `RunRecorder` holds until they end, found by their lead's slot.
///
/// The engine tells the slot of every record's lead, and a lead has one execution at a time,
/// so an array by slot finds a record's execution without hashing its key: 8 bytes per lead
/// ever admitted, as the engine's own tables by slot. Slots are given in order, so the array
/// grows as leads arrive. An execution told no slot, a slot another execution holds, or one
/// far beyond the slots seen so far is filed in a dictionary by its key instead.
///
/// Each execution's records tell the same slot, or none (the engine always tells it). A record
/// told no slot still finds an execution filed by slot, by looking through the array.
struct InFlightTable {
    typealias Execution = RunRecorder.InFlight

    private var bySlot: [Execution?] = []
    /// Executions in `bySlot`.
    private var filedBySlot = 0
    /// Executions ever added: the array may reach 64 places for each (see `fileable`).
    private var added = 0
    private var byKey: [ExecutionKey: Execution] = [:]

    /// Executions held.
    var count: Int { filedBySlot + byKey.count }

    /// `key`'s execution, added (under `slot`, when told one and free) when first seen.
    mutating func execution(_ key: ExecutionKey, slot: Int?) -> Execution {
        if let slot, slot >= 0, slot < bySlot.count, let found = bySlot[slot], found.key == key {
            return found
        }
        if !byKey.isEmpty, let found = byKey[key] { return found }
        if slot == nil, filedBySlot > 0,
            let found = bySlot.lazy.compactMap({ $0 }).first(where: { $0.key == key })
        {
            return found
        }
        let execution = Execution(key)
        added += 1
        if let slot, fileable(slot) {
            if slot >= bySlot.count {
                bySlot.append(contentsOf: repeatElement(nil, count: slot + 1 - bySlot.count))
            }
            if bySlot[slot] == nil {
                bySlot[slot] = execution
                execution.slot = slot
                filedBySlot += 1
                return execution
            }
        }
        byKey[key] = execution
        return execution
    }

    /// Forgets an ended execution.
    mutating func remove(_ execution: Execution) {
        if let slot = execution.slot {
            bySlot[slot] = nil
            filedBySlot -= 1
        } else {
            byKey[execution.key] = nil
        }
    }

    /// A slot within reach of the array: one it can grow to by doubling, or one within 64
    /// places per execution added so far (when few leads enter, their slots lie far apart).
    /// The array never takes more than 512 bytes per execution, so a slot far beyond any
    /// replay's own goes to the dictionary rather than growing it.
    private func fileable(_ slot: Int) -> Bool {
        slot >= 0 && (slot < Swift.max(2 * bySlot.count, 1024) || slot < 64 * added)
    }
}
