import Analytics
import ArgumentParser
import Foundation
import Workspace

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Funnel, drop-off, time in stage, A/B, channels, handoffs and run health for a run.",
        discussion: "Every figure is defined, with an SQL query that reproduces it, in docs/analytics.md."
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
    }

    static func runID(_ text: String) -> Int64? { Int64(text) }

    func run() throws {
        let opened = try workspace.open()
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
