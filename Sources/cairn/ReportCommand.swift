import Analytics
import ArgumentParser
import Foundation
import JourneyModel
import Workspace

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Funnel, drop-off, time in stage, A/B, channels, handoffs and run health for a run.",
        discussion: """
            Every figure is defined, with an SQL query that reproduces it, in docs/analytics.md.
            --trend N lists the journey's last N runs (up to --run); --from/--to report a live run
            over a date range (ISO-8601: 2026-12-01 or 2026-12-01T09:00Z; a bare --to date counts
            its whole day).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv
    }

    @OptionGroup var workspace: WorkspaceOptions

    @Option(name: .customLong("run"), help: "The run: an id from 'cairn runs', or 'latest'.")
    var runSelector: String = "latest"

    @Option(help: "Output format: text, json or csv (one table per section).")
    var format: Format = .text

    @Option(help: "Funnel stages, comma-separated node ids (default: the main path).")
    var stages: String?

    @Option(help: "Put this run beside the other, with the difference of every figure.")
    var compare: String?

    @Option(help: "The journey's last N runs, up to --run: entries, conversions, success rate per run.")
    var trend: Int?

    @Option(help: "A live run from this time (ISO-8601, UTC unless a zone is given; included).")
    var from: String?

    @Option(help: "A live run up to this time (excluded; a bare date counts its whole day).")
    var to: String?

    @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
    var output: String?

    func validate() throws {
        if Self.runID(runSelector) == nil, runSelector != "latest" {
            throw ValidationError("--run takes a run id or 'latest', not '\(runSelector)'")
        }
        if let compare, Self.runID(compare) == nil, compare != "latest" {
            throw ValidationError("--compare takes a run id or 'latest', not '\(compare)'")
        }
        if compare != nil, format == .csv { throw ValidationError("--compare writes text or json, not csv") }
        if let trend, trend < 1 { throw ValidationError("--trend takes a number of runs, 1 or more") }
        let window = from != nil || to != nil
        if [compare != nil, trend != nil, window, stages != nil].filter({ $0 }).count > 1 {
            throw ValidationError("use one of --compare, --trend, --from/--to and --stages at a time")
        }
        if window { _ = try range() }
    }

    /// The --from/--to range in epoch seconds, `to` excluded; either end may be left open.
    func range() throws -> (from: Int64, to: Int64) {
        do throws(RunWindowRange.Failure) {
            let range = try RunWindowRange(from: from, to: to)
            return (range.from, range.to)
        } catch {
            throw ValidationError(error.message(from: "--from", to: "--to"))
        }
    }

    static func runID(_ text: String) -> Int64? { Int64(text) }

    func run() throws {
        let opened = try workspace.open()
        if let trend { return try emit(trendText(opened, last: trend)) }
        if from != nil || to != nil { return try emit(windowText(opened)) }
        let stageList = stages.map {
            $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let report = try build(opened, runSelector, stageList)
        let exportFormat = ReportExport.Format(rawValue: format.rawValue) ?? .text
        let other = try compare.map { try build(opened, $0, stageList) }
        let text: String
        do throws(ReportExport.Failure) {
            if let other {
                text = try ReportExport.render(RunComparison(first: report, second: other), as: exportFormat)
            } else {
                text = try ReportExport.render(report, as: exportFormat)
            }
        } catch {
            WorkspaceFailure.printError(error.description)
            throw ExitCode(1)
        }
        try emit(text)
    }

    func trendText(_ workspace: Workspace, last count: Int) throws -> String {
        do {
            let trend = try RunTrend.build(workspace, run: Self.runID(runSelector), last: count)
            switch format {
            case .text: return TrendRenderer.text(trend)
            case .csv: return TrendRenderer.csv(trend)
            case .json: return try ReportExport.json(trend) + "\n"
            }
        } catch {
            WorkspaceFailure.printError("\(error)")
            throw ExitCode(1)
        }
    }

    func windowText(_ workspace: Workspace) throws -> String {
        let (start, end) = try range()
        do {
            let report = try RunWindowQueries.build(
                workspace, run: Self.runID(runSelector), from: start, to: end)
            switch format {
            case .text: return WindowRenderer.text(report)
            case .csv: return WindowRenderer.csv(report)
            case .json: return try ReportExport.json(report) + "\n"
            }
        } catch {
            WorkspaceFailure.printError("\(error)")
            throw ExitCode(1)
        }
    }

    func build(_ workspace: Workspace, _ run: String, _ stages: [String]?) throws -> RunReport {
        do {
            return try RunReportBuilder.build(workspace, run: Self.runID(run), stages: stages)
        } catch {
            WorkspaceFailure.printError(error.description)
            throw ExitCode(1)
        }
    }

    /// Standard output, or the file named by -o, written whole or not at all.
    func emit(_ text: String) throws {
        guard let output else {
            print(text, terminator: "")
            return
        }
        do throws(ReportExport.Failure) {
            try ReportExport.write(text, to: output)
        } catch {
            WorkspaceFailure.printError(error.description)
            throw ExitCode(1)
        }
    }
}
