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
        ISODate.format(epochSeconds: seconds)
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
