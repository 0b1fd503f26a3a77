import Foundation
import JourneyModel
import Testing

@testable import ReplayEngine

/// The arithmetic end of quiet hours against LocalTime's search, hour by hour through a year
/// that holds both of each zone's transitions.
@Suite struct QuietEndTests {
    static let zones = ["America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"]
    static let windows = [
        QuietHours(from: TimeOfDay(hour: 21, minute: 0), to: TimeOfDay(hour: 8, minute: 0)),
        QuietHours(from: TimeOfDay(hour: 0, minute: 30), to: TimeOfDay(hour: 2, minute: 30)),
        QuietHours(from: TimeOfDay(hour: 12, minute: 0), to: TimeOfDay(hour: 13, minute: 15)),
    ]

    @Test(arguments: zones)
    func agreesWithTheSearchInsideQuietHours(zoneID: String) throws {
        let zone = try #require(TimeZone(identifier: zoneID))
        let start = 1_767_225_600.0  // 2026-01-01T00:00:00Z
        var checked = 0
        var arithmetic = 0
        for hour in stride(from: 0, to: 366 * 24, by: 1) {
            // Off the hour too, so seconds within a minute are covered.
            let now = Date(timeIntervalSince1970: start + Double(hour) * 3_600 + Double(hour % 7) * 517)
            let span = ZoneOffsets.span(in: zone, at: now)
            for quiet in Self.windows
            where DeliveryCoordinator.isInside(quiet, at: now, utcOffset: span.offset) {
                let searched = LocalTime.nextInstant(
                    atOrAfter: now, inWindow: quiet.to, to: quiet.from, days: [], zone: zone)
                let computed = DeliveryCoordinator.quietEnd(
                    quiet, at: now, utcOffset: span.offset, zone: zone, offsetHolds: span.holds)
                #expect(computed == searched, "\(zoneID) at \(now), quiet \(quiet.from)-\(quiet.to)")
                checked += 1
                if span.holds(computed) { arithmetic += 1 }
            }
        }
        #expect(checked > 1_000)
        #expect(arithmetic > checked / 2)
    }
}
