import Foundation

/// A span of virtual time written as `30m`, `2h`, `3d`, `1w` (or combined, `1d12h`).
/// Whole seconds: journeys schedule in minutes and days, never in fractions.
public struct JourneyDuration: Sendable, Hashable, Comparable {
    public var seconds: Int

    public init(seconds: Int) { self.seconds = seconds }

    public static func minutes(_ n: Int) -> JourneyDuration { .init(seconds: n * 60) }
    public static func hours(_ n: Int) -> JourneyDuration { .init(seconds: n * 3600) }
    public static func days(_ n: Int) -> JourneyDuration { .init(seconds: n * 86_400) }
    public static func weeks(_ n: Int) -> JourneyDuration { .init(seconds: n * 604_800) }

    public static func < (a: JourneyDuration, b: JourneyDuration) -> Bool { a.seconds < b.seconds }

    static let units: [(suffix: Character, seconds: Int)] = [
        ("w", 604_800), ("d", 86_400), ("h", 3600), ("m", 60), ("s", 1),
    ]

    /// Parses `90s`, `30m`, `2h`, `3d`, `1w`, `1d12h`. Units must run from larger to smaller.
    public init?(parsing text: String) {
        var total = 0
        var digits = ""
        var lastUnit = Int.max
        var sawPart = false
        for ch in text.trimmingCharacters(in: .whitespaces) {
            if ch.isASCII, ch.isNumber {
                digits.append(ch)
                guard digits.count <= 9 else { return nil }
                continue
            }
            guard let unit = Self.units.first(where: { $0.suffix == ch }), let n = Int(digits),
                unit.seconds < lastUnit
            else { return nil }
            total += n * unit.seconds
            lastUnit = unit.seconds
            digits = ""
            sawPart = true
        }
        guard sawPart, digits.isEmpty else { return nil }
        self.seconds = total
    }
}

extension JourneyDuration: CustomStringConvertible {
    /// Canonical text: days, hours, minutes, seconds, largest first; `0m` for zero. Weeks are
    /// read but written as days, since journeys count days ("day 7").
    public var description: String {
        guard seconds > 0 else {
            return seconds == 0 ? "0m" : "-" + JourneyDuration(seconds: -seconds).description
        }
        var rest = seconds
        var text = ""
        for unit in Self.units where unit.suffix != "w" && rest >= unit.seconds {
            text += "\(rest / unit.seconds)\(unit.suffix)"
            rest %= unit.seconds
        }
        return text
    }
}
