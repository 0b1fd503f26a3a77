import ArgumentParser
import Automation
import Dispatch
import Foundation
import Logging
import Server
import Workspace

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API and webhook intake over the workspace (see docs/server.md).",
        discussion: """
            Listens on 127.0.0.1:8080 by default. Any other host needs a token, from CAIRN_API_TOKEN \
            or --token-file; with a token, every request needs 'Authorization: Bearer TOKEN'. \
            Stop with Ctrl-C (or SIGTERM): requests in flight finish first.
            It also runs automation (docs/live.md): one process per workspace holds the automation \
            lease and delivers; a second one stands by and takes over within 15 s if the first stops. \
            --no-automation serves the API alone.
            """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "The address to listen on; any but loopback needs a token.")
    var host: String = "127.0.0.1"

    @Option(help: "The port (0: any free port, printed when listening).")
    var port: Int = 8080

    @Option(help: "A file holding the API token (else $CAIRN_API_TOKEN).")
    var tokenFile: String?

    @Flag(help: "Serve the API alone: no delivery, no journeys run live, no automation lease.")
    var noAutomation = false

    func validate() throws {
        _ = try serverConfiguration()
    }

    /// The configuration asked for, refused (usage error, exit 2) when it would expose the
    /// workspace beyond this machine without a token.
    func serverConfiguration() throws -> ServerConfiguration {
        var token = ProcessInfo.processInfo.environment["CAIRN_API_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        if let tokenFile {
            guard let text = try? String(contentsOfFile: tokenFile, encoding: .utf8) else {
                throw ValidationError("cannot read the token file \(tokenFile)")
            }
            token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let configuration = ServerConfiguration(host: host, port: port, token: token)
        do {
            try configuration.check()
        } catch {
            throw ValidationError(error.description)
        }
        return configuration
    }

    func run() throws {
        let configuration = try serverConfiguration()
        let opened = try workspace.open()
        let server = CairnServer(workspace: opened, configuration: configuration)
        // Started once the server listens (a process that cannot bind never takes the lease);
        // stopped, and the lease released, when the server has stopped.
        let automation = noAutomation ? nil : Self.automation(opened)
        defer { automation?.stop() }
        var logger = Logger(label: "cairn-serve")
        logger.logLevel = .warning
        let application = try server.application(logger: logger) { port in
            let scheme =
                "http://\(configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host)"
            let auth = configuration.token == nil ? "no token" : "bearer token required"
            FileHandle.standardOutput.write(
                Data("cairn serve: listening on \(scheme):\(port) (workspace \(opened.path), \(auth))\n".utf8)
            )
            automation?.start()
        }
        let finished = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do {
                try await application.runService()
            } catch {
                failure.set("\(error)")
            }
            finished.signal()
        }
        finished.wait()
        if let message = failure.message {
            WorkspaceFailure.printError(
                "cannot serve on \(configuration.host):\(configuration.port): \(message)")
            throw ExitCode(1)
        }
    }
}

extension ServeCommand {
    /// The service that runs the leader's work while this process holds the automation lease.
    /// Adding work is one line here.
    static func automation(_ workspace: Workspace) -> AutomationService {
        let worker = DeliveryWorker(workspace: workspace)
        // The worker hears of the outbox rows a round wrote at once, not at its next idle check.
        let work: [any LeaderWork] = [
            LiveRuntime(workspace: workspace, wrote: { worker.wake() }), worker,
            LiveSummaryRefresher(workspace: workspace),
        ]
        return AutomationService(
            workspace: workspace, work: work,
            announce: { line in FileHandle.standardOutput.write(Data("cairn serve: \(line)\n".utf8)) })
    }
}

/// Carries the server's failure from its task to the command's thread.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: String?

    func set(_ message: String) { lock.withLock { stored = message } }
    var message: String? { lock.withLock { stored } }
}
