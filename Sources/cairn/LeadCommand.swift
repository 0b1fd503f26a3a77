import Analytics
import ArgumentParser
import Workspace

struct LeadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lead",
        abstract: "One lead's path through a run: each step with its time, every decision explained.")

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The lead's id.")
    var lead: String

    @Option(name: .customLong("run"), help: "The run (see 'cairn runs').")
    var runID: Int64

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let opened = try workspace.open()
        let timeline: LeadTimeline
        do {
            timeline = try LeadTimeline.load(opened, run: runID, lead: lead)
        } catch {
            WorkspaceFailure.printError(error.description)
            throw ExitCode(1)
        }
        switch format {
        case .json: try JSONOutput.print(timeline)
        case .text: print(LeadTimelineTextRenderer.render(timeline), terminator: "")
        }
    }
}
