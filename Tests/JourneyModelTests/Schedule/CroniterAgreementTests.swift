import Foundation
import Testing

@testable import JourneyModel

/// Holds `Schedule` to croniter, the Python library most schedulers are checked against:
/// `croniter.jsonl` holds croniter 7.0.0's next eight fire times for 400 random five-field
/// expressions, each from three instants (two spread over 2026-2027, one just before a clock
/// change in New York), in UTC and in America/New_York. Regenerate it with
/// `python3 scripts/croniter-fixture.py > Tests/JourneyModelTests/Schedule/croniter.jsonl`.
///
/// One documented difference: in a fall-back overlap, croniter fires a schedule at chosen
/// hours twice (01:30 EDT and 01:30 EST); Cairn fires it once, so a daily send never goes
/// twice. Those second occurrences are taken out of croniter's list before comparing.
struct CroniterAgreementTests {
    struct Case: Decodable {
        var expr: String
        var zone: String
        var from: Int64
        var fires: [Int64]
    }

    static func cases() throws -> [Case] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("croniter.jsonl")
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").map {
            try JSONDecoder().decode(Case.self, from: Data($0.utf8))
        }
    }

    @Test func agreesWithCroniterInUTCAndAcrossDaylightSaving() throws {
        let cases = try Self.cases()
        #expect(cases.count == 2400)
        var zonesSeen = Set<String>()
        var differencesTakenOut = 0
        for item in cases {
            zonesSeen.insert(item.zone)
            let schedule = try Schedule(parsing: item.expr)
            let zone = try #require(TimeZone(identifier: item.zone))
            let hourIsChosen = !item.expr.split(separator: " ")[1].elementsEqual("*")
            let expected = hourIsChosen ? Self.withoutRepeatedWallTimes(item.fires, in: zone) : item.fires
            differencesTakenOut += item.fires.count - expected.count
            let ours = schedule.fires(
                after: Date(timeIntervalSince1970: Double(item.from)), count: expected.count, in: zone
            ).map { Int64($0.timeIntervalSince1970) }
            #expect(ours == expected, "\(item.expr) in \(item.zone) after \(item.from)")
        }
        #expect(zonesSeen == ["UTC", "America/New_York"])
        // The fixture does reach the one difference, so the rule above is exercised.
        #expect(differencesTakenOut > 0)
    }

    /// Drops each fire whose wall-clock minute in `zone` already came earlier in the list.
    static func withoutRepeatedWallTimes(_ fires: [Int64], in zone: TimeZone) -> [Int64] {
        var seen = Set<String>()
        return fires.filter { fire in
            let wall = LocalTime.components(of: Date(timeIntervalSince1970: Double(fire)), in: zone)
            return seen.insert("\(wall.year)-\(wall.month)-\(wall.day) \(wall.hour):\(wall.minute)").inserted
        }
    }
}
