import ArgumentParser
import Workspace

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what changed between two versions of a journey, as a unified diff of the YAML.",
        discussion: "Exit status 0 whether or not they differ; 1 when a journey or version does not exist."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The journey id.")
    var journey: String

    @Argument(help: "The older version number.")
    var from: Int

    @Argument(help: "The newer version number.")
    var to: Int

    func run() throws {
        let opened = try workspace.open()
        let (old, new) = try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in
            (
                try opened.journeyVersion(journey, version: from),
                try opened.journeyVersion(journey, version: to)
            )
        }
        let diff = TextDiff.unified(
            old.yaml, new.yaml, oldName: "\(journey) v\(from)", newName: "\(journey) v\(to)")
        print(
            diff.isEmpty ? "versions \(from) and \(to) of '\(journey)' are identical" : diff,
            terminator: diff.isEmpty ? "\n" : "")
    }
}
