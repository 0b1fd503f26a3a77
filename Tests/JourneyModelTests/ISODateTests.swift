import Foundation
import Testing

@testable import JourneyModel

/// The one ISO-8601 parser: every form the command line (`--until`), the API and imports
/// accepted before it replaced their own, and nothing that names no instant.
@Suite struct ISODateTests {
    static let nineThirty: Int64 = 1_793_611_800  // 2026-11-02T09:30:00Z

    @Test(
        arguments: [
            // Dates, midnight UTC.
            ("2026-11-02", 1_793_577_600), ("1970-01-01", 0), (" 2026-11-02 ", 1_793_577_600),
            // Internet date-times, as ISO8601DateFormatter read them for the command line.
            ("2026-11-02T09:30:00Z", 1_793_611_800), ("2026-11-02T09:30:00z", 1_793_611_800),
            ("2026-11-02T11:30:00+02:00", 1_793_611_800), ("2026-11-02T11:30:00+0200", 1_793_611_800),
            ("2026-11-02T11:30:00+02", 1_793_611_800), ("2026-11-02T09:30:00-00:00", 1_793_611_800),
            ("2026-11-02T04:00:00-0530", 1_793_611_800), ("2026-11-02T09:30:00.5Z", 1_793_611_800),
            // What imports read: a space for T, minutes without seconds, a leap second.
            ("2026-11-02 09:30:00.750Z", 1_793_611_800), ("2026-11-02T09:30Z", 1_793_611_800),
            ("2026-11-02t09:30:00Z", 1_793_611_800), ("2026-11-02T09:29:60Z", 1_793_611_799),
            ("1969-12-31T23:59:59Z", -1), ("2028-02-29", 1_835_395_200),
        ] as [(String, Int64)])
    func readsTheInstant(_ text: String, _ seconds: Int64) {
        #expect(ISODate.epochSeconds(text) == seconds, "\(text)")
        #expect(
            ISODate.parse(text).map { Int64($0.timeIntervalSince1970.rounded(.down)) } == seconds, "\(text)")
    }

    @Test func keepsTheFractionAsADate() throws {
        let date = try #require(ISODate.parse("2026-11-02T09:30:00.250Z"))
        #expect(date.timeIntervalSince1970 == Double(Self.nineThirty) + 0.25)
        #expect(ISODate.epochSeconds("2026-11-02T09:30:00.250Z") == Self.nineThirty)
    }

    @Test(arguments: [
        "", "2026-13-01", "2026-02-29", "2026-02-30T09:30:00Z", "2026-11-02T09:30:00", "2026-11-02T24:00:00Z",
        "2026-11-02T09:60:00Z", "02/11/2026", "2026-11-02T09:30Zulu", "yesterday", "2026-1-2", "20261102",
        "2026-11-02T09:30:00.Z", "2026-11-02T09:30:00+19:00", "2026-11-02T09:30:00+02:", "2026-11-02T",
        "+2026-11-02T09:30:00Z",
    ])
    func refusesWhatIsNotAnInstant(_ text: String) {
        #expect(ISODate.epochSeconds(text) == nil, "\(text) should not parse")
        #expect(ISODate.parse(text) == nil, "\(text) should not parse")
    }

    @Test func civilDatesRoundTrip() {
        for days in [-719_468, -1, 0, 59, 365, 11_016, 20_759, 2_932_896] {
            let date = CivilDate(daysSinceEpoch: days)
            #expect(date.isValid)
            #expect(date.daysSinceEpoch == days)
        }
        #expect(CivilDate(daysSinceEpoch: 0) == CivilDate(year: 1970, month: 1, day: 1))
        #expect(CivilDate(year: 2000, month: 2, day: 29).isValid)
        #expect(!CivilDate(year: 1900, month: 2, day: 29).isValid)
    }
}
