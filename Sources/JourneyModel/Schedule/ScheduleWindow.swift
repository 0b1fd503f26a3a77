import Foundation

/// A daily time window, [from, to) in local time, optionally limited to some
/// weekdays: the shape of quiet hours and of "wait until a time window".
struct ScheduleWindow: Sendable, Hashable {
    var from: TimeOfDay
    var to: TimeOfDay
    var days: Set<Weekday>

    /// Whether a local date and minute of day lie inside the window; the
    /// weekday is the one of the date the minute falls on, so a wrapping
    /// window's early-morning part belongs to the next day.
    func contains(date: CivilDate, minuteOfDay: Int) -> Bool {
        if !days.isEmpty, !days.contains(date.weekday) { return false }
        let start = from.minuteOfDay
        let end = to.minuteOfDay
        if start == end { return true }
        if start < end { return minuteOfDay >= start && minuteOfDay < end }
        return minuteOfDay >= start || minuteOfDay < end
    }

    func contains(_ instant: Date, in zone: TimeZone) -> Bool {
        let wall = LocalTime.wallClock(of: instant, in: zone)
        return contains(date: wall.date, minuteOfDay: wall.minuteOfDay)
    }

    /// The minutes of day at which a part of the window opens on a date, in
    /// order; an empty list when the date's weekday is excluded.
    func segmentStarts(on date: CivilDate) -> [Int] {
        if !days.isEmpty, !days.contains(date.weekday) { return [] }
        let start = from.minuteOfDay
        let end = to.minuteOfDay
        if start == end { return [0] }
        if start < end { return [start] }
        return end > 0 ? [0, start] : [start]
    }
}
