import ArgumentParser
import Workspace

struct ArchiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract:
            "Delete a journey from the list: it is archived, and its versions, runs and results stay readable.",
        discussion: "Importing the journey again brings it back."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The journey id.")
    var journey: String

    func run() throws {
        let opened = try workspace.open()
        try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in try opened.archive(journey) }
        print("'\(journey)' archived; 'cairn journeys --all' still lists it")
    }
}
