import Analytics
import ArgumentParser
import Foundation
import Workspace

struct AgentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent",
        abstract: "Work the live handoff queue as an agent (see docs/live.md, \"Handoffs\").",
        subcommands: [
            AgentInboxCommand.self, AgentAcceptCommand.self, AgentCompleteCommand.self,
            AgentReleaseCommand.self,
        ]
    )
}

struct AgentInboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inbox",
        abstract: "The agent's assigned and accepted handoffs, and the queued ones it could take."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The agent's roster id.")
    var agent: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let opened = try workspace.open()
        let inbox = try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in
            try opened.handoffInbox(agent: agent)
        }
        switch format {
        case .json: try JSONOutput.print(inbox)
        case .text: print(Self.text(inbox), terminator: "")
        }
    }

    static func text(_ inbox: HandoffInbox) -> String {
        var out =
            "\(inbox.agent): \(inbox.open.count) open of capacity \(inbox.capacity)"
            + (inbox.active ? "" : " (inactive: not on the latest roster)") + "\n"
        if !inbox.open.isEmpty { out += table(inbox.open) }
        out += "\(inbox.queued.count) queued handoff\(inbox.queued.count == 1 ? "" : "s") it could take\n"
        if !inbox.queued.isEmpty { out += table(inbox.queued) }
        return out
    }

    static func table(_ handoffs: [LiveHandoff]) -> String {
        TextTable.list(
            ["HANDOFF", "STATE", "LEAD", "JOURNEY", "REASON", "REQUESTED", "HANDOFF TIME"],
            handoffs.map { handoff in
                [
                    handoff.id, handoff.state.rawValue, handoff.leadID,
                    handoff.journey.map { "\($0) v\(handoff.version ?? 0)" } ?? "-", handoff.reason,
                    HumanTime.text(Int64(handoff.requestedAt.rounded(.down))),
                    handoff.handoffSeconds.map { String(format: "%.1fs", $0) } ?? "-",
                ]
            })
    }
}

/// What `accept`, `complete` and `release` share: one handoff id, one step, the result.
struct HandoffStepOptions: ParsableArguments {
    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The handoff's id (see 'cairn agent inbox').")
    var handoff: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run(_ verb: String, _ step: (Workspace, String, Double) throws(WorkspaceError) -> LiveHandoff) throws
    {
        let opened = try workspace.open()
        let now = Date().timeIntervalSince1970
        let result = try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in
            try step(opened, handoff, now)
        }
        switch format {
        case .json: try JSONOutput.print(result)
        case .text:
            let whereNow =
                result.agentID.map { "\(result.state.rawValue) by \($0)" } ?? result.state.rawValue
            print("\(verb) handoff '\(result.id)' (lead \(result.leadID)): now \(whereNow)")
        }
    }
}

struct AgentAcceptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept", abstract: "Accept a handoff assigned to you.")

    @OptionGroup var options: HandoffStepOptions

    func run() throws {
        try options.run("accepted") { (workspace, id, now) throws(WorkspaceError) in
            try workspace.acceptHandoff(id, now: now)
        }
    }
}

struct AgentCompleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complete", abstract: "Complete an assigned or accepted handoff, freeing capacity.")

    @OptionGroup var options: HandoffStepOptions

    func run() throws {
        try options.run("completed") { (workspace, id, now) throws(WorkspaceError) in
            try workspace.completeHandoff(id, now: now)
        }
    }
}

struct AgentReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Give a handoff back to the queue; it goes to another matching agent that can take it.")

    @OptionGroup var options: HandoffStepOptions

    func run() throws {
        try options.run("released") { (workspace, id, now) throws(WorkspaceError) in
            try workspace.releaseHandoff(id, now: now)
        }
    }
}
