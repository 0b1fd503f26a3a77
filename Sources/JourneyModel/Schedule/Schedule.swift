import Foundation

/// When a time trigger fires: a 5-field cron expression, an @ macro, or a
/// friendly form (see `FriendlyScheduleParser`), evaluated in the lead's or
/// journey's time zone.
///
/// Cron fields are minute (0-59), hour (0-23), day of month (1-31), month
/// (1-12 or jan-dec) and weekday (0-7 or sun-sat, 0 and 7 both Sunday), each
/// `*`, a value, a range `1-5`, a list `1,3,5` or a step `*/15`, `10-50/10`.
/// When both day fields are restricted a day matches if either does, as in
/// every cron. Day/month combinations that can never occur ("0 0 30 feb *") are
/// rejected when parsed.
///
/// DST rules. Schedules are written in wall-clock time, and two wall-clock
/// times each year are not one instant. A schedule whose hour field is every
/// hour (`*/15 * * * *`, `5 * * * *`, `every 10m`) follows elapsed time; one at
/// chosen hours (`30 2 * * *`, `daily at 09:00`, `0 */6 * * *`) follows the clock:
///
/// - A fire time that does not exist (inside a spring-forward gap) does not fire
///   for an elapsed-time schedule (its next times come within the hour). For a
///   clock schedule it fires at the first instant after the gap: "30 2 * * *" in
///   America/New_York fires on 2026-03-08 at 03:00 EDT (07:00 UTC). Several
///   missing times of one gap ("*/15 2 * * *") fire once, together, at that instant.
/// - A fire time that occurs twice (inside a fall-back overlap) fires at both
///   occurrences for an elapsed-time schedule ("*/15 * * * *" keeps firing every
///   15 minutes through the repeated hour). A clock schedule fires once, at the
///   first occurrence: "30 1 * * *" in America/New_York fires on 2026-11-01 at
///   01:30 EDT (05:30 UTC) and not again at 01:30 EST, so a daily send never goes
///   twice.
///
/// These agree with croniter (the Python library) everywhere except that last
/// case, where croniter fires twice; a test holds Cairn to croniter's fire times
/// for hundreds of random expressions in UTC and America/New_York.
///
/// Interval forms ("every 15m", "every 90m") count slots from each local
/// midnight; those under an hour follow elapsed time, longer ones the clock.
public struct Schedule: Sendable, Hashable, CustomStringConvertible {
    /// What a schedule means, whatever way it was written.
    enum Rule: Sendable, Hashable {
        case cron(CronSpec)
        /// Every N minutes from local midnight; only for N that no cron spec
        /// expresses (7m, 90m, 5h), so that equal schedules compare equal.
        case interval(minutes: Int)
        /// A single local date and time.
        case once(CivilDate, TimeOfDay)
    }

    let rule: Rule

    /// How far ahead `nextFire` looks before deciding a schedule never fires
    /// again. Impossible cron dates are refused at parse time, so this only
    /// bounds the work. The rarest valid date, 29 February, recurs within it
    /// except across a skipped century leap day (2100), where nil comes back.
    static let horizonDays = 5 * 366

    init(rule: Rule) {
        // Intervals that divide an hour or a day are ordinary cron specs.
        if case .interval(let minutes) = rule, let spec = Self.cronSpec(forInterval: minutes) {
            self.rule = .cron(spec)
        } else {
            self.rule = rule
        }
    }

    public init(parsing text: String) throws(ScheduleError) {
        let tokens = ScheduleToken.split(text)
        guard let first = tokens.first else { throw ScheduleError("empty schedule", column: 1) }
        if first.text.hasPrefix("@") {
            self.init(rule: .cron(try CronParser.parse(macro: tokens)))
        } else if first.text.first?.isLetter == true {
            // No cron minute field starts with a letter, so words mean a friendly form.
            var parser = FriendlyScheduleParser(tokens: tokens, textEnd: text.count + 1)
            self.init(rule: try parser.parse())
        } else {
            self.init(rule: .cron(try CronParser.parse(fields: tokens)))
        }
    }

    /// The first fire time strictly after `instant`, or nil when there is none:
    /// after a single date has passed, or beyond the search horizon.
    public func nextFire(after instant: Date, in timeZone: TimeZone) -> Date? {
        switch rule {
        case .cron(let spec):
            let elapsed = spec.hours == CronFieldKind.hour.fullMask
            return Self.firstFire(
                after: instant, in: timeZone, times: spec.minutesOfDay, months: spec.months,
                followsElapsedTime: elapsed
            ) { spec.matches($0) }
        case .interval(let minutes):
            let times = Array(stride(from: 0, to: 1440, by: minutes))
            return Self.firstFire(
                after: instant, in: timeZone, times: times, months: CronFieldKind.month.fullMask,
                followsElapsedTime: minutes < 60
            ) { _ in true }
        case .once(let date, let time):
            let fire = LocalTime.instant(date: date, minuteOfDay: time.minuteOfDay, in: timeZone)
            return fire > instant ? fire : nil
        }
    }

    /// Walks local dates from the one `instant` falls on, skipping whole months
    /// that do not match, and tries each matching day's times in order. Local
    /// times earlier than `instant`'s own on its first day are skipped: under
    /// the DST rules they resolve to instants no later than `instant` (a
    /// schedule that follows elapsed time looks three hours further back, for
    /// the second pass of a repeated hour).
    private static func firstFire(
        after instant: Date, in zone: TimeZone, times: [Int], months: UInt64, followsElapsedTime: Bool,
        dayMatches: (CivilDate) -> Bool
    ) -> Date? {
        guard !times.isEmpty else { return nil }
        let start = LocalTime.wallClock(of: instant, in: zone)
        let firstMinute = followsElapsedTime ? start.minuteOfDay - 180 : start.minuteOfDay
        let last = start.date.adding(days: horizonDays)
        var date = start.date
        while date <= last {
            if !months.containsCronValue(date.month) {
                date = date.startOfNextMonth
                continue
            }
            if dayMatches(date) {
                let firstIndex =
                    date == start.date ? (times.firstIndex { $0 >= firstMinute } ?? times.count) : 0
                let fire =
                    followsElapsedTime
                    ? firstElapsedFire(after: instant, on: date, times: times[firstIndex...], in: zone)
                    : times[firstIndex...].lazy.map {
                        LocalTime.instant(date: date, minuteOfDay: $0, in: zone)
                    }
                    .first { $0 > instant }
                if let fire { return fire }
            }
            date = date.adding(days: 1)
        }
        return nil
    }

    /// The earliest fire after `instant` on `date` for a schedule that follows elapsed time:
    /// every real occurrence of each wall-clock time counts (both passes of a repeated hour),
    /// and a time inside a spring-forward gap does not exist, so it does not fire.
    private static func firstElapsedFire(
        after instant: Date, on date: CivilDate, times: ArraySlice<Int>, in zone: TimeZone
    ) -> Date? {
        var best: Date?
        for minuteOfDay in times {
            let occurrences = LocalTime.occurrences(date: date, minuteOfDay: minuteOfDay, in: zone)
            if let best, let first = occurrences.first, first > best { break }
            for fire in occurrences where fire > instant && fire < (best ?? .distantFuture) { best = fire }
        }
        return best
    }

    /// The cron spec for an interval from midnight, when one exists: N minutes
    /// dividing an hour, or N hours dividing a day.
    static func cronSpec(forInterval minutes: Int) -> CronSpec? {
        let everyMonth = CronFieldKind.month.fullMask
        let everyDay = CronFieldKind.day.fullMask
        let everyWeekday = CronFieldKind.weekday.fullMask
        if minutes > 0, 60 % minutes == 0 {
            let minuteMask = stride(from: 0, to: 60, by: minutes).reduce(UInt64(0)) { $0 | 1 << UInt64($1) }
            return CronSpec(
                minutes: minuteMask, hours: CronFieldKind.hour.fullMask, days: everyDay, months: everyMonth,
                weekdays: everyWeekday)
        }
        if minutes % 60 == 0, minutes > 0, 24 % (minutes / 60) == 0 {
            let hourMask = stride(from: 0, to: 24, by: minutes / 60).reduce(UInt64(0)) {
                $0 | 1 << UInt64($1)
            }
            return CronSpec(
                minutes: 1, hours: hourMask, days: everyDay, months: everyMonth, weekdays: everyWeekday)
        }
        return nil
    }
}
