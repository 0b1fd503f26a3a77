import Foundation
import Testing

@testable import JourneyModel

/// Instants and zones the schedule tests share. Expected instants are written
/// out by hand in UTC ("2026-03-08T07:00:00Z") so each test states its answer.
enum ScheduleFixtures {
    static func instant(_ text: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: text), "bad fixture instant \(text)")
    }

    static func zone(_ identifier: String) throws -> TimeZone {
        try #require(TimeZone(identifier: identifier), "missing zone \(identifier)")
    }

    /// The next `count` fire times after `start`, as UTC text for readable failures.
    static func fires(_ text: String, after start: String, in zoneIdentifier: String, count: Int) throws
        -> [String]
    {
        let schedule = try Schedule(parsing: text)
        let zone = try zone(zoneIdentifier)
        let formatter = ISO8601DateFormatter()
        var cursor = try instant(start)
        var result: [String] = []
        for _ in 0..<count {
            guard let next = schedule.nextFire(after: cursor, in: zone) else {
                result.append("nil")
                break
            }
            result.append(formatter.string(from: next))
            cursor = next
        }
        return result
    }
}
