/// The five cron fields as sets of allowed values, one bit per value, so
/// matching is a shift and a test and equal schedules compare equal however
/// they were written ("1-5" == "mon-fri" == "1,2,3,4,5").
struct CronSpec: Sendable, Hashable {
    /// Bits 0-59.
    var minutes: UInt64
    /// Bits 0-23.
    var hours: UInt64
    /// Bits 1-31.
    var days: UInt64
    /// Bits 1-12.
    var months: UInt64
    /// Bits 0-6 in cron numbering (Sunday = 0); a parsed 7 is stored as 0.
    var weekdays: UInt64

    init(minutes: UInt64, hours: UInt64, days: UInt64, months: UInt64, weekdays: UInt64) {
        self.minutes = minutes
        self.hours = hours
        self.days = days
        self.months = months
        self.weekdays = weekdays
    }

    /// A spec firing once a day at a time, on the given weekdays (all when empty).
    init(at time: TimeOfDay, weekdays: Set<Weekday> = [], days: UInt64 = CronFieldKind.day.fullMask) {
        self.init(
            minutes: 1 << UInt64(time.minute), hours: 1 << UInt64(time.hour), days: days,
            months: CronFieldKind.month.fullMask,
            weekdays: weekdays.isEmpty
                ? CronFieldKind.weekday.fullMask
                : weekdays.reduce(0) { $0 | 1 << UInt64($1.cronNumber) })
    }

    /// Cron's rule for the two day fields: when both are restricted a day
    /// matches if either does ("0 0 13 * fri" fires on every 13th and every
    /// Friday); otherwise the restricted one decides. "Restricted" means "does
    /// not allow every value", judged on the set rather than on whether the text
    /// began with '*', so that equal sets always mean the same schedule.
    func matches(_ date: CivilDate) -> Bool {
        guard months.containsCronValue(date.month) else { return false }
        let dayMatches = days.containsCronValue(date.day)
        let weekdayMatches = weekdays.containsCronValue(date.weekday.cronNumber)
        if isDayRestricted && isWeekdayRestricted { return dayMatches || weekdayMatches }
        return dayMatches && weekdayMatches
    }

    var isDayRestricted: Bool { days != CronFieldKind.day.fullMask }
    var isWeekdayRestricted: Bool { weekdays != CronFieldKind.weekday.fullMask }

    /// The minutes of day at which the spec fires on a matching day, ascending.
    var minutesOfDay: [Int] {
        var result: [Int] = []
        for hour in 0..<24 where hours.containsCronValue(hour) {
            for minute in 0..<60 where minutes.containsCronValue(minute) {
                result.append(hour * 60 + minute)
            }
        }
        return result
    }
}

extension UInt64 {
    func containsCronValue(_ index: Int) -> Bool { (self >> UInt64(index)) & 1 == 1 }
}
