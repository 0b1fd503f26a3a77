import ArgumentParser
import Foundation
import Workspace

struct CohortCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cohort",
        abstract: "Work with cohorts.",
        subcommands: [CohortSynthCommand.self]
    )
}

struct CohortSynthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "synth",
        abstract:
            "Generate a synthetic cohort from a behaviour profile; the same inputs give the same cohort.",
        discussion: "Profiles: sample-journeys/cohorts/*.profile.yaml, described in docs/cohort-format.md."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "A behaviour profile (*.profile.yaml).")
    var profile: String

    @Option(help: "How many leads.")
    var size: Int

    @Option(help: "The random seed.")
    var seed: Int64 = 1

    @Option(help: "The cohort's name.")
    var name: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        guard (1...Workspace.maxSynthesisSize).contains(size) else {
            throw ValidationError("--size must be between 1 and \(Workspace.maxSynthesisSize)")
        }
    }

    /// Progress on a terminal only; piped output stays quiet.
    static func progressLine(total: Int) -> @Sendable (Int) -> Void {
        { done in FileHandle.standardError.write(Data("\rsynthesising \(done) / \(total) leads".utf8)) }
    }

    func run() throws {
        let text = try TextFile.read(profile)
        let parsed = try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in
            try ProfileReader.read(text, file: profile).get()
        }
        let opened = try workspace.open()
        let started = Date()
        let total = size
        let showProgress = isatty(STDERR_FILENO) == 1
        let progress: (@Sendable (Int) -> Void)? = showProgress ? Self.progressLine(total: total) : nil
        let summary = try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in
            try opened.synthesizeCohort(
                name: name, profile: parsed, profileYAML: text, size: size, seed: seed, progress: progress)
        }
        if showProgress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let seconds = Date().timeIntervalSince(started)
        switch format {
        case .json: try JSONOutput.print(summary)
        case .text:
            print(
                "synthesised cohort '\(summary.name)': \(summary.leads) leads from profile '\(parsed.name)', seed \(seed) "
                    + String(format: "(%.1f s)", seconds))
        }
    }
}
