import Analytics
import ArgumentParser
import Foundation
import Studio
import Workspace

/// `cairn dashboard`: the studio opened read-only at a run's dashboard, for managers.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open a run's dashboard in the studio, read-only (nothing is written to the workspace).",
        discussion: """
            Funnel, drop-off, time in stage, A/B, channels, handoffs and run health; press r for another \
            run, c to compare two, e to export the report, f to find a lead. Not on a terminal, it prints \
            the text report (as cairn report does) instead. The workspace must exist: it is never created \
            or changed here.
            """)

    @OptionGroup var workspace: WorkspaceOptions

    @OptionGroup var screen: ScreenOptions

    @Option(name: .customLong("run"), help: "The run: an id from 'cairn runs' (default: the newest).")
    var runID: Int64?

    func run() throws {
        let path = workspace.path
        let opened = try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in
            try Workspace.openReadOnly(at: path)
        }
        // Check the run before drawing anything, so a wrong id is an error on the command line.
        let report: RunReport
        do {
            report = try RunReportBuilder.build(opened, run: runID)
        } catch {
            WorkspaceFailure.printError(error.description)
            FileHandle.standardError.write(Data(recentRuns(opened).utf8))
            throw ExitCode(1)
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            print(ReportTextRenderer.render(report), terminator: "")
            return
        }
        let (theme, problem) = screen.selectedTheme()
        let environment = StudioEnvironment(workspace: opened, workspacePath: path, mode: .readOnly)
        try ScreenOptions.onTerminal {
            try Studio.run(
                environment: environment, start: [.dashboard(run: report.run.id)], theme: theme,
                notice: problem,
                mouse: screen.mouse)
        }
    }

    /// The newest runs, one a line, to pick from after a wrong `--run`.
    private func recentRuns(_ workspace: Workspace) -> String {
        guard let runs = try? workspace.runs(limit: 5), !runs.isEmpty else { return "" }
        let list = runs.map { "  \($0.id)  \($0.journey) v\($0.version) on \($0.cohort) (\($0.stateText))\n" }
        return "recent runs:\n" + list.joined()
    }
}
