import ReplayEngine

/// Why a run let nobody in, or few: said by `cairn replay`, the report and the studio alike.
/// A run lets few in when its entries are fewer than 1 % of the cohort's leads (so 0 entries
/// for a cohort under 100 leads); then the cause is, in this order: the trigger never fired in
/// the span; else whichever kept more fires out, the audience (naming the leaf that refused the
/// most leads, ties to more refusals, then to the earlier leaf) or the re-entry rule and leads
/// already in the journey; else the trigger fired too seldom.
public struct EntryDiagnosis: Sendable, Hashable, Codable {
    public enum Cause: String, Sendable, Codable {
        case triggerNeverFired = "trigger-never-fired"
        case audienceRefused = "audience-refused"
        case heldBack = "held-back"
        case fewFires = "few-fires"
    }

    public var cause: Cause
    public var entries: Int
    public var triggerFires: Int
    /// The audience leaf that refused the most leads (`audience-refused`).
    public var leaf: String?
    /// Leads that leaf refused, and the fires at which it refused them.
    public var leafLeads: Int?
    public var leafFires: Int?
    /// Fires the audience refused, or the re-entry rule held back.
    public var keptOut: Int?

    /// Nil when the run let in at least 1 % of `leads`.
    public static func diagnose(leads: Int, entries: Int, tally: EntryTally) -> EntryDiagnosis? {
        guard entries == 0 || entries * 100 < leads else { return nil }
        var diagnosis = EntryDiagnosis(cause: .fewFires, entries: entries, triggerFires: tally.triggerFires)
        if tally.triggerFires == 0 {
            diagnosis.cause = .triggerNeverFired
        } else if tally.refused > 0, tally.refused >= tally.heldBack {
            diagnosis.cause = .audienceRefused
            diagnosis.keptOut = tally.refused
            let top = tally.leaves.max {
                ($0.leads, $0.refusals, -$0.index) < ($1.leads, $1.refusals, -$1.index)
            }
            diagnosis.leaf = top.map { ($0.negated ? "not " : "") + $0.text }
            diagnosis.leafLeads = top?.leads
            diagnosis.leafFires = top?.refusals
        } else if tally.heldBack > 0 {
            diagnosis.cause = .heldBack
            diagnosis.keptOut = tally.heldBack
        }
        return diagnosis
    }

    /// One sentence, after the span line that states the span.
    public var text: String {
        let who = entries == 0 ? "nobody entered" : "only \(entries) \(entries == 1 ? "entry" : "entries")"
        switch cause {
        case .triggerNeverFired:
            return "\(who): the trigger never fired in the span"
        case .audienceRefused:
            return "\(who): the audience refused \(keptOut ?? 0) of \(triggerFires) trigger fires;"
                + " leaf '\(leaf ?? "?")' refused the most leads: \(leafLeads ?? 0) at \(leafFires ?? 0) fire times"
        case .heldBack:
            return "\(who): the re-entry rule (or a lead still in the journey) held back \(keptOut ?? 0)"
                + " of \(triggerFires) trigger fires"
        case .fewFires:
            return "\(who): the trigger fired only \(triggerFires) times in the span"
        }
    }
}
