import Analytics
import ArgumentParser
import Foundation
import Workspace

/// `--db PATH` on every command that uses the workspace; else `CAIRN_DB`, else `./cairn.db`.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .long, help: "The workspace file (default: $CAIRN_DB, else ./cairn.db).")
    var db: String?

    var path: String { WorkspaceLocation.resolve(option: db) }

    /// Opens the workspace, creating and seeding it on first use; errors exit with status 1.
    func open(seed: WorkspaceSeed? = .bundled) throws -> Workspace {
        try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in
            try Workspace.open(at: path, seed: seed)
        }
    }
}

/// Prints workspace errors as the user should read them and exits with status 1
/// (invalid input or environment), as the design's exit codes say.
enum WorkspaceFailure {
    @discardableResult
    static func exitOnError<T>(_ body: () throws(WorkspaceError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            printError(error.description)
            throw ExitCode(1)
        }
    }

    static func printError(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines {
            // Located lines already say "error:"; a bare message gets the prefix.
            let prefixed =
                line.contains(": error: ") || line.hasPrefix("...") ? String(line) : "error: \(line)"
            FileHandle.standardError.write(Data((prefixed + "\n").utf8))
        }
    }
}

/// Writes JSON for `--format json`: pretty, keys sorted, so scripts and diffs are stable.
enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        Swift.print(try text(value))
    }

    static func text<T: Encodable>(_ value: T) throws -> String {
        try ReportExport.json(value)
    }
}

/// Times for people: `2026-11-26 17:20 UTC`.
enum HumanTime {
    static func text(_ seconds: Int64) -> String {
        let iso = EpochSeconds.format(seconds)
        return iso.prefix(10) + " " + iso.dropFirst(11).prefix(5) + " UTC"
    }
}
