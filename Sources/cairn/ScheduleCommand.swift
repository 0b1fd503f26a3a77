import ArgumentParser
import Foundation
import JourneyModel

/// `cairn schedule EXPR`: the next fire times of a cron or friendly schedule, computed exactly
/// as time triggers compute them, so a schedule can be checked before a journey uses it.
struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Print the next fire times of a cron or friendly schedule, as time triggers use them.",
        discussion: """
            EXPR is a 5-field cron expression ("0 9 * * mon-fri"), a macro ("@daily") or a friendly \
            form ("daily at 09:00", "weekly on mon,thu at 08:30", "every 15m", "on 2027-01-04 at \
            10:00"): see docs/journey-format.md#schedules. Times are wall-clock times in --zone \
            (default UTC), with the daylight-saving rules stated there.
            Exit status: 0 ok, 1 when EXPR is not a schedule, 2 for a bad flag.
            """
    )

    @Argument(help: "The schedule: cron, macro or friendly form (quote it).")
    var expression: String

    @Option(help: "Start after this instant (ISO-8601, e.g. 2026-12-03T09:00:00Z, or a date). Default: now.")
    var from: String?

    @Option(help: "How many fire times to print (1-1000).")
    var next: Int = 10

    @Option(help: "The IANA time zone the schedule's wall-clock times are in.")
    var zone: String = "UTC"

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        guard (1...1000).contains(next) else {
            throw ValidationError("--next must be between 1 and 1000, got \(next)")
        }
        _ = try timeZone()
        _ = try start()
    }

    func run() throws {
        let schedule: Schedule
        do {
            schedule = try Schedule(parsing: expression)
        } catch {
            let caret = String(repeating: " ", count: max(0, error.column - 1)) + "^"
            FileHandle.standardError.write(
                Data(
                    "error: bad schedule '\(expression)' at column \(error.column): \(error.message)\n  \(expression)\n  \(caret)\n"
                        .utf8))
            throw ExitCode(1)
        }
        let zone = try timeZone()
        let start = try start()
        let fires = schedule.fires(after: start, count: next, in: zone)
        switch format {
        case .text:
            print(
                Self.text(schedule, zone: zone, named: self.zone, start: start, fires: fires, asked: next),
                terminator: "")
        case .json:
            try JSONOutput.print(
                Self.json(schedule, zone: zone, named: self.zone, start: start, fires: fires))
        }
    }

    private func timeZone() throws -> TimeZone {
        guard let zone = TimeZone(identifier: zone) else {
            let hint = Suggestion.hint(for: zone, among: TimeZone.knownTimeZoneIdentifiers)
            throw ValidationError("unknown time zone '\(zone)'\(hint)")
        }
        return zone
    }

    private func start() throws -> Date {
        guard let from else { return Date() }
        guard let date = ISODate.parse(from) else {
            throw ValidationError(
                "--from '\(from)' is not an ISO-8601 instant or date (e.g. 2026-12-03T09:00:00Z, 2026-12-03)")
        }
        return date
    }

    static func text(
        _ schedule: Schedule, zone: TimeZone, named name: String, start: Date, fires: [Date], asked: Int
    ) -> String {
        var out = "\(schedule) in \(name), after \(ISODate.format(start)):\n"
        let local = localFormatter(zone)
        for fire in fires {
            let weekday = LocalTime.components(of: fire, in: zone).weekday.rawValue.capitalized
            out += "\(ISODate.format(fire))  \(weekday) \(local.string(from: fire))\n"
        }
        if fires.count < asked {
            out += fires.isEmpty ? "(it never fires after that)\n" : "(no fire time after these)\n"
        }
        return out
    }

    struct JSONSchedule: Encodable {
        var schedule: String
        var zone: String
        var from: String
        var fires: [JSONFire]
    }

    struct JSONFire: Encodable {
        var at: String
        var epoch: Int64
        var local: String
    }

    static func json(
        _ schedule: Schedule, zone: TimeZone, named name: String, start: Date, fires: [Date]
    ) -> JSONSchedule {
        let local = localFormatter(zone)
        return JSONSchedule(
            schedule: schedule.description, zone: name, from: ISODate.format(start),
            fires: fires.map {
                JSONFire(
                    at: ISODate.format($0), epoch: Int64($0.timeIntervalSince1970),
                    local: local.string(from: $0))
            })
    }

    /// `2026-12-03T09:00:00-05:00`: the wall-clock time with the zone's offset at that instant.
    private static func localFormatter(_ zone: TimeZone) -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = zone
        return formatter
    }
}
