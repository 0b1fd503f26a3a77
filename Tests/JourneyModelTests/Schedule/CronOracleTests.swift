import Foundation
import Testing

@testable import JourneyModel

/// Checks `nextFire` against a slow, independent reading of the cron rules:
/// every minute of 60 days in UTC is matched field by field, with the date
/// parts taken from Foundation's `Calendar` rather than the schedule's own
/// date arithmetic.
struct CronOracleTests {
    /// (expression, minutes, hours, days of month, months, weekdays with Sunday = 1 as in Calendar)
    private static let cases: [(String, Set<Int>, Set<Int>, Set<Int>?, Set<Int>, Set<Int>?)] = [
        ("*/20 */7 * * *", [0, 20, 40], [0, 7, 14, 21], nil, Set(1...12), nil),
        ("15 10 1,15,31 * *", [15], [10], [1, 15, 31], Set(1...12), nil),
        ("0 12 * * sat,sun", [0], [12], nil, Set(1...12), [7, 1]),
        ("30 6 10-12 * mon", [30], [6], [10, 11, 12], Set(1...12), [2]),
        ("0 0 * feb,mar 3", [0], [0], nil, [2, 3], [4]),
        ("45 23 28-31 * *", [45], [23], [28, 29, 30, 31], Set(1...12), nil),
    ]

    @Test(arguments: 0..<cases.count)
    func agreesWithMinuteByMinuteSearch(index: Int) throws {
        let (text, minutes, hours, days, months, weekdays) = Self.cases[index]
        let schedule = try Schedule(parsing: text)
        let utc = try ScheduleFixtures.zone("UTC")
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        let start = try ScheduleFixtures.instant("2026-01-20T00:00:00Z")
        var expected: [Date] = []
        for minute in 1...(60 * 24 * 60) {
            let date = start.addingTimeInterval(Double(minute * 60))
            let parts = calendar.dateComponents([.minute, .hour, .day, .month, .weekday], from: date)
            guard let m = parts.minute, let h = parts.hour, let d = parts.day, let mo = parts.month,
                let wd = parts.weekday
            else { continue }
            let dayOK: Bool
            switch (days, weekdays) {
            case (let days?, let weekdays?): dayOK = days.contains(d) || weekdays.contains(wd)
            case (let days?, nil): dayOK = days.contains(d)
            case (nil, let weekdays?): dayOK = weekdays.contains(wd)
            case (nil, nil): dayOK = true
            }
            if minutes.contains(m), hours.contains(h), months.contains(mo), dayOK { expected.append(date) }
        }
        var actual: [Date] = []
        var cursor = start
        let end = start.addingTimeInterval(Double(60 * 24 * 60 * 60))
        while let next = schedule.nextFire(after: cursor, in: utc), next <= end {
            actual.append(next)
            cursor = next
        }
        #expect(!expected.isEmpty)
        #expect(actual == expected)
    }

    @Test func generatedExpressionsRoundTripThroughTheirText() throws {
        // A fixed linear congruential sequence: the same expressions every run.
        var state: UInt64 = 0x2026
        func pick(_ choices: [String]) -> String {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return choices[Int((state >> 33) % UInt64(choices.count))]
        }
        let minuteChoices = ["*", "0", "*/5", "7,8,9", "10-50/10", "59", "1-3,5", "*/7", "30"]
        let hourChoices = ["*", "9", "9-17", "*/6", "0,12", "23", "1-5/2"]
        let dayChoices = ["*", "1", "15", "1-7", "*/10", "28-31", "13"]
        let monthChoices = ["*", "jan", "1-3", "jun,dec", "*/3", "feb-apr"]
        let weekdayChoices = ["*", "mon", "1-5", "sat,sun", "0", "7", "fri-sun", "*/2"]
        for _ in 0..<300 {
            let text = [
                pick(minuteChoices), pick(hourChoices), pick(dayChoices), pick(monthChoices),
                pick(weekdayChoices),
            ].joined(separator: " ")
            let schedule = try Schedule(parsing: text)
            #expect(try Schedule(parsing: schedule.description) == schedule, "\(text) -> \(schedule)")
        }
    }
}
