import Analytics
import ArgumentParser
import Foundation
import Workspace

struct LiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "See and steer the journeys running live under cairn serve (docs/live.md).",
        subcommands: [LiveStatusCommand.self, LivePauseCommand.self, LiveResumeCommand.self]
    )
}

struct LiveStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "How each journey version running live stands, and which process runs automation.",
        discussion: """
            Per journey version with a live run: running or paused (and why), executions in flight \
            by node, waiting timers and the next due, the outbox by state, deliveries and failures \
            in the last hour, the execution success rate and handoff time p50/p90; then the holder \
            of the automation lease. Every figure's SQL is in docs/live.md ("Seeing it").
            """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let opened = try workspace.open()
        let status: LiveStatus
        do {
            status = try LiveStatusBuilder.build(opened)
        } catch {
            WorkspaceFailure.printError("cannot read the live status of \(opened.path): \(error)")
            throw ExitCode(1)
        }
        switch format {
        case .json: try JSONOutput.print(status)
        case .text: print(LiveStatusText.render(status), terminator: "")
        }
    }
}

struct LivePauseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pause",
        abstract: "Pause a journey live: its executions take no further step and nothing new is sent.",
        discussion: "Executions stay where they are; 'cairn live resume JOURNEY' lets them go on."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The journey (its slug, as 'cairn journeys' lists it).")
    var journey: String

    @Option(help: "Why, for 'cairn live status' and whoever reads it.")
    var reason: String?

    func run() throws {
        let opened = try workspace.open()
        let reason = self.reason.flatMap { $0.isEmpty ? nil : $0 } ?? "paused by \(Workspace.currentAuthor)"
        try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in
            try opened.pauseLiveJourney(journey, reason: reason)
        }
        print("paused \(journey): \(reason)")
    }
}

struct LiveResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Let a paused journey run live again."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The journey (its slug, as 'cairn journeys' lists it).")
    var journey: String

    func run() throws {
        let opened = try workspace.open()
        try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in
            try opened.resumeLiveJourney(journey)
        }
        print("resumed \(journey)")
    }
}
