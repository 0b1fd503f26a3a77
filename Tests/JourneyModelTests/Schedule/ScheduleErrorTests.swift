import Testing

@testable import JourneyModel

/// Every rejection, with its exact message and the 1-based column it points at.
struct ScheduleErrorTests {
    private func error(_ text: String) -> ScheduleError? {
        do {
            _ = try Schedule(parsing: text)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        ("0 9 * *", "expected 5 fields (minute hour day month weekday), found 4", 1),
        ("0 9 * * * *", "expected 5 fields (minute hour day month weekday), found 6", 11),
        ("61 * * * *", "minute field '61' is out of range 0-59", 1),
        ("0 24 * * *", "hour field '24' is out of range 0-23", 3),
        ("0 9-24 * * *", "hour field '24' is out of range 0-23", 5),
        ("0 0 32 * *", "day field '32' is out of range 1-31", 5),
        ("0 0 0 * *", "day field '0' is out of range 1-31", 5),
        ("0 0 1 13 *", "month field '13' is out of range 1-12", 7),
        ("0 0 * * 8", "weekday field '8' is out of range 0-7", 9),
        ("99999999999999999999 * * * *", "minute field '99999999999999999999' is out of range 0-59", 1),
        ("*/0 * * * *", "step must be a positive number", 3),
        ("*/x * * * *", "step must be a positive number", 3),
        ("1-5/ * * * *", "step must be a positive number", 5),
        ("*/5/2 * * * *", "minute field '*/5/2' has more than one step", 4),
        ("0 9 * * mnday", "unknown weekday 'mnday' (did you mean 'mon'?)", 9),
        ("0 9 * * tues", "unknown weekday 'tues' (did you mean 'tue'?)", 9),
        ("0 9 * * xyz", "unknown weekday 'xyz'", 9),
        ("0 0 1 jnu *", "unknown month 'jnu' (did you mean 'jun'?)", 7),
        ("0 0 1 xyz *", "unknown month 'xyz'", 7),
        ("0 a * * *", "hour field 'a' is not a number", 3),
        ("50-10 * * * *", "minute range '50-10' runs backwards", 1),
        ("0 0 * * fri-mon", "weekday range 'fri-mon' runs backwards", 9),
        ("1,,3 * * * *", "minute field '1,,3' has an empty list item", 3),
        ("0 0 1-2-3 * *", "day field '1-2-3' is not a value or a range", 5),
        ("0 0 -3 * *", "expected a day value", 5),
        ("0 0 30 feb *", "day field '30' never occurs in feb", 5),
        ("0 0 31 apr,jun *", "day field '31' never occurs in apr,jun", 5),
        ("@hourlyy", "unknown macro '@hourlyy' (did you mean '@hourly'?)", 1),
        ("@sometimes", "unknown macro '@sometimes'", 1),
        ("@daily 5", "unexpected '5' after '@daily'", 8),
        ("", "empty schedule", 1),
        ("   ", "empty schedule", 1),
    ])
    func cronErrors(text: String, message: String, column: Int) {
        #expect(error(text) == ScheduleError(message, column: column))
    }

    @Test(arguments: [
        ("daily at 25:00", "bad time '25:00' (expected HH:MM)", 10),
        ("daily at 9", "bad time '9' (expected HH:MM)", 10),
        ("daily at 09:60", "bad time '09:60' (expected HH:MM)", 10),
        ("daily at 9:5", "bad time '9:5' (expected HH:MM)", 10),
        ("daily 09:00", "expected 'at' after 'daily', found '09:00'", 7),
        ("daily", "expected 'at' after 'daily'", 6),
        ("daily at", "expected a time (HH:MM) after 'at'", 9),
        ("daily at 09:00 sharp", "unexpected 'sharp' after the schedule", 16),
        ("weekly on mnday at 09:00", "unknown weekday 'mnday' (did you mean 'mon'?)", 11),
        ("weekly on mon,frday at 09:00", "unknown weekday 'frday' (did you mean 'fri'?)", 15),
        ("weekly at 09:00", "expected 'on' after 'weekly', found 'at'", 8),
        ("weekly on at 09:00", "expected a weekday after 'on'", 11),
        ("weekly on fri-mon at 09:00", "weekday range 'fri-mon' runs backwards", 11),
        ("monthly on day 32 at 10:00", "day '32' is out of range 1-31", 16),
        ("monthly on the 1st at 10:00", "expected 'day' after 'on', found 'the'", 12),
        ("on 2026-02-30 at 10:00", "date '2026-02-30' does not exist", 4),
        ("on 2026-2-3 at 10:00", "bad date '2026-2-3' (expected YYYY-MM-DD)", 4),
        ("on tuesday", "bad date 'tuesday' (expected YYYY-MM-DD)", 4),
        ("every", "expected an interval (like 15m or 2h) after 'every'", 6),
        ("every 0m", "interval must be a positive number", 7),
        ("every m", "interval must be a positive number", 7),
        ("every 48h", "interval must be at most 24h, found '48h'", 7),
        ("every 15x", "bad interval '15x' (expected minutes or hours, like 15m or 2h)", 7),
        ("every 15m please", "unexpected 'please' after the schedule", 11),
        (
            "dayly at 09:00",
            "unknown schedule 'dayly' (did you mean 'daily'?); expected a cron expression or one of: "
                + "daily at HH:MM, every day at HH:MM, weekly on DAY at HH:MM, weekdays at HH:MM, "
                + "monthly on day N at HH:MM, on YYYY-MM-DD at HH:MM, every 15m",
            1
        ),
    ])
    func friendlyErrors(text: String, message: String, column: Int) {
        #expect(error(text) == ScheduleError(message, column: column))
    }

    @Test func bothDayFieldsRestrictedIsNeverImpossible() throws {
        // Either day field may match, so Mondays in February make this valid.
        let schedule = try Schedule(parsing: "0 0 30 feb mon")
        #expect(schedule.description == "0 0 30 feb mon")
    }

    @Test func descriptionNamesTheColumn() {
        #expect(
            ScheduleError("step must be a positive number", column: 3).description
                == "column 3: step must be a positive number")
    }
}
