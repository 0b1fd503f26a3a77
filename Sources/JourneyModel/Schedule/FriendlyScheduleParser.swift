/// Reads the friendly schedule forms, case-insensitively:
///
///     daily at 09:00                 every day at 9:00
///     weekly on mon at 09:00         weekly on mon,thu at 17:30   (ranges: mon-fri)
///     weekdays at 08:00              weekends at 10:00
///     monthly on day 1 at 10:00      on 2026-12-01 at 10:00
///     every 15m                      every 2h   (also "every 90 minutes", "every 1 hour")
///
/// Everything but the single date and the intervals that do not divide an hour
/// or a day becomes a `CronSpec`, so "daily at 09:00" equals "0 9 * * *".
struct FriendlyScheduleParser {
    private let tokens: [ScheduleToken]
    private let textEnd: Int
    private var position = 0

    static let forms =
        "daily at HH:MM, every day at HH:MM, weekly on DAY at HH:MM, weekdays at HH:MM, "
        + "monthly on day N at HH:MM, on YYYY-MM-DD at HH:MM, every 15m"
    private static let keywords = ["daily", "every", "weekly", "weekdays", "weekends", "monthly", "on"]

    init(tokens: [ScheduleToken], textEnd: Int) {
        self.tokens = tokens
        self.textEnd = textEnd
    }

    mutating func parse() throws(ScheduleError) -> Schedule.Rule {
        let first = try take("a schedule")
        let rule: Schedule.Rule
        switch first.lowered {
        case "daily":
            rule = .cron(CronSpec(at: try time(after: first)))
        case "every":
            if peek?.lowered == "day" {
                let day = try take("'day'")
                rule = .cron(CronSpec(at: try time(after: day)))
            } else {
                rule = try interval(after: first)
            }
        case "weekly":
            let on = try expect("on", after: first)
            let days = try weekdays(after: on)
            rule = .cron(CronSpec(at: try time(after: days.last), weekdays: days.set))
        case "weekdays":
            rule = .cron(CronSpec(at: try time(after: first), weekdays: [.mon, .tue, .wed, .thu, .fri]))
        case "weekends":
            rule = .cron(CronSpec(at: try time(after: first), weekdays: [.sat, .sun]))
        case "monthly":
            let on = try expect("on", after: first)
            let day = try expect("day", after: on)
            let number = try dayOfMonth(after: day)
            rule = .cron(CronSpec(at: try time(after: number.token), days: 1 << UInt64(number.value)))
        case "on":
            let date = try self.date(after: first)
            rule = .once(date.value, try time(after: date.token))
        default:
            let hint = ScheduleSpelling.didYouMean(first.lowered, among: Self.keywords)
            throw ScheduleError(
                "unknown schedule '\(first.text)'\(hint); expected a cron expression or one of: \(Self.forms)",
                column: first.column)
        }
        if let extra = peek {
            throw ScheduleError("unexpected '\(extra.text)' after the schedule", column: extra.column)
        }
        return rule
    }

    // MARK: - Pieces

    private var peek: ScheduleToken? { position < tokens.count ? tokens[position] : nil }

    private mutating func take(_ what: String, after previous: ScheduleToken? = nil) throws(ScheduleError)
        -> ScheduleToken
    {
        guard let token = peek else {
            let context = previous.map { " after '\($0.text)'" } ?? ""
            throw ScheduleError("expected \(what)\(context)", column: previous?.endColumn ?? textEnd)
        }
        position += 1
        return token
    }

    private mutating func expect(_ word: String, after previous: ScheduleToken) throws(ScheduleError)
        -> ScheduleToken
    {
        let token = try take("'\(word)'", after: previous)
        guard token.lowered == word else {
            throw ScheduleError(
                "expected '\(word)' after '\(previous.text)', found '\(token.text)'", column: token.column)
        }
        return token
    }

    /// "at HH:MM", the ending of every form but the intervals.
    private mutating func time(after previous: ScheduleToken) throws(ScheduleError) -> TimeOfDay {
        let at = try expect("at", after: previous)
        let token = try take("a time (HH:MM)", after: at)
        guard let time = TimeOfDay(parsing: token.text) else {
            throw ScheduleError("bad time '\(token.text)' (expected HH:MM)", column: token.column)
        }
        return time
    }

    /// Weekday names and ranges up to "at": "mon", "mon,thu", "mon, thu", "mon-fri".
    private mutating func weekdays(after on: ScheduleToken) throws(ScheduleError)
        -> (set: Set<Weekday>, last: ScheduleToken)
    {
        var set: Set<Weekday> = []
        var last = on
        while let token = peek, token.lowered != "at" {
            position += 1
            last = token
            for piece in token.pieces(separatedBy: ",") where !piece.text.isEmpty {
                let bounds = piece.pieces(separatedBy: "-")
                guard bounds.count <= 2 else {
                    throw ScheduleError("bad weekday range '\(piece.text)'", column: piece.column)
                }
                let first = try weekday(bounds[0])
                let end = bounds.count == 2 ? try weekday(bounds[1]) : first
                guard first <= end else {
                    throw ScheduleError("weekday range '\(piece.text)' runs backwards", column: piece.column)
                }
                set.formUnion(Weekday.allCases.filter { $0 >= first && $0 <= end })
            }
        }
        if set.isEmpty {
            throw ScheduleError("expected a weekday after 'on'", column: peek?.column ?? on.endColumn)
        }
        return (set, last)
    }

    private func weekday(_ token: ScheduleToken) throws(ScheduleError) -> Weekday {
        if let day = Weekday(parsing: token.text) { return day }
        let hint = ScheduleSpelling.didYouMean(token.text, among: CronFieldKind.weekday.nameCandidates)
        throw ScheduleError("unknown weekday '\(token.text)'\(hint)", column: token.column)
    }

    private mutating func dayOfMonth(after previous: ScheduleToken) throws(ScheduleError)
        -> (value: Int, token: ScheduleToken)
    {
        let token = try take("a day of the month (1-31)", after: previous)
        guard token.text.allSatisfy(\.isScheduleDigit), let value = Int(token.text), (1...31).contains(value)
        else { throw ScheduleError("day '\(token.text)' is out of range 1-31", column: token.column) }
        return (value, token)
    }

    private mutating func date(after previous: ScheduleToken) throws(ScheduleError)
        -> (value: CivilDate, token: ScheduleToken)
    {
        let token = try take("a date (YYYY-MM-DD)", after: previous)
        let parts = token.text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isScheduleDigit) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { throw ScheduleError("bad date '\(token.text)' (expected YYYY-MM-DD)", column: token.column) }
        let date = CivilDate(year: year, month: month, day: day)
        guard date.isValid else {
            throw ScheduleError("date '\(token.text)' does not exist", column: token.column)
        }
        return (date, token)
    }

    /// "15m", "2h", "15 min", "90 minutes": slots counted from each local
    /// midnight, so "every 2h" fires at 00:00, 02:00, ... whatever the start.
    private mutating func interval(after every: ScheduleToken) throws(ScheduleError) -> Schedule.Rule {
        let token = try take("an interval (like 15m or 2h)", after: every)
        let digits = String(token.text.prefix(while: \.isScheduleDigit))
        var unit = String(token.text.dropFirst(digits.count)).lowercased()
        if unit.isEmpty, let next = peek {
            unit = next.lowered
            position += 1
        }
        let perUnit: Int
        switch unit {
        case "m", "min", "mins", "minute", "minutes": perUnit = 1
        case "h", "hr", "hrs", "hour", "hours": perUnit = 60
        default:
            throw ScheduleError(
                "bad interval '\(token.text)' (expected minutes or hours, like 15m or 2h)",
                column: token.column)
        }
        guard !digits.isEmpty, let count = Int(digits), count > 0 else {
            throw ScheduleError("interval must be a positive number", column: token.column)
        }
        let minutes = count.multipliedReportingOverflow(by: perUnit)
        guard !minutes.overflow, minutes.partialValue <= 1440 else {
            throw ScheduleError("interval must be at most 24h, found '\(token.text)'", column: token.column)
        }
        return Schedule.Rule.interval(minutes: minutes.partialValue)
    }
}
