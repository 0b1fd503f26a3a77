import Foundation

/// ISO-8601 dates and instants as journey files and cohorts write them:
/// `2026-12-01`, `2026-12-01T09:30:00Z`, `2026-12-01T09:30:00+02:00`.
public enum ISODate {
    /// The instant, or for a bare date its midnight UTC.
    public static func parse(_ text: String) -> Date? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.count == 10 {
            let parts = t.split(separator: "-")
            guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
                (1...12).contains(m), (1...31).contains(d), parts[0].count == 4
            else { return nil }
            var components = DateComponents()
            components.year = y
            components.month = m
            components.day = d
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = utc
            guard let date = calendar.date(from: components),
                calendar.component(.day, from: date) == d
            else { return nil }
            return date
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: t) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: t)
    }

    /// `2026-12-01T09:30:00Z`.
    public static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = utc
        return formatter.string(from: date)
    }

    static let utc = TimeZone(identifier: "UTC")!
}
