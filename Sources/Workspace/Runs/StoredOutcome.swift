import ReplayEngine

extension NodeStay {
    /// The stay's `node_stays.outcome` (docs/schema.md): the label of the edge the lead left by
    /// where the journey names its ways out — a decision's `yes`/`no` (`if 1`, `if 2`, ...,
    /// `else` with several branches), a split's path, an event wait's `event`/`timeout` — else
    /// how the stay ended: `next`, `event`, `timeout`, `holdout`, `converted`, `completed`,
    /// `halted`, `failed`, `waiting`. The engine hands the label with the stay, so this costs
    /// nothing per step.
    public var storedOutcome: String {
        if let label = edgeLabel, !label.isEmpty { return label }
        return outcome.rawValue
    }
}
