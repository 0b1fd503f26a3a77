import ArgumentParser
import Foundation
import Workspace

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring journeys, cohorts, agent rosters and delivery channels into the workspace.",
        subcommands: [
            ImportJourneyCommand.self, ImportCohortCommand.self, ImportAgentsCommand.self,
            ImportChannelsCommand.self,
        ]
    )
}

struct ImportJourneyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journey",
        abstract: "Save a journey file as a new version (nothing new if its content is unchanged).",
        discussion:
            "The version records the YAML, a content hash, the author ($USER), the time and the message."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "A journey file (*.journey.yaml).")
    var file: String

    @Option(name: .shortAndLong, help: "A note kept with the version.")
    var message: String?

    @Flag(help: "Make the saved version the active one.")
    var activate = false

    func run() throws {
        let bytes: [UInt8]
        switch JourneyFileLoader.bytes(of: file) {
        case .failure(let diagnostic):
            WorkspaceFailure.printError("\(diagnostic)")
            throw ExitCode(1)
        case .success(let read): bytes = read
        }
        let opened = try workspace.open()
        let text = String(decoding: bytes, as: UTF8.self)
        let outcome = try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in
            try opened.saveJourney(yaml: text, file: file, message: message, origin: .import)
        }
        if outcome.created {
            print("saved '\(outcome.journey)' version \(outcome.version)")
        } else {
            print("'\(outcome.journey)' unchanged: same content as version \(outcome.version)")
        }
        if activate {
            try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in
                try opened.activate(outcome.journey, version: outcome.version)
            }
            print("version \(outcome.version) of '\(outcome.journey)' is active")
        }
    }
}

struct ImportCohortCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cohort",
        abstract: "Import leads and events from CSV or JSON Lines files as one cohort, all or nothing.",
        discussion: """
            CSV: a leads file (columns id, created_at, time_zone, consents, then properties) and an events \
            file (lead_id, type, channel, time, then data). JSON Lines: one record per line, "type": "lead" \
            or "event". See docs/cohort-format.md. Any bad row refuses the import unless --skip-invalid.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "Cohort files: *.csv (leads or events) and *.jsonl.")
    var files: [String]

    @Option(help: "The cohort's name (letters, digits, '-', '_', '.').")
    var name: String

    @Flag(help: "Import the good rows and report the bad ones instead of refusing the import.")
    var skipInvalid = false

    @Option(help: "With --skip-invalid, also write the skipped rows to this file.")
    var report: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    static let progressLine: @Sendable (Int) -> Void = { rows in
        FileHandle.standardError.write(Data("\rimporting: \(rows) rows".utf8))
    }

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one cohort file") }
        if report != nil, !skipInvalid { throw ValidationError("--report goes with --skip-invalid") }
    }

    func run() throws {
        let opened = try workspace.open()
        // Progress on a terminal only; piped output stays quiet.
        let showProgress = isatty(STDERR_FILENO) == 1
        let progress: (@Sendable (Int) -> Void)? = showProgress ? Self.progressLine : nil
        let result = try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in
            try opened.importCohort(
                name: name, inputs: files.map(CohortImportInput.file), skipInvalid: skipInvalid,
                progress: progress)
        }
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let skipped = result.problems.map(\.description)
        for line in skipped { FileHandle.standardError.write(Data("\(line)\n".utf8)) }
        if let report {
            let text = skipped.joined(separator: "\n") + (skipped.isEmpty ? "" : "\n")
            do {
                try text.write(toFile: report, atomically: true, encoding: .utf8)
            } catch {
                WorkspaceFailure.printError(
                    "cannot write the report to \(report): \(error.localizedDescription)")
                throw ExitCode(1)
            }
        }
        switch format {
        case .json: try JSONOutput.print(result)
        case .text:
            let skippedNote = result.problemCount == 0 ? "" : ", skipped \(result.problemCount) bad rows"
            print("imported cohort '\(name)': \(result.leads) leads, \(result.events) events\(skippedNote)")
        }
    }
}

struct ImportAgentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agents",
        abstract: "Import an agent roster; agents left out of it become inactive (never deleted)."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "A roster file (see sample-journeys/agents.yaml).")
    var file: String

    func run() throws {
        let text = try TextFile.read(file)
        let opened = try workspace.open()
        let agents = try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in
            try opened.importAgents(yaml: text, file: file)
        }
        let bots = agents.filter { $0.kind == .bot }.count
        print("imported \(agents.count) agents (\(bots) bots, \(agents.count - bots) people)")
    }
}
