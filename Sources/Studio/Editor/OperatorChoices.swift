import JourneyModel
import Workspace

/// The operators a condition leaf is offered, by what its field holds: numbers order and take
/// ranges, text contains, events are counted (`ConditionRules.countOperators`), weekdays are
/// names. An unknown property is offered every operator.
enum OperatorChoices {
    static let numeric: [ConditionOperator] = [
        .equals, .notEquals, .greaterThan, .lessThan, .atLeast, .atMost, .between, .in, .notIn, .exists,
        .notExists,
    ]
    static let text: [ConditionOperator] = [
        .equals, .notEquals, .contains, .notContains, .in, .notIn, .exists, .notExists,
    ]
    static let boolean: [ConditionOperator] = [.equals, .notEquals, .exists, .notExists]
    static let list: [ConditionOperator] = [.contains, .notContains, .exists, .notExists]
    /// `local_time` and `date` order as clock times and dates.
    static let clock: [ConditionOperator] = [
        .equals, .notEquals, .greaterThan, .lessThan, .atLeast, .atMost, .between, .exists, .notExists,
    ]
    static let weekday: [ConditionOperator] = [.equals, .notEquals, .in, .notIn]

    static func operators(
        type: ConditionType, field: String, completions: FieldCompletions
    ) -> [ConditionOperator] {
        switch type {
        case .behavior:
            return ConditionOperator.allCases.filter { ConditionRules.countOperators.contains($0) }
        case .engagement:
            return numeric
        case .time:
            switch field {
            case "weekday": return weekday
            case "local_time", "date": return clock
            default: return numeric
            }
        case .property:
            switch completions.propertyKinds[field] {
            case .number: return numeric
            case .text: return text
            case .boolean: return boolean
            case .list: return list
            case nil: return ConditionOperator.allCases
            }
        }
    }
}
