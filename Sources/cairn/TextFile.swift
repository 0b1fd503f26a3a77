import ArgumentParser
import Foundation

/// A configuration file (roster, profile, channels) read whole as UTF-8 text, or a located
/// error and exit 1, as every file error reads.
enum TextFile {
    static func read(_ file: String) throws -> String {
        do {
            return try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            WorkspaceFailure.printError(
                "\(file):1:1: error: cannot read the file (missing, unreadable or not UTF-8)")
            throw ExitCode(1)
        }
    }
}
