/// What makes a condition leaf meaningful: its operator fits its value, its field exists for
/// its type. Used by the validator and by forms that check a leaf before it is saved.
public enum ConditionRules {
    /// A problem with one part of a leaf: `key` names the part (`value`, `operator`, `field`, ...).
    public struct Problem: Sendable, Hashable {
        public var key: String
        public var message: String
    }

    public static let timeFields = [
        "local_hour", "local_time", "weekday", "month", "date", "days_since_created", "days_since_entry",
        "hours_since_entry",
    ]
    public static let engagementFields = [
        "score", "opens", "clicks", "replies", "responses", "messages", "response_rate",
        "days_since_last_response",
    ]
    /// What behavior conditions, which count events, may use.
    public static let countOperators: Set<ConditionOperator> = [
        .exists, .notExists, .equals, .notEquals, .greaterThan, .lessThan, .atLeast, .atMost, .between,
    ]

    public static func problems(_ leaf: ConditionLeaf) -> [Problem] {
        var problems: [Problem] = []
        func add(_ key: String, _ message: String) { problems.append(Problem(key: key, message: message)) }
        let op = leaf.op.rawValue

        switch leaf.type {
        case .time where !timeFields.contains(leaf.field):
            add(
                "field",
                "unknown time field '\(leaf.field)'"
                    + Suggestion.hintOrList(for: leaf.field, among: timeFields))
        case .engagement where !engagementFields.contains(leaf.field):
            add(
                "field",
                "unknown engagement field '\(leaf.field)'"
                    + Suggestion.hintOrList(for: leaf.field, among: engagementFields))
        case .behavior:
            if !countOperators.contains(leaf.op) {
                add("operator", "'\(op)' does not apply to behavior conditions, which count events")
            }
            if let dot = leaf.field.firstIndex(of: "."), Channel(rawValue: String(leaf.field[..<dot])) == nil,
                let close = Suggestion.closest(
                    to: String(leaf.field[..<dot]), among: Channel.allCases.map(\.rawValue))
            {
                add(
                    "field",
                    "unknown channel '\(leaf.field[..<dot])' in '\(leaf.field)' (did you mean '\(close)'?)")
            }
        default: break
        }
        if leaf.within != nil, leaf.type != .behavior, leaf.type != .engagement {
            add("within", "'within' applies to behavior and engagement conditions only")
        }
        if let since = leaf.since {
            if leaf.type != .behavior { add("since", "'since' applies to behavior conditions only") }
            if since == .lastSend, leaf.within == nil {
                add("since", "'since: last_send' needs 'within' (how long after the last send)")
            }
        }

        if leaf.type == .time, leaf.field == "weekday", let value = leaf.value {
            for day in value.list ?? [value] where Weekday(rawValue: day.description) == nil {
                let names = Weekday.allCases.map(\.rawValue).joined(separator: ", ")
                add("value", "weekday values are \(names); found \(day.quotedDescription)")
            }
        }

        guard let value = leaf.value else {
            if !leaf.op.isUnary { add("operator", "'\(op)' needs a value") }
            return problems
        }
        if leaf.op.isUnary {
            add("value", "'\(op)' takes no value")
            return problems
        }
        switch leaf.op {
        case .between:
            guard let bounds = value.list, bounds.count == 2 else {
                add("value", "'between' needs two bounds [low, high], found \(value.quotedDescription)")
                break
            }
            if let low = bounds[0].number, let high = bounds[1].number {
                if low > high {
                    add("value", "'between' bounds are reversed: \(value) (low must come first)")
                }
            } else if let low = bounds[0].string.flatMap(ISODate.parse),
                let high = bounds[1].string.flatMap(ISODate.parse)
            {
                if low > high {
                    add("value", "'between' bounds are reversed: \(value) (low must come first)")
                }
            } else if !(bounds.allSatisfy { $0.string.flatMap(TimeOfDay.init(parsing:)) != nil }) {
                // Clock times may run backwards: ["22:00", "06:00"] wraps midnight.
                add("value", "'between' needs two bounds [low, high], found \(value.quotedDescription)")
            }
        case .in, .notIn:
            if value.list == nil {
                add("value", "'\(op)' needs a list of values, found \(value.quotedDescription)")
            }
        case .greaterThan, .lessThan, .atLeast, .atMost:
            if value.number == nil, !isTimeText(value) {
                add(
                    "value",
                    "'\(op)' compares numbers, but the value is \(value.kindName) (\(value.quotedDescription))"
                )
            }
        case .contains, .notContains:
            if value.list != nil { add("value", "'\(op)' needs a single value, found a list") }
        case .equals, .notEquals:
            if value.list != nil { add("value", "'\(op)' needs a single value, found a list (use 'in')") }
        case .exists, .notExists:
            break
        }
        return problems
    }

    /// Clock and date text ("09:30", "2026-12-01") orders like numbers in time conditions.
    static func isTimeText(_ value: Value) -> Bool {
        guard let text = value.string else { return false }
        return TimeOfDay(parsing: text) != nil || ISODate.parse(text) != nil
    }
}
