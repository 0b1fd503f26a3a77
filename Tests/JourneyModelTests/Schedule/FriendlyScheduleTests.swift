import Foundation
import Testing

@testable import JourneyModel

/// Every friendly form, by its next fire times (UTC; 2026-01-01 is a Thursday)
/// and by the cron expression it means.
struct FriendlyScheduleTests {
    private func fires(_ text: String, after start: String, count: Int = 2) throws -> [String] {
        try ScheduleFixtures.fires(text, after: start, in: "UTC", count: count)
    }

    @Test func dailyAt() throws {
        #expect(try Schedule(parsing: "daily at 09:00") == Schedule(parsing: "0 9 * * *"))
        #expect(
            try fires("daily at 09:00", after: "2026-01-01T09:00:00Z") == [
                "2026-01-02T09:00:00Z", "2026-01-03T09:00:00Z",
            ])
    }

    @Test func everyDayAtWithOneDigitHour() throws {
        #expect(try Schedule(parsing: "every day at 9:00") == Schedule(parsing: "daily at 09:00"))
    }

    @Test func weeklyOnOneDay() throws {
        #expect(try Schedule(parsing: "weekly on mon at 09:00") == Schedule(parsing: "0 9 * * 1"))
        #expect(
            try fires("weekly on mon at 09:00", after: "2026-01-01T00:00:00Z") == [
                "2026-01-05T09:00:00Z", "2026-01-12T09:00:00Z",
            ])
    }

    @Test func weeklyOnSeveralDays() throws {
        #expect(try Schedule(parsing: "weekly on mon,thu at 17:30") == Schedule(parsing: "30 17 * * 1,4"))
        #expect(try Schedule(parsing: "weekly on mon, thu at 17:30") == Schedule(parsing: "30 17 * * 1,4"))
        #expect(
            try Schedule(parsing: "weekly on Monday,Thursday at 17:30") == Schedule(parsing: "30 17 * * 1,4"))
        #expect(try Schedule(parsing: "weekly on mon-wed at 09:00") == Schedule(parsing: "0 9 * * 1-3"))
        // Thursday 18:00, after that day's 17:30.
        #expect(
            try fires("weekly on mon,thu at 17:30", after: "2026-01-01T18:00:00Z") == [
                "2026-01-05T17:30:00Z", "2026-01-08T17:30:00Z",
            ])
    }

    @Test func weekdaysAndWeekends() throws {
        #expect(try Schedule(parsing: "weekdays at 08:00") == Schedule(parsing: "0 8 * * mon-fri"))
        #expect(try Schedule(parsing: "weekends at 10:00") == Schedule(parsing: "0 10 * * sat,sun"))
        // Friday 08:00 has fired; next is Monday.
        #expect(
            try fires("weekdays at 08:00", after: "2026-01-02T08:00:00Z") == [
                "2026-01-05T08:00:00Z", "2026-01-06T08:00:00Z",
            ])
    }

    @Test func monthlyOnDay() throws {
        #expect(try Schedule(parsing: "monthly on day 1 at 10:00") == Schedule(parsing: "0 10 1 * *"))
        #expect(
            try fires("monthly on day 1 at 10:00", after: "2026-01-01T10:00:00Z") == [
                "2026-02-01T10:00:00Z", "2026-03-01T10:00:00Z",
            ])
        // Months without a 31st are skipped, as in cron.
        #expect(
            try fires("monthly on day 31 at 10:00", after: "2026-01-31T12:00:00Z") == [
                "2026-03-31T10:00:00Z", "2026-05-31T10:00:00Z",
            ])
    }

    @Test func singleDateFiresOnceThenNever() throws {
        #expect(
            try ScheduleFixtures.fires(
                "on 2026-12-01 at 10:00", after: "2026-03-01T00:00:00Z", in: "America/New_York", count: 2)
                == ["2026-12-01T15:00:00Z", "nil"])
        #expect(try fires("on 2026-12-01 at 10:00", after: "2026-12-01T10:00:01Z", count: 1) == ["nil"])
    }

    @Test func intervalsThatDivideAnHourOrADayAreCron() throws {
        #expect(try Schedule(parsing: "every 15m") == Schedule(parsing: "*/15 * * * *"))
        #expect(try Schedule(parsing: "every 15 minutes") == Schedule(parsing: "*/15 * * * *"))
        #expect(try Schedule(parsing: "every 2h") == Schedule(parsing: "0 */2 * * *"))
        #expect(try Schedule(parsing: "every 2 hours") == Schedule(parsing: "0 */2 * * *"))
        #expect(try Schedule(parsing: "every 60m") == Schedule(parsing: "@hourly"))
        #expect(try Schedule(parsing: "every 24h") == Schedule(parsing: "daily at 00:00"))
        #expect(
            try fires("every 15m", after: "2026-01-01T10:07:00Z") == [
                "2026-01-01T10:15:00Z", "2026-01-01T10:30:00Z",
            ])
        #expect(
            try fires("every 2h", after: "2026-01-01T01:00:00Z") == [
                "2026-01-01T02:00:00Z", "2026-01-01T04:00:00Z",
            ])
    }

    @Test func otherIntervalsRestartAtMidnight() throws {
        // 90m slots: ..., 21:00, 22:30, then 00:00 of the next day.
        #expect(
            try fires("every 90m", after: "2026-01-01T22:00:00Z", count: 3) == [
                "2026-01-01T22:30:00Z", "2026-01-02T00:00:00Z", "2026-01-02T01:30:00Z",
            ])
        // 7m slots end at 23:55, five minutes before midnight.
        #expect(
            try fires("every 7m", after: "2026-01-01T23:50:00Z", count: 2) == [
                "2026-01-01T23:55:00Z", "2026-01-02T00:00:00Z",
            ])
        #expect(try Schedule(parsing: "every 90m") == Schedule(parsing: "every 90 min"))
        #expect(try Schedule(parsing: "every 5h") == Schedule(parsing: "every 300m"))
    }

    @Test func caseDoesNotMatter() throws {
        #expect(try Schedule(parsing: "DAILY AT 09:00") == Schedule(parsing: "daily at 09:00"))
        #expect(
            try Schedule(parsing: "Weekly On MON At 09:00") == Schedule(parsing: "weekly on mon at 09:00"))
        #expect(
            try Schedule(parsing: "On 2026-12-01 AT 10:00") == Schedule(parsing: "on 2026-12-01 at 10:00"))
        #expect(try Schedule(parsing: "Every 15M") == Schedule(parsing: "every 15m"))
    }
}
