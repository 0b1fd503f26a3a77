import Analytics
import ArgumentParser
import Workspace

struct CohortsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cohorts",
        abstract: "List the cohorts in the workspace."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let opened = try workspace.open()
        let cohorts = try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in try opened.cohorts() }
        switch format {
        case .json: try JSONOutput.print(cohorts)
        case .text:
            if cohorts.isEmpty {
                print("no cohorts; add one with 'cairn import cohort' or 'cairn cohort synth'")
                return
            }
            let rows = cohorts.map { cohort in
                [
                    cohort.name, cohort.origin, "\(cohort.leads)", "\(cohort.events)",
                    cohort.seed.map { "\($0)" } ?? "-", HumanTime.text(cohort.createdAt),
                ]
            }
            print(
                TextTable.list(["COHORT", "ORIGIN", "LEADS", "EVENTS", "SEED", "CREATED"], rows),
                terminator: "")
        }
    }
}
