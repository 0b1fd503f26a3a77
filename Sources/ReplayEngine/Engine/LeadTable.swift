/// The leads held in memory, by slot. Slots are given in order and never reused, so an array
/// (8 bytes per lead ever admitted) rather than a hash table looked up at every wake-up.
struct LeadTable {
    private var bySlot: [LeadState?] = []
    /// Leads held.
    private(set) var count = 0

    subscript(slot: Int) -> LeadState? {
        get { slot < bySlot.count ? bySlot[slot] : nil }
        set {
            if slot >= bySlot.count {
                guard newValue != nil else { return }
                bySlot.append(contentsOf: repeatElement(nil, count: slot + 1 - bySlot.count))
            }
            count += (newValue == nil ? 0 : 1) - (bySlot[slot] == nil ? 0 : 1)
            bySlot[slot] = newValue
        }
    }

    /// The slots holding a lead, ascending.
    var slots: [Int] { bySlot.indices.filter { bySlot[$0] != nil } }
}
