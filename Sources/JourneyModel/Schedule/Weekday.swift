/// A day of the week, ordered Monday first (ISO 8601), as analysts read a week.
public enum Weekday: String, Sendable, Hashable, CaseIterable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun

    /// Reads a day name case-insensitively: the three-letter form ("mon", "Mon")
    /// or the full name ("monday").
    public init?(parsing text: String) {
        let lowered = text.lowercased()
        for day in Weekday.allCases where lowered == day.rawValue || lowered == day.fullName {
            self = day
            return
        }
        return nil
    }

    /// The full English name, lower case ("monday").
    public var fullName: String {
        switch self {
        case .mon: "monday"
        case .tue: "tuesday"
        case .wed: "wednesday"
        case .thu: "thursday"
        case .fri: "friday"
        case .sat: "saturday"
        case .sun: "sunday"
        }
    }

    /// Position in the week, Monday = 0 ... Sunday = 6.
    var isoIndex: Int {
        switch self {
        case .mon: 0
        case .tue: 1
        case .wed: 2
        case .thu: 3
        case .fri: 4
        case .sat: 5
        case .sun: 6
        }
    }

    /// The number cron uses for this day: Sunday = 0 ... Saturday = 6.
    var cronNumber: Int { (isoIndex + 1) % 7 }

    /// The day for a cron number; both 0 and 7 mean Sunday, as in every cron.
    init?(cronNumber: Int) {
        guard (0...7).contains(cronNumber) else { return nil }
        let iso = (cronNumber + 6) % 7
        self = Weekday.allCases[iso]
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool {
        lhs.isoIndex < rhs.isoIndex
    }
}
