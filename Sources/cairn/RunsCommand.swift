import Analytics
import ArgumentParser
import Workspace

struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs", abstract: "List the runs in the workspace, newest first.")

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let opened = try workspace.open()
        let runs = try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in try opened.runs() }
        switch format {
        case .json: try JSONOutput.print(runs)
        case .text:
            guard !runs.isEmpty else {
                print("no runs yet; replay a journey with 'cairn replay JOURNEY --cohort NAME'")
                return
            }
            let rows = runs.map { run in
                [
                    "\(run.id)", "\(run.journey) v\(run.version)", run.cohort, run.mode, "\(run.seed)",
                    run.state,
                    "\(run.entries)", "\(run.conversions)", HumanTime.text(run.startedAt),
                ]
            }
            print(
                TextTable.list(
                    [
                        "RUN", "JOURNEY", "COHORT", "MODE", "SEED", "STATUS", "ENTRIES", "CONVERSIONS",
                        "STARTED",
                    ], rows),
                terminator: "")
        }
    }
}
