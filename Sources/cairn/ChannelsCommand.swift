import Analytics
import ArgumentParser
import Foundation
import Workspace

struct ImportChannelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "channels",
        abstract: "Replace the delivery channels with a channels.yaml file, all or nothing.",
        discussion: """
            See sample-journeys/channels.yaml and docs/live.md ("Delivery"). Secrets are not stored: \
            secret_env names the environment variable that holds one, read by cairn serve when it delivers.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "A channel file (see sample-journeys/channels.yaml).")
    var file: String

    func run() throws {
        let text = try TextFile.read(file)
        let opened = try workspace.open()
        let channels = try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in
            try opened.importChannels(yaml: text, file: file)
        }
        print("imported \(channels.count) channels")
        ChannelsCommand.printTable(channels, counts: [:], workspace: opened)
        let environment = ProcessInfo.processInfo.environment
        for channel in channels {
            guard case .http(_, let secretEnv?) = channel.method, environment[secretEnv] == nil else {
                continue
            }
            FileHandle.standardError.write(
                Data(
                    "warning: \(secretEnv) is not set here; channel '\(channel.name)' signs with it, so set it where cairn serve runs\n"
                        .utf8))
        }
    }
}

struct ChannelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "channels",
        abstract: "List the delivery channels and their outbox rows by state."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    struct Listing: Encodable {
        var name: String
        var deliver: String
        var path: String?
        var url: String?
        var secretEnv: String?
        var timeoutSeconds: Int
        var retries: Int
        var backoffSeconds: Int
        var outbox: [String: Int]
    }

    func run() throws {
        let opened = try workspace.open()
        let (channels, counts) = try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in
            (try opened.deliveryChannels(), try opened.outboxCounts())
        }
        switch format {
        case .json: try JSONOutput.print(channels.map { Self.listing($0, counts: counts, workspace: opened) })
        case .text:
            if channels.isEmpty {
                print("no delivery channels; configure them with 'cairn import channels FILE'")
            }
            Self.printTable(channels, counts: counts, workspace: opened)
            let unconfigured = counts.keys.filter { name in !channels.contains { $0.name == name } }.sorted()
            for name in unconfigured where (counts[name]?[.pending] ?? 0) > 0 {
                print("channel '\(name)' is not configured: \(counts[name]?[.pending] ?? 0) rows wait for it")
            }
        }
    }

    static func listing(
        _ channel: DeliveryChannel, counts: [String: [OutboxState: Int]], workspace: Workspace
    )
        -> Listing
    {
        var listing = Listing(
            name: channel.name, deliver: channel.deliver, timeoutSeconds: channel.timeout,
            retries: channel.retries,
            backoffSeconds: channel.backoff, outbox: [:])
        switch channel.method {
        case .file(let path): listing.path = workspace.resolvedDeliveryPath(path)
        case .http(let url, let secretEnv): (listing.url, listing.secretEnv) = (url, secretEnv)
        }
        for state in OutboxState.allCases {
            listing.outbox[state.rawValue] = counts[channel.name]?[state] ?? 0
        }
        return listing
    }

    static func printTable(
        _ channels: [DeliveryChannel], counts: [String: [OutboxState: Int]], workspace: Workspace
    ) {
        guard !channels.isEmpty else { return }
        let rows = channels.map { channel -> [String] in
            let listing = listing(channel, counts: counts, workspace: workspace)
            let target = listing.path ?? listing.url ?? "(the action's url)"
            let signing = listing.secretEnv.map { "$\($0)" } ?? "-"
            let outbox = OutboxState.allCases.map { "\(listing.outbox[$0.rawValue] ?? 0) \($0.rawValue)" }
            let policy =
                "\(channel.retries) × from \(channel.backoff)s"
                + (channel.deliver == "http" ? ", \(channel.timeout)s" : "")
            return [channel.name, channel.deliver, target, signing, policy, outbox.joined(separator: ", ")]
        }
        print(
            TextTable.list(["CHANNEL", "DELIVER", "TO", "SECRET", "RETRIES, TIMEOUT", "OUTBOX"], rows),
            terminator: "")
    }
}
