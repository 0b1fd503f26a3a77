import Foundation
import Testing

@testable import JourneyModel

/// Wall-clock conversions and time windows. 2026-01-01 is a Thursday.
struct LocalTimeTests {
    private let instant = ScheduleFixtures.instant
    private let zone = ScheduleFixtures.zone

    @Test func ordinaryTimeIsOffsetByTheZone() throws {
        #expect(
            try LocalTime.instant(year: 2026, month: 6, day: 1, hour: 12, minute: 0, in: zone("UTC"))
                == instant("2026-06-01T12:00:00Z"))
        #expect(
            try LocalTime.instant(
                year: 2026, month: 1, day: 15, hour: 9, minute: 0, in: zone("America/New_York"))
                == instant("2026-01-15T14:00:00Z"))
    }

    @Test func timeInTheGapIsTheFirstInstantAfterIt() throws {
        #expect(
            try LocalTime.instant(
                year: 2026, month: 3, day: 8, hour: 2, minute: 30, in: zone("America/New_York"))
                == instant("2026-03-08T07:00:00Z"))
        #expect(
            try LocalTime.instant(
                year: 2026, month: 3, day: 29, hour: 1, minute: 30, in: zone("Europe/London"))
                == instant("2026-03-29T01:00:00Z"))
    }

    @Test func repeatedTimeIsTheEarlierInstant() throws {
        #expect(
            try LocalTime.instant(
                year: 2026, month: 11, day: 1, hour: 1, minute: 30, in: zone("America/New_York"))
                == instant("2026-11-01T05:30:00Z"))
        #expect(
            try LocalTime.instant(
                year: 2026, month: 10, day: 25, hour: 1, minute: 30, in: zone("Europe/London"))
                == instant("2026-10-25T00:30:00Z"))
    }

    @Test func componentsReadTheWallClock() throws {
        let newYork = try zone("America/New_York")
        // 06:30Z on 2026-11-01 is the second 01:30, in EST.
        let fallBack = LocalTime.components(of: try instant("2026-11-01T06:30:00Z"), in: newYork)
        #expect(fallBack.year == 2026 && fallBack.month == 11 && fallBack.day == 1)
        #expect(fallBack.hour == 1 && fallBack.minute == 30 && fallBack.weekday == .sun)
        // Before 1970, where seconds are negative: 1969-12-31 was a Wednesday.
        let beforeEpoch = LocalTime.components(of: try instant("1969-12-31T23:59:00Z"), in: try zone("UTC"))
        #expect(beforeEpoch.year == 1969 && beforeEpoch.month == 12 && beforeEpoch.day == 31)
        #expect(beforeEpoch.hour == 23 && beforeEpoch.minute == 59 && beforeEpoch.weekday == .wed)
        // Sydney is ahead of UTC: already Friday 2 January.
        let sydney = LocalTime.components(
            of: try instant("2026-01-01T14:00:00Z"), in: try zone("Australia/Sydney"))
        #expect(sydney.day == 2 && sydney.hour == 1 && sydney.weekday == .fri)
    }

    private func next(
        _ start: String, _ from: String, _ to: String, days: Set<Weekday> = [], in zoneName: String = "UTC"
    )
        throws -> Date
    {
        LocalTime.nextInstant(
            atOrAfter: try instant(start), inWindow: try #require(TimeOfDay(parsing: from)),
            to: try #require(TimeOfDay(parsing: to)), days: days, zone: try zone(zoneName))
    }

    @Test func daytimeWindow() throws {
        #expect(try next("2026-01-01T08:00:00Z", "09:00", "17:00") == instant("2026-01-01T09:00:00Z"))
        #expect(try next("2026-01-01T10:00:00Z", "09:00", "17:00") == instant("2026-01-01T10:00:00Z"))
        // The end is excluded.
        #expect(try next("2026-01-01T17:00:00Z", "09:00", "17:00") == instant("2026-01-02T09:00:00Z"))
    }

    @Test func windowWrappingMidnight() throws {
        #expect(try next("2026-01-01T12:00:00Z", "21:00", "08:00") == instant("2026-01-01T21:00:00Z"))
        #expect(try next("2026-01-01T23:00:00Z", "21:00", "08:00") == instant("2026-01-01T23:00:00Z"))
        #expect(try next("2026-01-02T03:00:00Z", "21:00", "08:00") == instant("2026-01-02T03:00:00Z"))
        #expect(try next("2026-01-02T08:00:00Z", "21:00", "08:00") == instant("2026-01-02T21:00:00Z"))
    }

    @Test func windowLimitedToDays() throws {
        // Thursday 10:00 -> Monday 09:00.
        #expect(
            try next("2026-01-01T10:00:00Z", "09:00", "17:00", days: [.mon])
                == instant("2026-01-05T09:00:00Z"))
        #expect(
            try next("2026-01-02T10:00:00Z", "09:00", "17:00", days: [.mon, .fri])
                == instant("2026-01-02T10:00:00Z"))
    }

    @Test func wrappingWindowJudgesEachPartByItsOwnDay() throws {
        // Friday 23:00 is outside (Friday is not allowed); Saturday's early part opens at midnight.
        #expect(
            try next("2026-01-02T23:00:00Z", "21:00", "08:00", days: [.sat])
                == instant("2026-01-03T00:00:00Z"))
        #expect(
            try next("2026-01-03T09:00:00Z", "21:00", "08:00", days: [.sat])
                == instant("2026-01-03T21:00:00Z"))
        // Sunday 02:00 is outside; the next Saturday starts at its midnight.
        #expect(
            try next("2026-01-04T02:00:00Z", "21:00", "08:00", days: [.sat])
                == instant("2026-01-10T00:00:00Z"))
    }

    @Test func windowAcrossDaylightSaving() throws {
        // Saturday 18:00 EST -> Sunday 09:00 EDT.
        #expect(
            try next("2026-03-07T23:00:00Z", "09:00", "17:00", in: "America/New_York")
                == instant("2026-03-08T13:00:00Z"))
        // A window opening inside the gap opens when the gap ends, 03:00 EDT.
        #expect(
            try next("2026-03-08T05:00:00Z", "02:00", "04:00", in: "America/New_York")
                == instant("2026-03-08T07:00:00Z"))
    }

    @Test func equalBoundsMeanTheWholeDay() throws {
        #expect(try next("2026-01-01T13:37:00Z", "00:00", "00:00") == instant("2026-01-01T13:37:00Z"))
        #expect(
            try next("2026-01-01T13:37:00Z", "09:00", "09:00", days: [.sat])
                == instant("2026-01-03T00:00:00Z"))
    }
}
