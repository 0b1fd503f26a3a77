import Foundation
import Testing

@testable import JourneyModel

/// Cron next-fire times in UTC, where wall clock and instant agree, so these
/// check the field semantics alone. 2026-01-01 is a Thursday.
struct CronNextFireTests {
    private func fires(_ text: String, after start: String, count: Int = 2) throws -> [String] {
        try ScheduleFixtures.fires(text, after: start, in: "UTC", count: count)
    }

    @Test func everyFifteenMinutesIsStrictlyAfter() throws {
        #expect(
            try fires("*/15 * * * *", after: "2026-01-01T00:07:30Z") == [
                "2026-01-01T00:15:00Z", "2026-01-01T00:30:00Z",
            ])
        // An instant that is itself a fire time is not returned again.
        #expect(
            try fires("*/15 * * * *", after: "2026-01-01T00:15:00Z", count: 1) == ["2026-01-01T00:30:00Z"])
    }

    @Test func rangeWithStepWrapsToNextHour() throws {
        #expect(
            try fires("10-50/10 * * * *", after: "2026-01-01T00:50:00Z") == [
                "2026-01-01T01:10:00Z", "2026-01-01T01:20:00Z",
            ])
    }

    @Test func weekdayRangeSkipsTheWeekend() throws {
        // Friday 10:00 -> Monday 09:00.
        #expect(
            try fires("0 9 * * mon-fri", after: "2026-01-02T10:00:00Z") == [
                "2026-01-05T09:00:00Z", "2026-01-06T09:00:00Z",
            ])
    }

    @Test func listsOfHoursAndMinutes() throws {
        #expect(
            try fires("0,30 9,17 * * *", after: "2026-01-01T09:10:00Z", count: 4) == [
                "2026-01-01T09:30:00Z", "2026-01-01T17:00:00Z", "2026-01-01T17:30:00Z",
                "2026-01-02T09:00:00Z",
            ])
    }

    @Test func monthNamesSkipWholeMonths() throws {
        #expect(
            try fires("0 0 1 jan,jul *", after: "2026-01-01T00:00:00Z") == [
                "2026-07-01T00:00:00Z", "2027-01-01T00:00:00Z",
            ])
    }

    @Test func sundayIsZeroAndSeven() throws {
        let zero = try Schedule(parsing: "0 0 * * 0")
        #expect(try Schedule(parsing: "0 0 * * 7") == zero)
        #expect(try Schedule(parsing: "0 0 * * sun") == zero)
        #expect(try Schedule(parsing: "0 0 * * SUNDAY") == zero)
        #expect(try fires("0 0 * * 7", after: "2026-01-01T00:00:00Z", count: 1) == ["2026-01-04T00:00:00Z"])
        // "fri-sun" ends on Sunday, written as 7 or as a name.
        #expect(try Schedule(parsing: "0 0 * * fri-sun") == Schedule(parsing: "0 0 * * 5-7"))
        #expect(try Schedule(parsing: "0 0 * * fri-sun") == Schedule(parsing: "0 0 * * 0,5,6"))
    }

    @Test func dayOfMonthOrWeekdayWhenBothRestricted() throws {
        // 2026-02-10 is a Tuesday (the 10th); 2026-02-13 is a Friday.
        #expect(
            try fires("0 0 10 * fri", after: "2026-02-07T00:00:00Z", count: 3) == [
                "2026-02-10T00:00:00Z", "2026-02-13T00:00:00Z", "2026-02-20T00:00:00Z",
            ])
    }

    @Test func dayOfMonthAloneWhenWeekdayIsStar() throws {
        // April has no 31st.
        #expect(try fires("0 12 31 * *", after: "2026-04-01T00:00:00Z", count: 1) == ["2026-05-31T12:00:00Z"])
    }

    @Test func leapDayWaitsForALeapYear() throws {
        #expect(
            try fires("0 0 29 feb *", after: "2026-01-01T00:00:00Z") == [
                "2028-02-29T00:00:00Z", "2032-02-29T00:00:00Z",
            ])
    }

    @Test func searchGivesUpAfterFiveYears() throws {
        // 2100 is not a leap year: the next 29 February after 2096 is in 2104.
        #expect(try fires("0 0 29 feb *", after: "2096-03-01T00:00:00Z", count: 1) == ["nil"])
    }

    @Test func macros() throws {
        #expect(try fires("@yearly", after: "2026-01-01T00:00:00Z", count: 1) == ["2027-01-01T00:00:00Z"])
        #expect(try fires("@annually", after: "2026-03-01T00:00:00Z", count: 1) == ["2027-01-01T00:00:00Z"])
        #expect(try fires("@monthly", after: "2026-01-15T00:00:00Z", count: 1) == ["2026-02-01T00:00:00Z"])
        #expect(try fires("@weekly", after: "2026-01-01T00:00:00Z", count: 1) == ["2026-01-04T00:00:00Z"])
        #expect(try fires("@daily", after: "2026-01-01T00:00:00Z", count: 1) == ["2026-01-02T00:00:00Z"])
        #expect(try fires("@midnight", after: "2026-01-01T00:00:00Z", count: 1) == ["2026-01-02T00:00:00Z"])
        #expect(try fires("@hourly", after: "2026-01-01T00:59:59Z", count: 1) == ["2026-01-01T01:00:00Z"])
        #expect(try Schedule(parsing: "@HOURLY") == Schedule(parsing: "0 * * * *"))
    }

    @Test func equalSetsAreEqualSchedules() throws {
        #expect(try Schedule(parsing: "0 9 * * 1-5") == Schedule(parsing: "0 9 * * mon,tue,wed,thu,fri"))
        #expect(try Schedule(parsing: "*/20 * * * *") == Schedule(parsing: "0,20,40 * * * *"))
        #expect(try Schedule(parsing: "5/20 * * * *") == Schedule(parsing: "5,25,45 * * * *"))
        #expect(try Schedule(parsing: "0 0 1 JAN *") == Schedule(parsing: "0 0 1 1 *"))
        #expect(try Schedule(parsing: "  0   9 * *  *  ") == Schedule(parsing: "0 9 * * *"))
        #expect(try Schedule(parsing: "0 9 * * *") != Schedule(parsing: "0 10 * * *"))
    }

    @Test func everyMinuteFiresAtTheNextMinute() throws {
        #expect(try fires("* * * * *", after: "2026-12-31T23:59:30Z", count: 1) == ["2027-01-01T00:00:00Z"])
    }
}
