import Analytics
import ArgumentParser
import Workspace

struct JourneysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journeys",
        abstract: "List the journeys in the workspace with their latest and active versions."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Flag(help: "Include archived journeys.")
    var all = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let opened = try workspace.open()
        let journeys = try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in
            try opened.journeys(includeArchived: all)
        }
        switch format {
        case .json: try JSONOutput.print(journeys)
        case .text:
            if journeys.isEmpty {
                print("no journeys; add one with 'cairn import journey FILE'")
                return
            }
            let rows = journeys.map { journey in
                [
                    journey.journey, "v\(journey.latestVersion)",
                    journey.activeVersion.map { "v\($0)" } ?? "-",
                    HumanTime.text(journey.updatedAt), journey.archived ? "archived" : "", journey.name,
                ]
            }
            print(
                TextTable.list(["JOURNEY", "LATEST", "ACTIVE", "UPDATED", "", "NAME"], rows), terminator: ""
            )
        }
    }
}
