import Analytics
import ReplayEngine
import TerminalUI
import Workspace

/// Draws the replay screen: the form, progress or summary on top, the journey with its
/// counts below.
enum ReplayView {
    static func render(
        _ screen: ReplayScreen, in area: Rect, frame: inout Frame, _ environment: StudioEnvironment
    ) {
        let topHeight: Int
        switch screen.phase {
        case .loading, .failed: topHeight = 4
        case .setup: topHeight = screen.setup.form.fields.count + 4
        case .running: topHeight = 5
        case .finished(let result): topHeight = 8 + entryLines(result, width: area.width - 2).count
        }
        let rows = Layout.vertical([.length(min(topHeight, area.height / 2 + 2)), .fill(1)]).split(area)
        let version = screen.inputs.map { " v\($0.version)" } ?? ""
        let block = Block(title: "Replay \(screen.journey)\(version)", focused: true)
        frame.render(block, in: rows[0])
        let inner = block.inner(rows[0])
        switch screen.phase {
        case .loading:
            frame.render(Paragraph("Loading…", role: .muted), in: inner)
        case .failed(let message):
            frame.render(Paragraph(message + "  (r: set up again)", role: .error), in: inner)
        case .setup:
            renderSetup(screen, in: inner, frame: &frame, environment)
        case .running(let snapshot, let cancelling):
            renderProgress(
                snapshot, cancelling: cancelling, request: screen.request, in: inner, frame: &frame)
        case .finished(let result):
            let hasGoal = screen.inputs.map { RunJourneyFacts($0.journey).hasGoal } ?? true
            renderSummary(result, request: screen.request, hasGoal: hasGoal, in: inner, frame: &frame)
        }
        renderJourney(screen, in: rows[1], frame: &frame)
    }

    private static func renderSetup(
        _ screen: ReplayScreen, in area: Rect, frame: inout Frame, _ environment: StudioEnvironment
    ) {
        let parts = Layout.vertical([.fill(1), .length(1)]).split(area)
        frame.render(Form(screen.setup.form, labelWidth: 12), in: parts[0])
        if environment.mode == .readOnly {
            frame.render(Line("Read-only: replays are off here.", role: .warning), in: parts[1])
        } else {
            frame.render(
                Line("Enter starts · Tab next field · ←/→ change a choice", role: .muted), in: parts[1])
        }
    }

    private static func renderProgress(
        _ snapshot: ReplayProgressSnapshot?, cancelling: Bool, request: ReplayRequest?, in area: Rect,
        frame: inout Frame
    ) {
        let rows = Layout.vertical([.length(1), .length(1), .fill(1)]).split(area)
        let cohort = request?.order.cohort ?? ""
        switch snapshot?.stage {
        case .none:
            frame.render(Line("Starting…", role: .muted), in: rows[0])
        case .synthesising(let written, let total):
            frame.render(
                ProgressBar(
                    Progress(completed: written, total: total, elapsed: snapshot?.elapsed ?? 0),
                    label: "Synthesising"),
                in: rows[0])
            frame.render(Line("Writing the new cohort \(cohort)", role: .muted), in: rows[1])
        case .replaying(let report):
            frame.render(
                ProgressBar(
                    Progress(
                        completed: report.leadsAdmitted, total: report.cohortLeads,
                        elapsed: snapshot?.elapsed ?? 0), label: "Leads"),
                in: rows[0])
            frame.render(
                Line(
                    "Run #\(report.runID) · \(cohort) · \(ReportFormat.count(report.recordsEmitted)) records",
                    role: .muted), in: rows[1])
        }
        let hint = cancelling ? "Cancelling…" : "x cancels (the run is kept, marked cancelled)"
        frame.render(Line(hint, role: cancelling ? .warning : .muted), in: rows[2])
    }

    private static func renderSummary(
        _ result: ReplayResult, request: ReplayRequest?, hasGoal: Bool, in area: Rect, frame: inout Frame
    ) {
        let summary = result.summary
        let state = summary.cancelled ? "cancelled" : "finished"
        let headline = "Run #\(result.runID) \(state)"
        let about = request.map { Self.about($0.order, width: area.width - DisplayWidth.of(headline)) } ?? ""
        let conversionRate = ReportFormat.percent(
            summary.entries == 0 ? nil : Double(summary.conversions) / Double(summary.entries))
        let pairs: [(String, String)] = [
            ("Leads", ReportFormat.count(summary.leadsAdmitted)),
            ("Entries", ReportFormat.count(summary.entries)),
            (
                "Conversions",
                hasGoal ? "\(ReportFormat.count(summary.conversions)) (\(conversionRate))" : "none: no goal"
            ),
            ("Success rate", ReportFormat.percent(summary.executionSuccessRate)),
            ("Sent", ReportFormat.count(summary.messagesSent)),
            ("Suppressed", ReportFormat.count(summary.messagesSuppressed)),
            ("Handoffs", ReportFormat.count(summary.handoffs.requested)),
            (
                "Halted/failed",
                "\(ReportFormat.count(summary.count(.halted)))/\(ReportFormat.count(summary.count(.failed)))"
            ),
        ]
        var lines = [
            Line([
                Span(headline, role: summary.cancelled ? .warning : .success),
                Span(about, role: .muted),
            ])
        ]
        for pair in stride(from: 0, to: pairs.count, by: 2) {
            let left = cell(pairs[pair], width: area.width / 2)
            let right = pair + 1 < pairs.count ? cell(pairs[pair + 1], width: area.width / 2) : []
            lines.append(Line(left + right))
        }
        lines += entryLines(result, width: area.width)
        lines.append(Line("Enter opens the dashboard · c canvas · r another replay", role: .muted))
        for (index, line) in lines.enumerated() where index < area.height {
            frame.render(line, in: Rect(x: area.x, y: area.y + index, width: area.width, height: 1))
        }
    }

    /// The span the run covered, then why it let few leads in (if it did), wrapped to `width`.
    static func entryLines(_ result: ReplayResult, width: Int) -> [Line] {
        let span = TextMeasure.wrap(result.span.text, width: max(width, 20)).map { Line($0, role: .muted) }
        let why = result.diagnosis.map {
            TextMeasure.wrap($0.text, width: max(width, 20)).map { Line($0, role: .warning) }
        }
        return span + (why ?? [])
    }

    /// ` — cohort sample, seed 1, mixed`, leaving out the seed, then the mode, then the cohort when
    /// `width` is too narrow for them whole.
    static func about(_ order: ReplayOrder, width: Int) -> String {
        var parts = ["cohort \(order.cohort)", "seed \(order.seed)", order.mode.rawValue]
        for drop in ["seed \(order.seed)", order.mode.rawValue, "cohort \(order.cohort)"]
        where DisplayWidth.of(" — " + parts.joined(separator: ", ")) > width {
            parts.removeAll { $0 == drop }
        }
        return parts.isEmpty ? "" : " — " + parts.joined(separator: ", ")
    }

    /// `Label        value` padded to `width`.
    private static func cell(_ pair: (String, String), width: Int) -> [Span] {
        let label = TextMeasure.fit(pair.0, width: 14)
        let value = TextMeasure.fit(pair.1, width: max(0, width - 14))
        return [Span(label, role: .muted), Span(value)]
    }

    private static func renderJourney(_ screen: ReplayScreen, in area: Rect, frame: inout Frame) {
        let counts: RunCounts?
        switch screen.phase {
        case .running(let snapshot, _): counts = snapshot?.counts
        case .finished(let result): counts = result.counts
        default: counts = nil
        }
        let block = Block(title: counts == nil ? "Journey" : "Journey · leads arriving at each node")
        frame.render(block, in: area)
        guard let journey = screen.inputs?.journey else { return }
        frame.render(
            // Narrower than a wide terminal, compact boxes show more of the journey at once.
            JourneyCanvasView(journey: journey, selection: nil, counts: counts, compact: area.width < 120),
            in: block.inner(area))
    }
}
