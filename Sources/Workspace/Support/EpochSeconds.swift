import Foundation
import JourneyModel

/// The workspace stores every instant as INTEGER seconds since 1970-01-01T00:00:00Z (UTC).
/// Integers keep a million-row table small, sort and subtract directly (dwell = exited − entered),
/// and read back in SQL with `datetime(col, 'unixepoch')`. This type converts to and from the
/// ISO-8601 text that files and users write, without a formatter per row (imports parse millions).
public enum EpochSeconds {
    /// The instant an ISO-8601 text names (see `ISODate` for the forms), fraction dropped.
    public static func parse(_ text: some StringProtocol) -> Int64? {
        ISODate.epochSeconds(text)
    }

    /// `2026-12-01T09:30:00Z`.
    public static func format(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = Int(seconds - days * 86_400)
        let date = CivilDate(daysSinceEpoch: Int(days))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let yearText =
            String(date.year).count < 4
            ? String(repeating: "0", count: 4 - String(date.year).count) + "\(date.year)" : "\(date.year)"
        return
            "\(yearText)-\(two(date.month))-\(two(date.day))T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
    }

    public static func date(_ seconds: Int64) -> Date {
        Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    public static func seconds(_ date: Date) -> Int64 {
        Int64(date.timeIntervalSince1970.rounded(.down))
    }

    public static func now() -> Int64 {
        seconds(Date())
    }
}
