import Testing

@testable import JourneyModel

/// The canonical text: friendly when a friendly form says the same, compact
/// cron otherwise, and always parsing back to an equal schedule.
struct ScheduleDescriptionTests {
    @Test(arguments: [
        ("0 9 * * *", "daily at 09:00"),
        ("every day at 9:00", "daily at 09:00"),
        ("@daily", "daily at 00:00"),
        ("every 24h", "daily at 00:00"),
        ("0 8 * * 1-5", "weekdays at 08:00"),
        ("0 10 * * 6,0", "weekends at 10:00"),
        ("30 17 * * thu,mon", "weekly on mon,thu at 17:30"),
        ("5 4 * * 7", "weekly on sun at 04:05"),
        ("@weekly", "weekly on sun at 00:00"),
        ("0 10 1 * *", "monthly on day 1 at 10:00"),
        ("on 2026-12-01 at 10:00", "on 2026-12-01 at 10:00"),
        ("*/15 * * * *", "every 15m"),
        ("* * * * *", "every 1m"),
        ("@hourly", "every 1h"),
        ("0 */2 * * *", "every 2h"),
        ("every 90 minutes", "every 90m"),
        ("every 300m", "every 5h"),
        ("0,30 9-17 * * mon-fri", "*/30 9-17 * * mon-fri"),
        ("10-50/10 * * * *", "10-50/10 * * * *"),
        ("0 0 1 1 *", "0 0 1 jan *"),
        ("0 0 13 * 5", "0 0 13 * fri"),
        ("0 12 * 1-3,12 *", "0 12 * jan-mar,dec *"),
        ("0 9 1,15 * *", "0 9 1,15 * *"),
        ("0 9 * * */2", "weekly on tue,thu,sat,sun at 09:00"),
        ("*/10 9 * * fri-sun", "*/10 9 * * sun,fri-sat"),
        ("*/10 9 * * */2", "*/10 9 * * */2"),
        ("0 9-17 * * *", "0 9-17 * * *"),
    ])
    func canonicalTextRoundTrips(text: String, canonical: String) throws {
        let schedule = try Schedule(parsing: text)
        #expect(schedule.description == canonical)
        #expect(try Schedule(parsing: schedule.description) == schedule)
    }
}
