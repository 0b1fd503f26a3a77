/// The canonical text of a schedule: the friendly form when one says the same
/// thing, else cron with compact fields. It is derived from the meaning, not
/// kept from the input, so equal schedules print alike and the text parses
/// back to an equal schedule.
extension Schedule {
    public var description: String {
        switch rule {
        case .cron(let spec):
            return Self.friendlyText(spec) ?? Self.cronText(spec)
        case .interval(let minutes):
            return minutes % 60 == 0 ? "every \(minutes / 60)h" : "every \(minutes)m"
        case .once(let date, let time):
            return
                "on \(Self.padded(date.year, 4))-\(Self.padded(date.month, 2))-\(Self.padded(date.day, 2)) at \(time)"
        }
    }

    private static func friendlyText(_ spec: CronSpec) -> String? {
        guard spec.months == CronFieldKind.month.fullMask else { return nil }
        let allDays = !spec.isDayRestricted
        let allWeekdays = !spec.isWeekdayRestricted
        if let time = singleTime(spec) {
            let weekdays = Weekday.allCases.filter { spec.weekdays.containsCronValue($0.cronNumber) }
            if allDays && allWeekdays { return "daily at \(time)" }
            if allDays && weekdays == [.mon, .tue, .wed, .thu, .fri] { return "weekdays at \(time)" }
            if allDays && weekdays == [.sat, .sun] { return "weekends at \(time)" }
            if allDays {
                return "weekly on \(weekdays.map(\.rawValue).joined(separator: ",")) at \(time)"
            }
            if allWeekdays, spec.days.nonzeroBitCount == 1 {
                return "monthly on day \(spec.days.trailingZeroBitCount) at \(time)"
            }
            return nil
        }
        guard allDays, allWeekdays else { return nil }
        if spec.minutes == 1 {
            for hours in [1, 2, 3, 4, 6, 8, 12]
            where spec.hours == mask(stride(from: 0, to: 24, by: hours)) {
                return "every \(hours)h"
            }
        }
        if spec.hours == CronFieldKind.hour.fullMask {
            for minutes in [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30]
            where spec.minutes == mask(stride(from: 0, to: 60, by: minutes)) {
                return "every \(minutes)m"
            }
        }
        return nil
    }

    private static func singleTime(_ spec: CronSpec) -> TimeOfDay? {
        guard spec.minutes.nonzeroBitCount == 1, spec.hours.nonzeroBitCount == 1 else { return nil }
        return TimeOfDay(hour: spec.hours.trailingZeroBitCount, minute: spec.minutes.trailingZeroBitCount)
    }

    private static func cronText(_ spec: CronSpec) -> String {
        [
            fieldText(spec.minutes, .minute), fieldText(spec.hours, .hour), fieldText(spec.days, .day),
            fieldText(spec.months, .month), fieldText(spec.weekdays, .weekday),
        ].joined(separator: " ")
    }

    /// "*" for every value, a step form for an evenly spaced set of three or
    /// more values (or one reaching the field's end from its start), else
    /// ranges and single values separated by commas.
    private static func fieldText(_ mask: UInt64, _ kind: CronFieldKind) -> String {
        if mask == kind.fullMask { return "*" }
        let lower = kind.range.lowerBound
        let upper = kind == .weekday ? 6 : kind.range.upperBound
        let values = (lower...upper).filter { mask.containsCronValue($0) }
        func name(_ value: Int) -> String {
            switch kind {
            case .month: CronFieldKind.monthNames[value - 1]
            case .weekday: Weekday(cronNumber: value)?.rawValue ?? "\(value)"
            default: "\(value)"
            }
        }
        if values.count >= 2, let first = values.first, let last = values.last {
            let step = values[1] - first
            let evenlySpaced = step > 1 && zip(values, values.dropFirst()).allSatisfy { $1 - $0 == step }
            let spansField = first == lower && last + step > upper
            if evenlySpaced && spansField { return "*/\(step)" }
            if evenlySpaced && values.count >= 3 { return "\(name(first))-\(name(last))/\(step)" }
        }
        var parts: [String] = []
        var index = 0
        while index < values.count {
            var end = index
            while end + 1 < values.count, values[end + 1] == values[end] + 1 { end += 1 }
            parts.append(end == index ? name(values[index]) : "\(name(values[index]))-\(name(values[end]))")
            index = end + 1
        }
        return parts.joined(separator: ",")
    }

    private static func mask(_ values: StrideTo<Int>) -> UInt64 {
        values.reduce(0) { $0 | 1 << UInt64($1) }
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
