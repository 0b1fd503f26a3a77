/// A row an import could not take, where it is and why.
public struct ImportProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    /// 1-based line where the row starts; 0 when the problem concerns the whole file.
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `leads.csv:14: error: ...`, like a compiler.
    public var description: String {
        line > 0 ? "\(file):\(line): error: \(message)" : "\(file): error: \(message)"
    }
}

/// What an import did, or why it did nothing.
public struct ImportReport: Sendable, Hashable, Codable {
    public var cohort: String
    public var leads: Int
    public var events: Int
    /// Problems found: the rows skipped with `--skip-invalid`, or why the import was refused.
    public var problems: [ImportProblem]
    /// All problems found, even when `problems` keeps only the first ones.
    public var problemCount: Int

    /// The most problems kept in a report; the count says how many there were.
    public static let maxKeptProblems = 1000

    /// True when a whole file was refused (unreadable, missing column): skipping rows cannot help.
    public var fileRefused: Bool = false

    var failureText: String {
        var lines = problems.prefix(50).map(\.description)
        if problemCount > lines.count { lines.append("... and \(problemCount - lines.count) more problems") }
        let what = fileRefused ? "" : ": \(problemCount) bad row\(problemCount == 1 ? "" : "s")"
        let hint = fileRefused ? "" : " (use --skip-invalid to import the good rows)"
        lines.append("import of cohort '\(cohort)' refused\(what); nothing was imported\(hint)")
        return lines.joined(separator: "\n")
    }
}
