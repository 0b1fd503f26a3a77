import ArgumentParser
import Foundation
import ReplayEngine
import Studio
import Workspace

@main
struct Cairn: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "cairn",
        abstract: "Design, replay and measure lead-nurturing journeys in the terminal.",
        discussion: """
            With no subcommand, cairn opens the studio on ./cairn.db (or --db, or CAIRN_DB).
            Exit codes: 0 ok, 1 invalid input, 2 usage error.
            """,
        version: version,
        subcommands: [
            ValidateCommand.self, ShowCommand.self, InitCommand.self, ImportCommand.self, CohortCommand.self,
            JourneysCommand.self, CohortsCommand.self, HistoryCommand.self, DiffCommand.self,
            ActivateCommand.self, RollbackCommand.self, ArchiveCommand.self, ExportCommand.self,
            ReplayCommand.self, RunsCommand.self, LeadCommand.self, ReportCommand.self, DemoCommand.self,
            DashboardCommand.self, ServeCommand.self, WebhookCommand.self, ScheduleCommand.self,
            ChannelsCommand.self, PushCommand.self, AgentCommand.self, LiveCommand.self,
            UIGalleryCommand.self,
        ]
    )

    @OptionGroup var workspace: WorkspaceOptions

    @OptionGroup var screen: ScreenOptions

    /// Opens the studio on a terminal; piped, says what the workspace holds and what to run.
    func run() throws {
        let opened = try workspace.open()
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            try printOrientation(opened)
            return
        }
        let (theme, problem) = screen.selectedTheme()
        let environment = StudioEnvironment(workspace: opened, workspacePath: workspace.path)
        try ScreenOptions.onTerminal {
            try Studio.run(environment: environment, theme: theme, notice: problem, mouse: screen.mouse)
        }
    }

    private func printOrientation(_ opened: Workspace) throws {
        let (journeys, cohorts, runs) = try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in
            (try opened.journeys().count, try opened.cohorts().count, try opened.runs().count)
        }
        print(
            """
            Cairn \(Self.version) — workspace \(workspace.path): \(journeys) journeys, \(cohorts) cohorts, \(runs) runs.
            The studio opens when cairn runs on a terminal; from scripts:
              cairn journeys                                   the journeys and their versions
              cairn replay welcome-series --cohort sample      replay one over a cohort
              cairn report                                     funnel, drop-off, A/B, channels, handoffs
              cairn validate FILE... / cairn show FILE         check and outline journey files
            Run 'cairn --help' for every command.
            """)
    }

    /// Parses and runs a command, mapping ArgumentParser's usage exit code (64) to 2,
    /// as the design's exit codes say: 0 ok, 1 invalid input, 2 usage.
    static func main() {
        if runsTheEngineAtLength(CommandLine.arguments.dropFirst()) { HugePages.restartWithHugePages() }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    /// Whether these arguments run the engine over many leads (a replay, the demo, the live
    /// runtime, the studio): those start again once with huge pages (`HugePages`), which cost a
    /// quick command like `cairn report` a second start-up and buy it nothing.
    static func runsTheEngineAtLength(_ arguments: ArraySlice<String>) -> Bool {
        guard let first = arguments.first else { return true }
        if first.hasPrefix("-") { return !["-h", "--help", "--version"].contains(first) }
        return ["replay", "demo", "serve"].contains(first)
    }
}
