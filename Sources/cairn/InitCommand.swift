import ArgumentParser
import Foundation
import Workspace

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a workspace, seeded with the sample journeys, agent roster and cohorts.",
        discussion: "Any command creates the workspace on first use; init does it explicitly. An existing "
            + "workspace is left as it is."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Flag(help: "Create the schema only, without the samples.")
    var empty = false

    func run() throws {
        let path = workspace.path
        let existed =
            FileManager.default.fileExists(atPath: path)
            && ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) > 0
        let opened = try workspace.open(seed: empty ? nil : .bundled)
        let journeys = try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in
            try opened.journeys().count
        }
        let cohorts = try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in
            try opened.cohorts().count
        }
        let agents = try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in try opened.agents().count
        }
        let counts = "\(journeys) journeys, \(cohorts) cohorts, \(agents) agents"
        print(existed ? "\(path) is already a Cairn workspace (\(counts))" : "created \(path) (\(counts))")
    }
}
