import ArgumentParser
import Foundation
import Workspace

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write workspace content out as files.",
        subcommands: [ExportJourneyCommand.self]
    )
}

struct ExportJourneyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journey",
        abstract:
            "Print a journey version's YAML exactly as saved (the latest by default), or write it to a file."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The journey id.")
    var journey: String

    @Option(help: "The version (default: the latest).")
    var version: Int?

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let opened = try workspace.open()
        let found = try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in
            try opened.journeyVersion(journey, version: version)
        }
        guard let output else {
            print(found.yaml, terminator: found.yaml.hasSuffix("\n") ? "" : "\n")
            return
        }
        do {
            try found.yaml.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            WorkspaceFailure.printError("cannot write \(output): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        print("wrote '\(journey)' version \(found.version) to \(output)")
    }
}
