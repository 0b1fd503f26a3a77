import Foundation

extension LocalTime {
    /// `nextInstant(atOrAfter:inWindow:to:days:zone:)` in plain arithmetic when the zone keeps
    /// one offset over every instant that search would read (three days before `instant`
    /// through twelve after): the same answer without asking the zone at each candidate. Nil
    /// when a transition lies that near, or nothing opens within eight days: then the search
    /// itself answers. (Quiet hours ask it at every send they defer.)
    static func nextInstantAtFixedOffset(atOrAfter instant: Date, in window: ScheduleWindow, zone: TimeZone)
        -> Date?
    {
        let day = 86_400
        guard
            let offset = ZoneOffsets.fixedOffset(
                in: zone, from: instant.addingTimeInterval(-3 * Double(day)),
                through: instant.addingTimeInterval(12 * Double(day)))
        else { return nil }
        func wall(_ utc: Int) -> (date: CivilDate, minuteOfDay: Int) {
            let local = utc + offset
            let days = floorDivide(local, day)
            return (CivilDate(daysSinceEpoch: days), (local - days * day) / 60)
        }
        let bound = 1e14
        let seconds = Int(min(max(instant.timeIntervalSince1970, -bound), bound).rounded(.down))
        let start = wall(seconds)
        if window.contains(date: start.date, minuteOfDay: start.minuteOfDay) { return instant }
        for dayOffset in 0...8 {
            let date = start.date.adding(days: dayOffset)
            for segmentStart in window.segmentStarts(on: date) {
                let utc = date.daysSinceEpoch * day + segmentStart * 60 - offset
                let candidate = Date(timeIntervalSince1970: Double(utc))
                let local = wall(utc)
                if candidate >= instant, window.contains(date: local.date, minuteOfDay: local.minuteOfDay) {
                    return candidate
                }
            }
        }
        return nil
    }
}
