/// Reads the five-field cron form ("*/15 9-17 * * mon-fri") and the @ macros
/// into a `CronSpec`, reporting the column of the first thing that is wrong.
enum CronParser {
    static func parse(fields tokens: [ScheduleToken]) throws(ScheduleError) -> CronSpec {
        guard tokens.count == 5 else {
            // Too many: point at the first extra field; too few: at the start.
            let column = tokens.count > 5 ? tokens[5].column : (tokens.first?.column ?? 1)
            throw ScheduleError(
                "expected 5 fields (minute hour day month weekday), found \(tokens.count)", column: column)
        }
        let spec = CronSpec(
            minutes: try parseField(tokens[0], .minute),
            hours: try parseField(tokens[1], .hour),
            days: try parseField(tokens[2], .day),
            months: try parseField(tokens[3], .month),
            weekdays: try parseField(tokens[4], .weekday))
        try checkDaysOccur(spec, dayField: tokens[2])
        return spec
    }

    static let macros: [(name: String, fields: String)] = [
        ("@yearly", "0 0 1 1 *"), ("@annually", "0 0 1 1 *"), ("@monthly", "0 0 1 * *"),
        ("@weekly", "0 0 * * 0"), ("@daily", "0 0 * * *"), ("@midnight", "0 0 * * *"),
        ("@hourly", "0 * * * *"),
    ]

    static func parse(macro tokens: [ScheduleToken]) throws(ScheduleError) -> CronSpec {
        guard let token = tokens.first else { throw ScheduleError("empty schedule", column: 1) }
        guard let macro = macros.first(where: { $0.name == token.lowered }) else {
            let hint = ScheduleSpelling.didYouMean(token.lowered, among: macros.map(\.name))
            throw ScheduleError("unknown macro '\(token.text)'\(hint)", column: token.column)
        }
        if tokens.count > 1 {
            throw ScheduleError(
                "unexpected '\(tokens[1].text)' after '\(token.text)'", column: tokens[1].column)
        }
        // The macro texts are constants known to parse.
        return try parse(fields: ScheduleToken.split(macro.fields))
    }

    static func parseField(_ token: ScheduleToken, _ kind: CronFieldKind) throws(ScheduleError) -> UInt64 {
        var mask: UInt64 = 0
        for item in token.pieces(separatedBy: ",") {
            guard !item.text.isEmpty else {
                throw ScheduleError(
                    "\(kind.label) field '\(token.text)' has an empty list item", column: item.column)
            }
            mask |= try parseItem(item, kind)
        }
        return mask
    }

    /// One list item: "*", "5", "mon", "1-5", each optionally followed by "/step".
    private static func parseItem(_ item: ScheduleToken, _ kind: CronFieldKind) throws(ScheduleError)
        -> UInt64
    {
        let parts = item.pieces(separatedBy: "/")
        if parts.count > 2 {
            throw ScheduleError(
                "\(kind.label) field '\(item.text)' has more than one step", column: parts[2].column - 1)
        }
        let base = parts[0]
        var step = 1
        if parts.count == 2 {
            let stepToken = parts[1]
            guard !stepToken.text.isEmpty, stepToken.text.allSatisfy(\.isScheduleDigit),
                let value = Int(stepToken.text), value > 0
            else { throw ScheduleError("step must be a positive number", column: stepToken.column) }
            step = value
        }
        // Sunday is stored as 0, so a weekday '*' spans 0-6, not 0-7.
        let fieldUpper = kind == .weekday ? 6 : kind.range.upperBound
        var lower: Int
        var upper: Int
        if base.text == "*" {
            lower = kind.range.lowerBound
            upper = fieldUpper
        } else {
            let bounds = base.pieces(separatedBy: "-")
            switch bounds.count {
            case 1:
                lower = try value(bounds[0], kind)
                // "5/15" means from 5 to the end of the field, stepping by 15.
                upper = parts.count == 2 ? max(lower, fieldUpper) : lower
            case 2:
                lower = try value(bounds[0], kind)
                upper = try value(bounds[1], kind)
                // "fri-sun" reads naturally; Sunday ends a range as 7.
                if kind == .weekday, upper == 0, lower > 0 { upper = 7 }
                guard lower <= upper else {
                    throw ScheduleError(
                        "\(kind.label) range '\(base.text)' runs backwards", column: base.column)
                }
            default:
                throw ScheduleError(
                    "\(kind.label) field '\(base.text)' is not a value or a range", column: base.column)
            }
        }
        var mask: UInt64 = 0
        for value in stride(from: lower, through: upper, by: step) {
            mask |= 1 << UInt64(kind == .weekday ? value % 7 : value)
        }
        return mask
    }

    private static func value(_ token: ScheduleToken, _ kind: CronFieldKind) throws(ScheduleError) -> Int {
        if token.text.isEmpty {
            throw ScheduleError("expected a \(kind.label) value", column: token.column)
        }
        if token.text.allSatisfy(\.isScheduleDigit) {
            guard let number = Int(token.text), kind.range.contains(number) else {
                throw ScheduleError(
                    "\(kind.label) field '\(token.text)' is out of range "
                        + "\(kind.range.lowerBound)-\(kind.range.upperBound)",
                    column: token.column)
            }
            return number
        }
        if let named = kind.value(named: token.text) { return named }
        let candidates = kind.nameCandidates
        if candidates.isEmpty {
            throw ScheduleError("\(kind.label) field '\(token.text)' is not a number", column: token.column)
        }
        let hint = ScheduleSpelling.didYouMean(token.text, among: candidates)
        throw ScheduleError("unknown \(kind.label) '\(token.text)'\(hint)", column: token.column)
    }

    /// Rejects day-of-month lists that no selected month has ("0 0 30 feb *"),
    /// which would otherwise never fire. Only when the weekday field is
    /// unrestricted: with both restricted, the weekday alone can match.
    private static func checkDaysOccur(_ spec: CronSpec, dayField: ScheduleToken) throws(ScheduleError) {
        guard spec.isDayRestricted, !spec.isWeekdayRestricted else { return }
        let months = (1...12).filter { spec.months.containsCronValue($0) }
        // February counts as 29 days: the 29th does come, in leap years.
        let longest =
            months.map { $0 == 2 ? 29 : CivilDate.daysIn(month: $0, year: 2001) }.max() ?? 31
        guard let firstDay = (1...31).first(where: { spec.days.containsCronValue($0) }), firstDay > longest
        else { return }
        let names = months.map { CronFieldKind.monthNames[$0 - 1] }.joined(separator: ",")
        throw ScheduleError("day field '\(dayField.text)' never occurs in \(names)", column: dayField.column)
    }
}
