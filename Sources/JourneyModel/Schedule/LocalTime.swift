import Foundation

/// Conversions between instants and wall-clock time in a zone, with one stated
/// rule for the two DST anomalies so schedules, quiet hours and time windows
/// all agree:
///
/// - A wall-clock time that does not exist (inside a spring-forward gap)
///   resolves to the first instant after the gap: 02:30 on 2026-03-08 in
///   America/New_York resolves to 03:00 EDT (07:00 UTC).
/// - A wall-clock time that occurs twice (inside a fall-back overlap) resolves
///   to the earlier occurrence: 01:30 on 2026-11-01 in America/New_York
///   resolves to 01:30 EDT (05:30 UTC), not 01:30 EST.
///
/// Only `TimeZone.secondsFromGMT(for:)` is taken from Foundation (through `ZoneOffsets`); the calendar
/// arithmetic is done by formula, so the result does not depend on how a
/// platform's `Calendar` happens to resolve gaps and overlaps.
public enum LocalTime {
    /// The UTC instant for a local wall-clock time (see the type's DST rule).
    public static func instant(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, in zone: TimeZone
    ) -> Date {
        let date = CivilDate(year: year, month: month, day: day)
        return instant(date: date, minuteOfDay: hour * 60 + minute, in: zone)
    }

    public static func components(
        of instant: Date, in zone: TimeZone
    ) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, weekday: Weekday) {
        let wall = wallClock(of: instant, in: zone)
        return (
            wall.date.year, wall.date.month, wall.date.day, wall.minuteOfDay / 60, wall.minuteOfDay % 60,
            wall.date.weekday
        )
    }

    /// The first instant >= `instant` whose local time of day lies in
    /// [from, to) and, when `days` is not empty, whose local weekday is in
    /// `days`. A window with `from > to` wraps midnight (21:00-08:00 covers
    /// 21:00-24:00 and 00:00-08:00 of each day, each part judged by its own
    /// day's weekday); `from == to` means the whole day. Should no instant ever
    /// qualify (a window lying wholly inside a DST gap on every allowed day),
    /// `instant` itself is returned after a year of looking, rather than nil, so
    /// callers never stall.
    public static func nextInstant(
        atOrAfter instant: Date, inWindow from: TimeOfDay, to: TimeOfDay, days: Set<Weekday>,
        zone: TimeZone
    ) -> Date {
        let window = ScheduleWindow(from: from, to: to, days: days)
        if let found = nextInstantAtFixedOffset(atOrAfter: instant, in: window, zone: zone) { return found }
        if window.contains(instant, in: zone) { return instant }
        let start = wallClock(of: instant, in: zone).date
        // A year bounds the search; any satisfiable window is found within 8 days.
        for offset in 0...366 {
            let date = start.adding(days: offset)
            for segmentStart in window.segmentStarts(on: date) {
                let candidate = self.instant(date: date, minuteOfDay: segmentStart, in: zone)
                if candidate >= instant, window.contains(candidate, in: zone) {
                    return candidate
                }
            }
        }
        return instant
    }

    // MARK: - Internals shared with Schedule

    /// The wall-clock date and minute of day of an instant; seconds are dropped.
    static func wallClock(of instant: Date, in zone: TimeZone) -> (date: CivilDate, minuteOfDay: Int) {
        // Clamped to ±3 million years so that no Date can trap the conversion to Int.
        let bound = 1e14
        let seconds = Int(min(max(instant.timeIntervalSince1970, -bound), bound).rounded(.down))
        let local = seconds + ZoneOffsets.seconds(in: zone, at: instant)
        let days = floorDivide(local, 86_400)
        let secondOfDay = local - days * 86_400
        return (CivilDate(daysSinceEpoch: days), secondOfDay / 60)
    }

    /// Every instant whose wall-clock time in `zone` is `minuteOfDay` on `date`, earliest
    /// first: none inside a spring-forward gap, two inside a fall-back overlap, else one.
    static func occurrences(date: CivilDate, minuteOfDay: Int, in zone: TimeZone) -> [Date] {
        // The wall time read as if it were UTC; an answer is this minus the zone's offset at
        // the answer, so try every offset in force nearby.
        let naive = date.daysSinceEpoch * 86_400 + minuteOfDay * 60
        return nearbyOffsets(naive, in: zone).map { naive - $0 }
            .filter { utc in
                ZoneOffsets.seconds(in: zone, at: Date(timeIntervalSince1970: Double(utc))) == naive - utc
            }
            .sorted().map { Date(timeIntervalSince1970: Double($0)) }
    }

    private static func nearbyOffsets(_ naive: Int, in zone: TimeZone) -> Set<Int> {
        Set(
            [-86_400, 0, 86_400].map {
                ZoneOffsets.seconds(in: zone, at: Date(timeIntervalSince1970: Double(naive + $0)))
            })
    }

    static func instant(date: CivilDate, minuteOfDay: Int, in zone: TimeZone) -> Date {
        if let earliest = occurrences(date: date, minuteOfDay: minuteOfDay, in: zone).first {
            return earliest
        }
        let naive = date.daysSinceEpoch * 86_400 + minuteOfDay * 60
        let offsets = nearbyOffsets(naive, in: zone)
        // A gap: no offset gives this wall time. The transition lies between the
        // readings under the largest and smallest offsets; find the first second
        // whose wall time is past the requested one.
        var low = naive - (offsets.max() ?? 0)
        var high = naive - (offsets.min() ?? 0)
        while low < high {
            let middle = low + (high - low) / 2
            let wall = middle + ZoneOffsets.seconds(in: zone, at: Date(timeIntervalSince1970: Double(middle)))
            if wall >= naive { high = middle } else { low = middle + 1 }
        }
        return Date(timeIntervalSince1970: Double(low))
    }

    static func floorDivide(_ value: Int, _ divisor: Int) -> Int {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
