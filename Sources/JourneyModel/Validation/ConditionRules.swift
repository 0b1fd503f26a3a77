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
        fieldProblems(leaf) + windowProblems(leaf) + weekdayProblems(leaf) + valueProblems(leaf)
    }

    /// The field exists for the leaf's type; a behavior leaf counts events.
    static func fieldProblems(_ leaf: ConditionLeaf) -> [Problem] {
        switch leaf.type {
        case .time where !timeFields.contains(leaf.field):
            return [
                Problem(
                    key: "field",
                    message: "unknown time field '\(leaf.field)'"
                        + Suggestion.hintOrList(for: leaf.field, among: timeFields))
            ]
        case .engagement where !engagementFields.contains(leaf.field):
            return [
                Problem(
                    key: "field",
                    message: "unknown engagement field '\(leaf.field)'"
                        + Suggestion.hintOrList(for: leaf.field, among: engagementFields))
            ]
        case .behavior:
            var problems: [Problem] = []
            if !countOperators.contains(leaf.op) {
                problems.append(
                    Problem(
                        key: "operator",
                        message:
                            "'\(leaf.op.rawValue)' does not apply to behavior conditions, which count events")
                )
            }
            if let dot = leaf.field.firstIndex(of: "."), Channel(rawValue: String(leaf.field[..<dot])) == nil,
                let close = Suggestion.closest(
                    to: String(leaf.field[..<dot]), among: Channel.allCases.map(\.rawValue))
            {
                problems.append(
                    Problem(
                        key: "field",
                        message:
                            "unknown channel '\(leaf.field[..<dot])' in '\(leaf.field)' (did you mean '\(close)'?)"
                    ))
            }
            return problems
        default:
            return []
        }
    }

    /// `within` and `since` only where they mean something.
    static func windowProblems(_ leaf: ConditionLeaf) -> [Problem] {
        var problems: [Problem] = []
        if leaf.within != nil, leaf.type != .behavior, leaf.type != .engagement {
            problems.append(
                Problem(key: "within", message: "'within' applies to behavior and engagement conditions only")
            )
        }
        if let since = leaf.since {
            if leaf.type != .behavior {
                problems.append(Problem(key: "since", message: "'since' applies to behavior conditions only"))
            }
            if since == .lastSend, leaf.within == nil {
                problems.append(
                    Problem(
                        key: "since",
                        message: "'since: last_send' needs 'within' (how long after the last send)"))
            }
        }
        return problems
    }

    static func weekdayProblems(_ leaf: ConditionLeaf) -> [Problem] {
        guard leaf.type == .time, leaf.field == "weekday", let value = leaf.value else { return [] }
        let names = Weekday.allCases.map(\.rawValue).joined(separator: ", ")
        return (value.list ?? [value]).filter { Weekday(rawValue: $0.description) == nil }.map { day in
            Problem(key: "value", message: "weekday values are \(names); found \(day.quotedDescription)")
        }
    }

    /// The value fits the operator: present unless unary, a list for `in`, numbers to compare...
    static func valueProblems(_ leaf: ConditionLeaf) -> [Problem] {
        let op = leaf.op.rawValue
        guard let value = leaf.value else {
            return leaf.op.isUnary ? [] : [Problem(key: "operator", message: "'\(op)' needs a value")]
        }
        let message: String?
        switch leaf.op {
        case .exists, .notExists:
            message = "'\(op)' takes no value"
        case .between:
            message = betweenProblem(value)
        case .in, .notIn:
            message =
                value.list == nil ? "'\(op)' needs a list of values, found \(value.quotedDescription)" : nil
        case .greaterThan, .lessThan, .atLeast, .atMost:
            message =
                value.number == nil && !isTimeText(value)
                ? "'\(op)' compares numbers, but the value is \(value.kindName) (\(value.quotedDescription))"
                : nil
        case .contains, .notContains:
            message = value.list != nil ? "'\(op)' needs a single value, found a list" : nil
        case .equals, .notEquals:
            message = value.list != nil ? "'\(op)' needs a single value, found a list (use 'in')" : nil
        }
        return message.map { [Problem(key: "value", message: $0)] } ?? []
    }

    /// Two bounds, low first: numbers, dates, or clock times (which may wrap midnight).
    static func betweenProblem(_ value: Value) -> String? {
        let malformed = "'between' needs two bounds [low, high], found \(value.quotedDescription)"
        let reversed = "'between' bounds are reversed: \(value) (low must come first)"
        guard let bounds = value.list, bounds.count == 2 else { return malformed }
        if let low = bounds[0].number, let high = bounds[1].number {
            return low > high ? reversed : nil
        }
        if let low = bounds[0].string.flatMap(ISODate.parse),
            let high = bounds[1].string.flatMap(ISODate.parse)
        {
            return low > high ? reversed : nil
        }
        // Clock times may run backwards: ["22:00", "06:00"] wraps midnight.
        return bounds.allSatisfy { $0.string.flatMap(TimeOfDay.init(parsing:)) != nil } ? nil : malformed
    }

    /// Clock and date text ("09:30", "2026-12-01") orders like numbers in time conditions.
    static func isTimeText(_ value: Value) -> Bool {
        guard let text = value.string else { return false }
        return TimeOfDay(parsing: text) != nil || ISODate.parse(text) != nil
    }
}
