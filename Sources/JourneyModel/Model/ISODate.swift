import Foundation

/// ISO-8601 dates and instants as journey files, cohorts, the command line and the API write
/// them: the one parser every door uses. It reads
///
/// - a bare date, `2026-12-01`, as its midnight UTC;
/// - a date and time, `T` (or `t`, or a space) between them, minutes required, seconds and a
///   fraction of any length optional: `2026-12-01T09:30Z`, `2026-12-01 09:30:00.250Z`;
/// - a zone, required after a time: `Z` (or `z`), `+02:00`, `+0200` or `+02`.
///
/// Spaces around the text are ignored. A leap second (`:60`) reads as `:59`. Dates that do
/// not exist (`2026-02-30`) and times past `23:59` are refused, as is a time without a zone
/// (a local time is ambiguous).
public enum ISODate {
    /// The instant, or for a bare date its midnight UTC.
    public static func parse(_ text: String) -> Date? {
        guard let instant = ISOInstant(text) else { return nil }
        return Date(timeIntervalSince1970: Double(instant.seconds) + instant.fraction)
    }

    /// The instant in whole seconds since 1970-01-01T00:00:00Z (a fraction is dropped).
    public static func epochSeconds(_ text: some StringProtocol) -> Int64? {
        ISOInstant(text)?.seconds
    }

    /// `2026-12-01T09:30:00Z` (a fraction of a second is dropped).
    public static func format(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        return format(epochSeconds: Int64(max(min(seconds, 1e15), -1e15)))
    }

    /// `2026-12-01T09:30:00Z` for whole seconds since 1970-01-01T00:00:00Z, by formula (no
    /// formatter per call: imports and exports format millions).
    public static func format(epochSeconds seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = Int(seconds - days * 86_400)
        let date = CivilDate(daysSinceEpoch: Int(days))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year = String(date.year)
        let yearText = year.count < 4 ? String(repeating: "0", count: 4 - year.count) + year : year
        return
            "\(yearText)-\(two(date.month))-\(two(date.day))T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
    }

    public static let utc = TimeZone(identifier: "UTC")!
}

/// An instant read from ISO-8601 text: whole seconds since the epoch and the fraction after.
struct ISOInstant {
    var seconds: Int64
    var fraction: Double

    init?(_ text: some StringProtocol) {
        var reader = ISOReader(Array(text.utf8))
        reader.skipSpaces()
        guard let days = reader.date() else { return nil }
        var secondOfDay = 0
        var fraction = 0.0
        var offset = 0
        if !reader.atEnd {
            guard reader.take(["T", "t", " "]), let time = reader.time(), let zone = reader.zoneOffset()
            else {
                return nil
            }
            (secondOfDay, fraction, offset) = (time.second, time.fraction, zone)
        }
        guard reader.atEnd else { return nil }
        seconds = Int64(days) * 86_400 + Int64(secondOfDay - offset)
        self.fraction = fraction
    }
}

/// Reads the parts of an ISO-8601 text byte by byte, without a formatter: imports parse
/// millions of them.
private struct ISOReader {
    let bytes: [UInt8]
    var i = 0

    /// Where the text ends, trailing spaces aside.
    let end: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        self.end = end
    }

    var atEnd: Bool { i >= end }

    mutating func skipSpaces() {
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
    }

    /// Consumes one of these characters.
    mutating func take(_ choices: [Unicode.Scalar]) -> Bool {
        guard i < end, choices.contains(where: { UInt8($0.value) == bytes[i] }) else { return false }
        i += 1
        return true
    }

    /// Exactly `count` digits as a number.
    mutating func digits(_ count: Int) -> Int? {
        guard i + count <= end else { return nil }
        var value = 0
        for _ in 0..<count {
            let b = bytes[i]
            guard b >= 48, b <= 57 else { return nil }
            value = value * 10 + Int(b - 48)
            i += 1
        }
        return value
    }

    /// `YYYY-MM-DD` as days since 1970-01-01, if the date exists.
    mutating func date() -> Int? {
        guard let year = digits(4), take(["-"]), let month = digits(2), take(["-"]), let day = digits(2)
        else { return nil }
        let date = CivilDate(year: year, month: month, day: day)
        return date.isValid ? date.daysSinceEpoch : nil
    }

    /// `HH:MM[:SS[.fraction]]` as the second of the day and the fraction.
    mutating func time() -> (second: Int, fraction: Double)? {
        guard let hour = digits(2), take([":"]), let minute = digits(2), hour < 24, minute < 60 else {
            return nil
        }
        var second = 0
        var fraction = 0.0
        if take([":"]) {
            guard let s = digits(2), s <= 60 else { return nil }
            second = min(s, 59)
            if take([".", ","]) {
                guard let f = self.fraction() else { return nil }
                fraction = f
            }
        }
        return (hour * 3600 + minute * 60 + second, fraction)
    }

    /// The digits after a decimal point, as a fraction of a second.
    mutating func fraction() -> Double? {
        var value = 0.0
        var scale = 1.0
        let start = i
        while i < end, bytes[i] >= 48, bytes[i] <= 57 {
            if scale > 1e-15 {
                scale /= 10
                value += Double(bytes[i] - 48) * scale
            }
            i += 1
        }
        return i > start ? value : nil
    }

    /// `Z`, `+HH:MM`, `+HHMM` or `+HH` (or `-`) as seconds east of UTC.
    mutating func zoneOffset() -> Int? {
        if take(["Z", "z"]) { return 0 }
        guard i < end, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") else { return nil }
        let sign = bytes[i] == UInt8(ascii: "+") ? 1 : -1
        i += 1
        guard let hours = digits(2), hours <= 18 else { return nil }
        var minutes = 0
        if !atEnd {
            _ = take([":"])
            guard let m = digits(2), m < 60 else { return nil }
            minutes = m
        }
        return sign * (hours * 3600 + minutes * 60)
    }
}
