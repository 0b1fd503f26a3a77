/// A wall-clock time of day with minute precision, in no particular zone.
public struct TimeOfDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int

    public init(hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    /// Reads a 24-hour "HH:MM"; a one-digit hour ("9:00") is accepted because
    /// people write it, but minutes always take two digits so "9:5" is not
    /// silently read as 09:05 or 09:50.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let hourText = parts[0]
        let minuteText = parts[1]
        guard (1...2).contains(hourText.count), minuteText.count == 2,
            hourText.allSatisfy(\.isScheduleDigit), minuteText.allSatisfy(\.isScheduleDigit),
            let hour = Int(hourText), let minute = Int(minuteText),
            (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    /// Minutes since midnight, the form the schedule arithmetic works in.
    public var minuteOfDay: Int { hour * 60 + minute }

    public var description: String {
        let hourText = hour < 10 ? "0\(hour)" : "\(hour)"
        let minuteText = minute < 10 ? "0\(minute)" : "\(minute)"
        return "\(hourText):\(minuteText)"
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        lhs.minuteOfDay < rhs.minuteOfDay
    }
}
