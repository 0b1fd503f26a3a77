import ArgumentParser
import Foundation
import JourneyModel
import ReplayEngine
import Workspace

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay a journey version over a cohort in virtual time and store the run.",
        discussion: """
            On a terminal a progress line shows leads/s and the time left; piped, only the summary.
            Ctrl-C stops the replay: the run is kept, marked cancelled (exit status 130).
            """
    )

    @OptionGroup var workspace: WorkspaceOptions

    @Argument(help: "The journey (its id, as 'cairn journeys' lists it).")
    var journey: String

    @Option(help: "The version to replay (default: the active one, else the latest).")
    var version: Int?

    @Option(help: "The cohort's name (see 'cairn cohorts').")
    var cohort: String

    @Option(help: "Seed of every random draw: the same seed gives the same run.")
    var seed: UInt64 = 1

    @Option(help: "How leads respond: recorded, simulated or mixed.")
    var mode: ReplayMode = .mixed

    @Option(help: "End of virtual time (YYYY-MM-DD or ISO-8601); leads still in flight then stay active.")
    var until: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        if let until, ISODate.parse(until) == nil {
            throw ValidationError(
                "--until takes a date like 2026-12-31 or 2026-12-31T09:00:00Z, not '\(until)'")
        }
    }

    func run() throws {
        let opened = try workspace.open()
        let outcome = try WorkspaceFailure.exitOnError { () throws(WorkspaceError) in
            try replay(opened)
        }
        let report = ReplayReport(runID: outcome.runID, summary: outcome.summary, span: outcome.span)
        switch format {
        case .json: try JSONOutput.print(report)
        case .text: print(Self.text(report), terminator: "")
        }
        if outcome.summary.cancelled { throw ExitCode(130) }
    }

    func replay(_ opened: Workspace) throws(WorkspaceError) -> ReplayOutcome {
        let order = ReplayOrder(
            journey: journey, version: version, cohort: cohort, seed: seed, mode: mode,
            horizon: until.flatMap(ISODate.parse))
        var progress: ProgressLine?
        let cancellation = ReplayCancellation()
        let interrupt = InterruptHandler { cancellation.cancel() }
        defer {
            interrupt.restore()
            progress?.finish()
        }
        let outcome = try opened.replay(order, cancellation: cancellation) { report in
            if progress == nil { progress = ProgressLine(total: report.cohortLeads) }
            progress?.update(leads: report.leadsAdmitted)
        }
        return outcome
    }

    struct ReplayReport: Encodable {
        var runID: Int64
        var cancelled: Bool
        var leads: Int
        var entries: Int
        var conversions: Int
        var executionSuccessRate: Double?
        var messagesSent: Int
        var messagesSuppressed: [String: Int]
        var handoffs: Int
        var handoffMeanQueueWaitSeconds: Double?
        var halted: Int
        var failed: Int
        var active: Int
        var span: ReplaySpan
        /// Why few leads entered, when they were few (see `EntryDiagnosis`).
        var entryDiagnosis: EntryDiagnosis?

        init(runID: Int64, summary: ReplaySummary, span: ReplaySpan) {
            self.runID = runID
            cancelled = summary.cancelled
            leads = summary.leadsAdmitted
            entries = summary.entries
            conversions = summary.conversions
            executionSuccessRate = summary.executionSuccessRate
            messagesSent = summary.messagesSent
            var suppressed: [String: Int] = [:]
            for tally in summary.channels.values {
                for (reason, count) in tally.suppressed { suppressed[reason.rawValue, default: 0] += count }
            }
            messagesSuppressed = suppressed
            handoffs = summary.handoffs.requested
            handoffMeanQueueWaitSeconds = summary.handoffs.meanQueueWaitSeconds
            halted = summary.count(.halted)
            failed = summary.count(.failed)
            active = summary.count(.active)
            self.span = span
            entryDiagnosis = EntryDiagnosis.diagnose(
                leads: summary.leadsAdmitted, entries: summary.entries, tally: summary.entry)
        }
    }

    static func text(_ r: ReplayReport) -> String {
        let runID = r.runID
        let percent = { (x: Double?) in x.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }
        let suppressed =
            r.messagesSuppressed.isEmpty
            ? "none"
            : r.messagesSuppressed.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(
                separator: ", ")
        let wait = r.handoffMeanQueueWaitSeconds.map { String(format: "%.0fs", $0) } ?? "—"
        return """
            run \(runID)\(r.cancelled ? " (cancelled)" : ""): \(r.leads) leads, \(r.entries) entries, \(r.conversions) conversions
            \(r.span.text)\(r.entryDiagnosis.map { "\n" + $0.text } ?? "")
            execution success \(percent(r.executionSuccessRate)); halted \(r.halted), failed \(r.failed), still active \(r.active)
            messages sent \(r.messagesSent); suppressed: \(suppressed)
            handoffs \(r.handoffs), mean queue wait \(wait)
            see 'cairn report --run \(runID)'

            """
    }
}

extension ReplayMode: ExpressibleByArgument {}

/// `12,000/100,000 leads  4,321 leads/s  ETA 21s` on standard error, on a terminal only.
final class ProgressLine: @unchecked Sendable {
    let total: Int
    let start = Date()
    let enabled = isatty(STDERR_FILENO) == 1

    init(total: Int) { self.total = total }

    func update(leads: Int) {
        guard enabled else { return }
        let elapsed = max(Date().timeIntervalSince(start), 0.001)
        let rate = Double(leads) / elapsed
        let eta = rate > 0 ? Double(max(total - leads, 0)) / rate : 0
        let line = String(format: "\r  %d/%d leads  %.0f leads/s  ETA %.0fs ", leads, total, rate, eta)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// Turns Ctrl-C into a call instead of death, for as long as the value lives; `restore`
/// gives SIGINT back its default.
final class InterruptHandler: @unchecked Sendable {
    private let source: DispatchSourceSignal

    init(_ handler: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler(handler: handler)
        source.resume()
    }

    func restore() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
