import Analytics
import ArgumentParser
import Workspace

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List every version of a journey: author, time, message, and which is active."
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The journey id (e.g. welcome-series).")
    var journey: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    /// The JSON form leaves the YAML out; `cairn export journey` gives it.
    struct Entry: Encodable {
        var version: Int
        var active: Bool
        var author: String
        var createdAt: String
        var message: String?
        var origin: String
        var restoredFrom: Int?
        var contentHash: String
    }

    func run() throws {
        let opened = try workspace.open()
        let versions = try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in
            try opened.history(of: journey)
        }
        switch format {
        case .json:
            try JSONOutput.print(
                versions.map {
                    Entry(
                        version: $0.version, active: $0.isActive, author: $0.author,
                        createdAt: EpochSeconds.format($0.createdAt), message: $0.message,
                        origin: $0.origin.rawValue,
                        restoredFrom: $0.restoredFrom, contentHash: $0.contentHash)
                })
        case .text:
            let rows = versions.reversed().map { version in
                [
                    "v\(version.version)", version.isActive ? "active" : "",
                    HumanTime.text(version.createdAt),
                    version.author, version.origin.rawValue, String(version.contentHash.prefix(12)),
                    version.message ?? "",
                ]
            }
            print(
                TextTable.list(["VERSION", "", "SAVED", "AUTHOR", "ORIGIN", "HASH", "MESSAGE"], rows),
                terminator: "")
        }
    }
}
