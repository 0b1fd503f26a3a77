import Analytics
import JourneyModel
import TerminalUI

/// `d` on a live run: its figures over a date range, read from the step log exactly as
/// `cairn report --from --to` reads them; the heading says the range, an empty answer clears it.
extension DashboardScreen {
    static let datesNote =
        "ISO-8601, to excluded: 2026-12-01 2026-12-03 (a bare to date: its whole day); - leaves an end "
        + "open; empty: the whole run"

    mutating func askForDates() -> [Effect<StudioMessage>] {
        guard let run = report?.run else { return [] }
        guard run.mode == "live" else {
            return [
                .toast("A date range reads a live run's step log; run #\(run.id) is a \(run.mode) replay")
            ]
        }
        let current = range.map {
            "\(Self.answer($0.from, open: 0, day: true)) \(Self.answer($0.to, open: .max))"
        }
        let prompt = Prompt(
            title: "Run #\(run.id) over a date range", label: "From to:", text: current ?? "",
            note: Self.datesNote,
            check: { Self.range($0).problem })
        mode = .prompt(prompt, .dates)
        return []
    }

    /// Reads the run over the range typed (nothing: the whole run again).
    mutating func setDates(_ text: String, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        let (range, problem) = Self.range(text)
        guard problem == nil, let id = report?.run.id else { return [] }
        self.range = range
        guard let range else {
            window = nil
            return []
        }
        let workspace = environment.workspace
        return [.load { Message.windowed(DashboardData.window(workspace, run: id, range: range)) }]
    }

    /// `from to`, `from` alone, `- to`, or nothing (no range); a message when it is not a range.
    static func range(_ text: String) -> (range: RunWindowRange?, problem: String?) {
        let ends = text.split(separator: " ").map { $0 == "-" ? nil : String($0) }
        guard !ends.isEmpty else { return (nil, nil) }
        guard ends.count <= 2 else { return (nil, "give a from and a to, e.g. 2026-12-01 2026-12-03") }
        do throws(RunWindowRange.Failure) {
            return (try RunWindowRange(from: ends[0], to: ends.count > 1 ? ends[1] : nil), nil)
        } catch {
            return (nil, error.message())
        }
    }

    /// An end as it is typed back into the prompt (`-` when open); with `day`, a midnight shows
    /// as its date (not for `to`, where a bare date would count one more day).
    static func answer(_ seconds: Int64, open: Int64, day: Bool = false) -> String {
        guard seconds != open else { return "-" }
        let text = ISODate.format(epochSeconds: seconds)
        return day && text.hasSuffix("T00:00:00Z") ? String(text.prefix(10)) : text
    }
}
