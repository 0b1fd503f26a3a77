import JourneyModel

/// Everything that can go wrong with a workspace, phrased for the person at the terminal.
/// Every case is invalid input or an environment problem (exit code 1), never a crash.
public enum WorkspaceError: Error, Sendable, Equatable, CustomStringConvertible {
    case notSQLite(path: String)
    case notAWorkspace(path: String, detail: String)
    case madeByNewerCairn(path: String, writtenBy: String, unknownMigrations: [String])
    case cannotOpen(path: String, reason: String)
    case locked(path: String)
    case diskFull(path: String)
    case journeyNotFound(String, suggestion: String?)
    case journeyArchived(String)
    case versionNotFound(journey: String, version: Int, latest: Int)
    case invalidJourney([Diagnostic])
    case journeyIDMismatch(expected: String, found: String)
    case cohortExists(String)
    case cohortNotFound(String, suggestion: String?)
    case invalidCohortName(String)
    case importFailed(ImportReport)
    case invalidRoster([Diagnostic])
    case invalidProfile([Diagnostic])
    case invalidChannels([Diagnostic])
    case invalidArgument(String)
    case webhookNotFound(String, suggestion: String?)
    case invalidWebhook(String)
    /// A delivery whose signature was already taken: the same request sent again.
    case webhookReplayed(String)
    case invalidWebhookPayload(String)
    /// Live records (`cairn push`, `POST /api/records`) with bad ones among them: nothing was
    /// stored. `problems` keeps the first `ImportReport.maxKeptProblems`; `count` counts all.
    case liveRecordsRefused(problems: [ImportProblem], count: Int)
    case agentNotFound(String, suggestion: String?)
    case handoffNotFound(String)
    /// A live handoff asked to `action` (accept, complete, release) in a state that does not allow it.
    case handoffWrongState(id: String, state: String, action: String, allowed: [String])

    public var description: String {
        switch self {
        case .notSQLite(let path):
            return "\(path): not a Cairn workspace: the file is not an SQLite database"
        case .notAWorkspace(let path, let detail):
            return "\(path): not a Cairn workspace: \(detail)"
        case .madeByNewerCairn(let path, let writtenBy, let unknown):
            return
                "\(path): this workspace was written by a newer Cairn (\(writtenBy)); this is Cairn \(WorkspaceVersion.app) "
                + "and does not know its schema changes (\(unknown.joined(separator: ", "))). "
                + "Upgrade Cairn to open it; the file was left untouched."
        case .cannotOpen(let path, let reason):
            return "\(path): cannot open the workspace: \(reason)"
        case .locked(let path):
            return "\(path): the workspace is locked by another process; try again when it has finished"
        case .diskFull(let path):
            return "\(path): the disk is full; nothing was written"
        case .journeyNotFound(let name, let suggestion):
            return "no journey '\(name)' in this workspace"
                + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .journeyArchived(let name):
            return "journey '\(name)' is archived; import it again to bring it back"
        case .versionNotFound(let journey, let version, let latest):
            return "journey '\(journey)' has no version \(version) (versions 1 to \(latest))"
        case .invalidJourney(let diagnostics):
            return diagnostics.errors.map(\.description).joined(separator: "\n")
        case .journeyIDMismatch(let expected, let found):
            return "the file is journey '\(found)', not '\(expected)'"
        case .cohortExists(let name):
            return "a cohort named '\(name)' already exists; choose another --name"
        case .cohortNotFound(let name, let suggestion):
            return "no cohort '\(name)' in this workspace"
                + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .invalidCohortName(let name):
            return "cohort name '\(name)' must be 1 to 64 letters, digits, '-', '_' or '.'"
        case .importFailed(let report):
            return report.failureText
        case .invalidRoster(let diagnostics), .invalidProfile(let diagnostics),
            .invalidChannels(let diagnostics):
            return diagnostics.errors.map(\.description).joined(separator: "\n")
        case .invalidArgument(let message):
            return message
        case .webhookNotFound(let name, let suggestion):
            return "no webhook '\(name)' in this workspace"
                + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .invalidWebhook(let message):
            return message
        case .webhookReplayed(let name):
            return
                "this delivery to webhook '\(name)' was already received (same signature); replays are refused"
        case .invalidWebhookPayload(let message):
            return message
        case .liveRecordsRefused(let problems, let count):
            var lines = problems.prefix(50).map(\.description)
            if count > lines.count { lines.append("... and \(count - lines.count) more problems") }
            lines.append("\(count) bad record\(count == 1 ? "" : "s"); nothing was stored")
            return lines.joined(separator: "\n")
        case .agentNotFound(let id, let suggestion):
            return "no agent '\(id)' in this workspace"
                + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .handoffNotFound(let id):
            return "no live handoff '\(id)' in this workspace"
        case .handoffWrongState(let id, let state, let action, let allowed):
            return
                "cannot \(action) handoff '\(id)': it is \(state); \(action) takes \(allowed.joined(separator: " or ")) handoffs"
        }
    }
}
