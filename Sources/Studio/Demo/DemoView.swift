import Analytics
import JourneyModel
import ReplayEngine
import TerminalUI

/// Draws the demo: the journey's name and the step, the step's caption, then the whole
/// journey with its counts (steps 1 and 2) or the run's dashboard (step 3).
enum DemoView {
    static let maxCaptionLines = 4

    static func render(
        _ demo: DemoScreen, in area: Rect, frame: inout Frame, _ environment: StudioEnvironment
    ) {
        let caption = Paragraph(demo.caption, role: .info)
        let captionHeight = min(maxCaptionLines, max(1, caption.lines(width: area.width).count))
        let rows = Layout.vertical([.length(1), .length(captionHeight), .fill(1)]).split(area)
        let step = demo.step
        frame.render(
            Line([
                Span(demo.displayName, role: .title),
                Span(
                    " · step \(step.rawValue + 1) of \(DemoScript.Step.allCases.count): \(step.title)",
                    role: .muted),
            ]), in: rows[0])
        frame.render(caption, in: rows[1])
        if let dashboard = demo.dashboard {
            dashboard.view(in: rows[2], frame: &frame, environment)
        } else {
            renderJourney(demo.replay, in: rows[2], frame: &frame)
        }
    }

    static func renderJourney(_ replay: ReplayScreen, in area: Rect, frame: inout Frame) {
        let counts = replay.counts
        let block = Block(title: counts == nil ? "Journey" : "Journey · leads arriving at each node")
        frame.render(block, in: area)
        let inner = block.inner(area)
        let rows = Layout.vertical([.length(1), .fill(1)]).split(inner)
        frame.render(status(replay), in: rows[0])
        guard let journey = replay.inputs?.journey else { return }
        frame.render(DemoFlowList(journey: journey, counts: counts), in: rows[1])
    }

    /// The line over the nodes: what Enter does, the progress, or the run and its branches.
    static func status(_ replay: ReplayScreen) -> Line {
        switch replay.phase {
        case .loading: return Line("Loading…", role: .muted)
        case .failed(let message): return Line(message, role: .error)
        case .setup:
            let leads = replay.setup.cohorts.first { $0.name == DemoScreen.cohort }?.leads ?? 0
            return Line(
                "Enter replays it over the demo cohort (\(ReportFormat.count(leads)) leads)", role: .muted)
        case .running(let snapshot, _):
            guard case .replaying(let report) = snapshot?.stage else {
                return Line("Starting…", role: .muted)
            }
            let done =
                "\(ReportFormat.count(report.leadsAdmitted)) of \(ReportFormat.count(report.cohortLeads)) leads"
            guard !replay.pause.isPaused else {
                return Line("Paused: \(done) · Space resumes", role: .warning)
            }
            return Line("Replaying: \(done) · Space pauses", role: .info)
        case .finished(let result):
            return finished(result, journey: replay.inputs?.journey)
        }
    }

    /// `Run #1 · 20,000 entries · 61 converted · every branch taken` (or the branches not taken).
    static func finished(_ result: ReplayResult, journey: Journey?) -> Line {
        let summary = result.summary
        let head = Span(
            "Run #\(result.runID) · \(ReportFormat.count(summary.entries)) entries · "
                + "\(ReportFormat.count(summary.conversions)) converted · ", role: .muted)
        guard let journey else { return Line([head]) }
        let gaps = BranchCoverage.unreached(in: journey, summary: summary)
        guard !gaps.isEmpty else { return Line([head, Span("every branch taken", role: .success)]) }
        return Line([
            head, Span("not taken: " + gaps.map(\.description).joined(separator: ", "), role: .warning),
        ])
    }
}
