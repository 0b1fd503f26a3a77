/// A condition: leaves of `{type, field, operator, value}` (the original plan's shape)
/// grouped with `all` / `any` / `not`, nested to any depth.
public indirect enum Condition: Sendable, Hashable {
    case all([Condition])
    case any([Condition])
    case not(Condition)
    case leaf(ConditionLeaf)

    /// Every leaf, depth first, in file order.
    public var leaves: [ConditionLeaf] {
        switch self {
        case .all(let items), .any(let items): return items.flatMap(\.leaves)
        case .not(let inner): return inner.leaves
        case .leaf(let leaf): return [leaf]
        }
    }
}

/// What a leaf looks at.
public enum ConditionType: String, Sendable, Hashable, CaseIterable {
    /// A lead property: `state`, `score`, `plan`, ...
    case property
    /// Events the lead did: `email.opened`, `clicked`, `visited`, counted in an optional window.
    case behavior
    /// The clock in the lead's time zone: `local_hour`, `weekday`, `date`, `days_since_created`, ...
    case time
    /// Engagement figures: `score`, `opens`, `clicks`, `replies`, `responses`, `messages`, ...
    case engagement
}

public enum ConditionOperator: String, Sendable, Hashable, CaseIterable {
    case equals
    case notEquals = "not_equals"
    case contains
    case notContains = "not_contains"
    case greaterThan = "greater_than"
    case lessThan = "less_than"
    case atLeast = "at_least"
    case atMost = "at_most"
    case between
    case `in`
    case notIn = "not_in"
    case exists
    case notExists = "not_exists"

    /// Operators that take no value.
    public var isUnary: Bool { self == .exists || self == .notExists }

    /// Operators that compare magnitudes and need a number (or a date/time) on the right.
    public var isOrdering: Bool {
        switch self {
        case .greaterThan, .lessThan, .atLeast, .atMost, .between: return true
        default: return false
        }
    }
}

/// Where a behavior window starts: now (looking back) or at the last message sent.
public enum WindowAnchor: String, Sendable, Hashable, CaseIterable {
    /// Events in `[now - within, now]`.
    case now
    /// Events in `[last send, last send + within]`: "opened within 2h of the last send".
    case lastSend = "last_send"
}

public struct ConditionLeaf: Sendable, Hashable {
    public var type: ConditionType
    public var field: String
    public var op: ConditionOperator
    public var value: Value?
    /// Behavior and engagement: only events inside this window count.
    public var within: JourneyDuration?
    /// Behavior: what the window is measured from.
    public var since: WindowAnchor?

    public init(
        type: ConditionType, field: String, op: ConditionOperator, value: Value? = nil,
        within: JourneyDuration? = nil, since: WindowAnchor? = nil
    ) {
        self.type = type
        self.field = field
        self.op = op
        self.value = value
        self.within = within
        self.since = since
    }
}
