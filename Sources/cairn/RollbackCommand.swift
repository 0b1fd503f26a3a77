import ArgumentParser
import Workspace

struct RollbackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Restore an earlier version as a new, active version (history only grows)."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The journey id.")
    var journey: String

    @Option(help: "The version whose content to restore.")
    var to: Int

    func run() throws {
        let opened = try workspace.open()
        let created = try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in
            try opened.rollback(journey, to: to)
        }
        print("'\(journey)' rolled back to version \(to) as version \(created), now active")
    }
}
