import Analytics
import Foundation
import Hummingbird
import JourneyModel
import Workspace

/// Workspace and analytics errors as problem details, with the words the command line uses.
extension Problem {
    init(_ error: WorkspaceError) {
        let detail = Self.detail(error)
        switch error {
        case .journeyNotFound, .versionNotFound, .cohortNotFound, .webhookNotFound, .agentNotFound,
            .handoffNotFound:
            self = .notFound(detail)
        case .journeyArchived:
            self.init(.conflict, "Journey archived", detail: detail)
        case .invalidJourney(let diagnostics):
            let errors = diagnostics.errors.map(\.description)
            self.init(
                .unprocessableContent, "Invalid journey",
                detail: "the journey has \(errors.count) error\(errors.count == 1 ? "" : "s"); see errors",
                errors: errors)
            warnings = diagnostics.filter { $0.severity != .error }.map(\.description)
        case .journeyIDMismatch:
            self.init(.unprocessableContent, "Journey id mismatch", detail: detail)
        case .importFailed(let report):
            self.init(
                .unprocessableContent, "Invalid leads",
                detail:
                    "the sample leads have \(report.problemCount) problem\(report.problemCount == 1 ? "" : "s")",
                errors: report.problems.map(\.description))
        case .invalidArgument, .invalidCohortName, .invalidWebhook:
            self = .badRequest(detail)
        case .invalidWebhookPayload:
            self.init(.unprocessableContent, "Invalid webhook payload", detail: detail)
        case .liveRecordsRefused(let problems, let count):
            self.init(
                .unprocessableContent, "Invalid records",
                detail: "\(count) bad record\(count == 1 ? "" : "s"); nothing was stored",
                errors: problems.map(\.description))
        case .handoffWrongState:
            self.init(.conflict, "Handoff state", detail: detail)
        case .webhookReplayed:
            self.init(.conflict, "Replayed delivery", detail: detail)
        case .cohortExists:
            self.init(.conflict, "Conflict", detail: detail)
        case .locked:
            self.init(.serviceUnavailable, "Workspace busy", detail: detail, headers: ["Retry-After": "1"])
        case .notSQLite, .notAWorkspace, .madeByNewerCairn, .cannotOpen, .diskFull, .invalidRoster,
            .invalidProfile, .invalidChannels:
            self.init(.internalServerError, "Workspace error", detail: detail)
        }
    }

    /// The error's words without the workspace file's path: a client is not told where the
    /// server keeps its files (the server's own log has the whole message).
    static func detail(_ error: WorkspaceError) -> String {
        let path: String
        switch error {
        case .notSQLite(let file), .notAWorkspace(let file, _), .madeByNewerCairn(let file, _, _),
            .cannotOpen(let file, _), .locked(let file), .diskFull(let file):
            path = file
        default: return error.description
        }
        let text = error.description.replacingOccurrences(of: path, with: "the workspace file")
        return text.hasPrefix("the workspace file: ")
            ? String(text.dropFirst("the workspace file: ".count)) : text
    }

    init(_ failure: JourneyExecutions.Failure) {
        switch failure {
        case .workspace(let error): self.init(error)
        case .noRuns, .unknownRun, .unknownExecution: self = .notFound(failure.description)
        // Not a run of this journey: for this journey's resource, no such run.
        case .runOfAnotherJourney: self = .notFound(failure.description)
        case .database(let message): self.init(.internalServerError, "Workspace error", detail: message)
        }
    }

    init(_ failure: RunReportBuilder.Failure) {
        switch failure {
        case .noRuns, .unknownRun: self = .notFound(failure.description)
        // Well-formed, but no node of that name was reached in the run: a rule the document
        // cannot state, so 422 (400 is kept for requests the document itself refuses).
        case .unknownStage: self.init(.unprocessableContent, "Unknown stage", detail: failure.description)
        case .database(let message): self.init(.internalServerError, "Workspace error", detail: message)
        }
    }
}

/// Runs workspace work off the event loop, mapping its errors to problems.
enum WorkspaceCall {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        do {
            return try await BlockingWork.run(work)
        } catch let error as WorkspaceError {
            throw Problem(error)
        } catch let failure as JourneyExecutions.Failure {
            throw Problem(failure)
        } catch let failure as RunReportBuilder.Failure {
            throw Problem(failure)
        }
    }
}
