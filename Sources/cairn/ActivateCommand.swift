import ArgumentParser
import Workspace

struct ActivateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activate",
        abstract: "Make a version of a journey (the latest by default) the active one."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The journey id.")
    var journey: String

    @Option(help: "The version to activate (default: the latest).")
    var version: Int?

    func run() throws {
        let opened = try workspace.open()
        let active = try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in
            try opened.activate(journey, version: version)
        }
        print("version \(active) of '\(journey)' is active")
    }
}
