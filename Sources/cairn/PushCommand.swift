import ArgumentParser
import Foundation
import Workspace

struct PushCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Store leads and events that come in live in the 'live' cohort, all or nothing.",
        discussion: """
            Reads JSON Lines records as 'cairn import cohort' does ({"type": "lead", ...}, \
            {"type": "event", ...}; see docs/cohort-format.md) from FILE, or from standard input \
            with -, and stores them in the workspace's 'live' cohort (created on first use). A lead \
            already there is updated: its properties merged (null removes one), its consents and \
            time zone replaced when given; events are appended, and an event must name a stored lead \
            or one in the same input. Any bad record refuses the whole push (FILE:LINE: error: ...) \
            and nothing is stored. See docs/live.md.
            Examples: cairn push leads.jsonl
                      crm-export | cairn push - --format json
            """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "A JSON Lines file of lead and event records, or - for standard input.")
    var file: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    var input: CohortImportInput {
        if file == "-" {
            return CohortImportInput(name: "stdin", format: .jsonLines, path: nil) {
                InputStream(fileAtPath: "/dev/stdin")
            }
        }
        let path = file
        return CohortImportInput(name: path, format: .jsonLines, path: path) { InputStream(fileAtPath: path) }
    }

    func validate() throws {
        if file.isEmpty { throw ValidationError("give a JSON Lines file, or - for standard input") }
    }

    func run() throws {
        let opened = try workspace.open()
        let input = self.input
        let intake = try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in
            try opened.pushLiveRecords(input)
        }
        switch format {
        case .json: try JSONOutput.print(intake)
        case .text:
            print(
                "pushed to cohort '\(intake.cohort)': leads \(intake.leadsCreated) created, "
                    + "\(intake.leadsUpdated) updated, \(intake.leadsUnchanged) unchanged; "
                    + "events \(intake.events) appended")
        }
    }
}
