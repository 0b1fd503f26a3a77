/// What each of the five cron fields is called, which values it takes and which
/// names stand for numbers in it.
enum CronFieldKind: Int, Sendable, CaseIterable {
    case minute, hour, day, month, weekday

    /// The word used in messages: "hour field '24' is out of range 0-23".
    var label: String {
        switch self {
        case .minute: "minute"
        case .hour: "hour"
        case .day: "day"
        case .month: "month"
        case .weekday: "weekday"
        }
    }

    /// Values accepted in the text; 7 is accepted for Sunday as in every cron.
    var range: ClosedRange<Int> {
        switch self {
        case .minute: 0...59
        case .hour: 0...23
        case .day: 1...31
        case .month: 1...12
        case .weekday: 0...7
        }
    }

    /// Every value the field can hold once stored (Sunday folded to 0).
    var fullMask: UInt64 {
        let upper = self == .weekday ? 6 : range.upperBound
        return (range.lowerBound...upper).reduce(0) { $0 | 1 << UInt64($1) }
    }

    static let monthNames = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    static let monthFullNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    /// The number a name stands for in this field, accepting three-letter and
    /// full names case-insensitively.
    func value(named name: String) -> Int? {
        let lowered = name.lowercased()
        switch self {
        case .month:
            if let index = Self.monthNames.firstIndex(of: lowered)
                ?? Self.monthFullNames.firstIndex(of: lowered)
            {
                return index + 1
            }
            return nil
        case .weekday:
            return Weekday(parsing: lowered)?.cronNumber
        default:
            return nil
        }
    }

    /// Names a misspelling may be compared with, and the short name to suggest.
    var nameCandidates: [(spelling: String, suggestion: String)] {
        switch self {
        case .month:
            return zip(Self.monthNames, Self.monthFullNames).flatMap { [($0, $0), ($1, $0)] }
        case .weekday:
            return Weekday.allCases.flatMap { [($0.rawValue, $0.rawValue), ($0.fullName, $0.rawValue)] }
        default:
            return []
        }
    }
}
