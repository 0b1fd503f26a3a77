import ArgumentParser
import Foundation

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
            ReplayCommand.self, RunsCommand.self, LeadCommand.self, ReportCommand.self,
            UIGalleryCommand.self,
        ]
    )

    func run() throws {
        print(
            """
            Cairn \(Self.version). The studio is not built yet; these commands work today:
              cairn validate FILE...   check journey files, with located errors
              cairn show FILE          an outline of a journey's graph
            Run 'cairn --help' for more.
            """)
    }

    /// Parses and runs a command, mapping ArgumentParser's usage exit code (64) to 2,
    /// as the design's exit codes say: 0 ok, 1 invalid input, 2 usage.
    static func main() {
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
}
