import Foundation
import Testing

@testable import JourneyModel

/// The remembered offsets are Foundation's, whatever order instants are asked in: across DST
/// changes, half-hour shifts, zones that dropped DST or changed their standard offset.
@Suite struct ZoneOffsetsTests {
    static let zones = [
        "UTC", "America/New_York", "America/Los_Angeles", "Europe/London", "Europe/Berlin", "Europe/Moscow",
        "Australia/Lord_Howe", "Australia/Sydney", "Asia/Kolkata", "Asia/Kathmandu", "America/Sao_Paulo",
        "Pacific/Apia", "Africa/Casablanca", "America/St_Johns", "Pacific/Chatham", "Asia/Tehran",
        "America/Santiago", "Europe/Dublin", "Antarctica/Troll", "Pacific/Kiritimati",
    ]

    @Test(arguments: zones)
    func offsetsAgreeWithFoundation(_ identifier: String) throws {
        let zone = try #require(TimeZone(identifier: identifier))
        var random = SystemRandomNumberGenerator()
        // 1990 to 2040 at random, then every hour across two years forwards and backwards.
        var instants = (0..<1_500).map { _ in Double.random(in: 631_152_000...2_208_988_800, using: &random) }
        instants += stride(from: 1_767_225_600.0, to: 1_830_297_600, by: 3_600)
        instants += stride(from: 1_830_297_600.0, to: 1_767_225_600, by: -3_599)
        for time in instants {
            let instant = Date(timeIntervalSince1970: time)
            let expected = zone.secondsFromGMT(for: instant)
            #expect(ZoneOffsets.seconds(in: zone, at: instant) == expected, "\(identifier) \(instant)")
            if ZoneOffsets.seconds(in: zone, at: instant) != expected { return }
        }
    }

    @Test func zonesAskedInTurnKeepTheirOwnOffsets() throws {
        // The last zone asked about is remembered apart: asking about zones in turn, across
        // their transitions, must never answer one zone with another's spans.
        let zones = try ["America/New_York", "Europe/London", "Australia/Lord_Howe", "America/New_York"].map {
            try #require(TimeZone(identifier: $0))
        }
        for time in stride(from: 1_790_000_000.0, to: 1_830_000_000, by: 86_399) {
            for zone in zones {
                let instant = Date(timeIntervalSince1970: time)
                #expect(ZoneOffsets.seconds(in: zone, at: instant) == zone.secondsFromGMT(for: instant))
            }
        }
    }
}
