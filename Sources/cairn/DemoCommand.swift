import ArgumentParser
import Foundation
import Studio
import Workspace

/// `cairn demo`: the pre-built journeys replayed in a throw-away workspace, for trainers.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Replay the pre-built journeys in a temporary workspace, canvas then dashboard.",
        discussion: """
            Each journey (welcome-series, re-engagement, high-intent-fast-track, geographic-campaigns) \
            is shown in three steps, each with a caption: the journey and its description, its replay \
            over a synthetic cohort with the leads at every node, then its dashboard. Enter goes on, \
            b or Esc goes back a step, r replays again, n and p change journey, q quits. The workspace \
            lives in a temporary folder that is removed on exit: nothing is written anywhere else.
            """)

    @Argument(help: "The journey to start with (default: welcome-series).")
    var journey: String?

    @Option(help: "Leads in the demo's synthetic cohort (profile b2b-saas, seed 1).")
    var leads: Int = 20_000

    @OptionGroup var screen: ScreenOptions

    func validate() throws {
        guard (1...1_000_000).contains(leads) else {
            throw ValidationError("--leads must be between 1 and 1,000,000, not \(leads)")
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw ValidationError("cairn demo draws on a terminal; run it in one")
        }
    }

    func run() throws {
        let demo = try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in
            try DemoWorkspace(leads: leads)
        }
        defer { demo.remove() }
        var journeys = DemoScreen.journeys
        if let journey, !journeys.contains(journey) {
            let known = try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in
                try demo.workspace.journeys().map(\.journey)
            }
            guard known.contains(journey) else {
                WorkspaceFailure.printError(
                    "no pre-built journey '\(journey)'; the demo has: \(known.joined(separator: ", "))")
                throw ExitCode(1)
            }
            journeys.insert(journey, at: 0)
        }
        let first = journey.flatMap { journeys.firstIndex(of: $0) } ?? 0
        let (theme, problem) = screen.selectedTheme()
        let environment = StudioEnvironment(
            workspace: demo.workspace, workspacePath: "demo (temporary)", mode: .demo)
        try ScreenOptions.onTerminal {
            try Studio.run(
                environment: environment, start: [.demo(journeys: journeys, first: first)], theme: theme,
                notice: problem, mouse: screen.mouse, beforeSignalExit: { demo.remove() })
        }
    }
}
