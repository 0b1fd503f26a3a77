import JourneyModel

/// What happened each time the trigger fired for a lead, so a run that lets few leads in can
/// say why: the trigger never fired, the re-entry rule held leads back, or the audience refused
/// them, and which of its leaves refused the most. Counted in the entry path with fixed
/// counters (no allocation per lead or per fire).
public struct EntryTally: Sendable, Hashable, Codable {
    /// Times the trigger fired for a lead (a lead and a fire time; an event that triggers counts
    /// once per event).
    public var triggerFires = 0
    /// Of those, fires at which the lead was already in the journey or the re-entry rule kept it
    /// out.
    public var heldBack = 0
    /// Of those, fires at which the audience refused the lead.
    public var refused = 0
    /// Distinct leads the audience refused at least once.
    public var refusedLeads = 0
    /// The audience's leaves in file order, each with the fires and leads it refused.
    public var leaves: [AudienceLeafTally]

    public init(leaves: [AudienceLeafTally] = []) {
        self.leaves = leaves
    }
}

/// One leaf of the entry audience and how often it refused.
public struct AudienceLeafTally: Sendable, Hashable, Codable {
    /// The leaf's place among the audience's leaves, from 0 in file order.
    public var index: Int
    /// The leaf as `ConditionText` writes it: `no purchase within 90d`.
    public var text: String
    /// Whether the leaf sits under an odd number of `not`s: then it refuses when it holds.
    public var negated: Bool
    /// Fires at which the audience refused the lead and this leaf's verdict (read through the
    /// `not`s above it) was no.
    public var refusals = 0
    /// Distinct leads this leaf refused at least once (counted for the first 63 leaves).
    public var leads = 0

    public init(index: Int, text: String, negated: Bool, refusals: Int = 0, leads: Int = 0) {
        self.index = index
        self.text = text
        self.negated = negated
        self.refusals = refusals
        self.leads = leads
    }

    /// The audience's leaves, in the order `ConditionEvaluator` explains them.
    public static func leaves(of audience: Condition?) -> [AudienceLeafTally] {
        var result: [AudienceLeafTally] = []
        func walk(_ condition: Condition, negated: Bool) {
            switch condition {
            case .all(let items), .any(let items): for item in items { walk(item, negated: negated) }
            case .not(let inner): walk(inner, negated: !negated)
            case .leaf(let leaf):
                result.append(
                    AudienceLeafTally(
                        index: result.count, text: ConditionText.describe(leaf), negated: negated))
            }
        }
        if let audience { walk(audience, negated: false) }
        return result
    }
}

extension EntryTally {
    mutating func triggerFired() { triggerFires += 1 }

    mutating func leadHeldBack() { heldBack += 1 }

    /// The audience refused a lead: every leaf whose verdict said no counts a refusal, and a
    /// lead once per leaf. `seen` is the lead's mask: bit 63 once the audience refused it at
    /// all, bit i once leaf i (below 63) did. Returns the lead's new mask.
    mutating func audienceRefused(_ verdicts: [LeafExplanation], seen: UInt64) -> UInt64 {
        let everRefused = UInt64(1) << 63
        refused += 1
        if seen & everRefused == 0 { refusedLeads += 1 }
        var mask = seen | everRefused
        for index in 0..<min(verdicts.count, leaves.count)
        where verdicts[index].matched == leaves[index].negated {
            leaves[index].refusals += 1
            let bit = index < 63 ? UInt64(1) << UInt64(index) : 0
            if bit != 0, mask & bit == 0 {
                leaves[index].leads += 1
                mask |= bit
            }
        }
        return mask
    }
}
