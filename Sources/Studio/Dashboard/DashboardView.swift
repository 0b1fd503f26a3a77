import Analytics
import TerminalUI
import Workspace

/// Draws the dashboard: a heading with the run, then the panels (a grid from 120 columns, else
/// tabs) or a comparison, with the run list or a prompt over them.
enum DashboardView {
    static func render(_ screen: DashboardScreen, in area: Rect, frame: inout Frame) {
        let rows = Layout.vertical([.length(1), .fill(1)]).split(area)
        guard let report = screen.report else {
            let block = Block(title: "Dashboard")
            frame.render(block, in: rows[1])
            let text =
                screen.problem.map { "Nothing to show: \($0)\n\nr picks another run." } ?? "Loading…"
            frame.render(
                Paragraph(text, role: screen.problem == nil ? .muted : .error), in: block.inner(rows[1]))
            renderOverlay(screen, in: area, frame: &frame)
            return
        }
        frame.render(heading(report, range: screen.range, width: area.width), in: rows[0])
        if let comparison = screen.comparison {
            renderComparison(comparison, scroll: screen.comparisonScroll, in: rows[1], frame: &frame)
        } else if let window = screen.window {
            renderWindow(window, scroll: screen.comparisonScroll, in: rows[1], frame: &frame)
        } else {
            let grid = area.width >= DashboardScreen.gridWidth
            let summary = summaryLines(report, in: area)
            for (index, line) in summary.enumerated() {
                frame.render(Line(line), in: rows[1].row(index))
            }
            if !grid { renderTabs(selected: screen.panel, in: rows[1].row(summary.count), frame: &frame) }
            for (panel, cell) in panelCells(in: area, selected: screen.panel, report: report) {
                let title = grid ? "\(panel.rawValue + 1) \(panel.heading)" : panel.heading
                let block = Block(title: title, focused: !grid)
                frame.render(block, in: cell)
                DashboardPanels.render(
                    panel, report, trend: screen.trend, options: screen.options, in: block.inner(cell),
                    frame: &frame)
            }
        }
        renderOverlay(screen, in: area, frame: &frame)
    }

    /// `Run #3 welcome-series v1 · cohort sample · seed 1 · mixed · 2,000 leads · completed` (no
    /// wall-clock times: they belong to the report, not to a screen compared with goldens). When it
    /// is too wide, the seed, then the mode, then the cohort are left out, never cut. A live run
    /// read over a date range says the range instead of the run's whole-life figures.
    static func heading(_ report: RunReport, range: RunWindowRange? = nil, width: Int) -> Line {
        let run = report.run
        let conversions =
            report.hasGoal
            ? "\(ReportFormat.count(run.conversions)) conv (\(ReportFormat.percent(RunReportBuilder.share(run.conversions, run.entries))))"
            : "no goal"
        var middle = [
            "cohort \(run.cohort)", "seed \(run.seed)", run.mode, "\(ReportFormat.count(run.leads)) leads",
            conversions,
        ]
        if let range { middle = ["cohort \(run.cohort)", "seed \(run.seed)", range.text] }
        let head = "Run #\(run.id) \(run.journey) v\(run.version)"
        for drop in ["seed \(run.seed)", run.mode, "cohort \(run.cohort)"]
        where DisplayWidth.of(head + (middle + [run.status]).map { " · " + $0 }.joined()) > width {
            middle.removeAll { $0 == drop }
        }
        return Line([
            Span("Run #\(run.id) ", role: .title), Span("\(run.journey) v\(run.version)"),
            Span(middle.map { " · " + $0 }.joined() + " · ", role: .muted),
            Span(run.state, role: ["completed", "live"].contains(run.state) ? .success : .warning),
        ])
    }

    /// The run's plain-language summary under the heading: whole sentences, as many as fit in
    /// three lines on a grid and two on tabs (`cairn report` has them all).
    static func summaryLines(_ report: RunReport, in area: Rect) -> [String] {
        let height = area.width >= DashboardScreen.gridWidth ? 3 : 2
        return FlowLines.fitting(report.summary, width: area.width, height: height, separator: " ")
    }

    /// Where each panel shown is drawn (border included) in the screen's `area`: all eight in a
    /// grid from 120 columns, else the selected one below the tabs; the summary is above them.
    static func panelCells(in area: Rect, selected: DashboardPanel, report: RunReport) -> [(
        DashboardPanel, Rect
    )] {
        let body = area.inset(top: 1 + summaryLines(report, in: area).count)
        guard area.width >= DashboardScreen.gridWidth else { return [(selected, body.inset(top: 1))] }
        let bands = Layout.vertical([.fill(1), .fill(1), .fill(1)]).split(body)
        // The first band's panels other than the funnel hold short tables and lines, so four
        // share it (the funnel widest); channels and handoffs keep half the width each.
        let layout: [(Rect, [DashboardPanel], [Int])] = [
            (bands[0], [.funnel, .dropoff, .health, .trend], [4, 3, 3, 3]),
            (bands[1], [.timeInStage, .abTest], [1, 1]), (bands[2], [.channels, .handoffs], [1, 1]),
        ]
        return layout.flatMap { band, panels, weights in
            zip(panels, Layout.horizontal(weights.map { .fill($0) }).split(band)).map { ($0, $1) }
        }
    }

    /// The time-in-stage row under a click, if that table is shown and the click is on a row.
    static func stageRow(
        at point: Point, in area: Rect, selected: DashboardPanel, report: RunReport, stage: Int
    )
        -> Int?
    {
        guard
            let cell = panelCells(in: area, selected: selected, report: report).first(where: {
                $0.0 == .timeInStage
            })?.1
        else { return nil }
        let table = DashboardPanels.timeInStageParts(in: Block().inner(cell))[0]
        let body = table.inset(top: 2)
        guard body.contains(point) else { return nil }
        let count = report.timeInStage.count
        let offset = ListState(selected: stage).visibleOffset(height: body.height, count: count)
        let index = point.y - body.y + offset
        return index < count ? index : nil
    }

    /// Where each tab is drawn in a row starting at `x`: ` 1 Funnel ` and so on, side by side
    /// (their own spaces part them), so all eight fit in 80 columns.
    static func tabRects(in row: Rect) -> [(DashboardPanel, Rect)] {
        var x = row.x
        return DashboardPanel.allCases.map { panel in
            let width = DisplayWidth.of(tabLabel(panel))
            defer { x += width }
            return (panel, Rect(x: x, y: row.y, width: width, height: 1))
        }
    }

    static func tabLabel(_ panel: DashboardPanel) -> String { " \(panel.rawValue + 1) \(panel.title) " }

    static func renderTabs(selected: DashboardPanel, in row: Rect, frame: inout Frame) {
        for (panel, rect) in tabRects(in: row) {
            let style = panel == selected ? frame.theme[.selection] : frame.theme[.muted]
            _ = frame.write(tabLabel(panel), at: rect.origin, style: style, clip: row)
        }
    }

    /// The tab under a click in the screen's `area` (tabs are below the heading and the summary).
    static func tab(at point: Point, in area: Rect, report: RunReport) -> DashboardPanel? {
        let y = area.y + 1 + summaryLines(report, in: area).count
        let row = Rect(x: area.x, y: y, width: area.width, height: 1)
        return tabRects(in: row).first { $0.1.contains(point) }?.0
    }

    static func renderComparison(_ comparison: RunComparison, scroll: Int, in area: Rect, frame: inout Frame)
    {
        let block = Block(
            title: "Run #\(comparison.first.run.id) vs run #\(comparison.second.run.id)",
            footer: "j/k scroll · c stops comparing", focused: true)
        frame.render(block, in: area)
        let inner = block.inner(area)
        let lines = ComparisonTextRenderer.render(comparison).split(
            separator: "\n", omittingEmptySubsequences: false)
        let top = min(scroll, max(0, lines.count - inner.height))
        frame.render(
            Paragraph(lines.dropFirst(top).joined(separator: "\n"), wraps: false), in: inner)
    }

    /// A live run over the date range set with `d`, as `cairn report --from --to` prints it.
    static func renderWindow(_ window: RunWindowReport, scroll: Int, in area: Rect, frame: inout Frame) {
        let block = Block(
            title: "Live run over a date range",
            footer: "j/k scroll · d changes the range (empty: the whole run)", focused: true)
        frame.render(block, in: area)
        let inner = block.inner(area)
        // Wrapped, not cut: the text is `cairn report --from --to`'s, whose first line is long.
        let lines = WindowRenderer.text(window).split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap {
                DisplayWidth.of($0) <= inner.width
                    ? [String($0)] : TextMeasure.wrap(String($0), width: inner.width)
            }
        let top = min(scroll, max(0, lines.count - inner.height))
        frame.render(Paragraph(lines.dropFirst(top).joined(separator: "\n"), wraps: false), in: inner)
    }

    // MARK: Overlays

    static func pickerRect(in area: Rect) -> Rect {
        area.centered(Size(width: min(area.width - 4, 76), height: min(area.height - 2, 16)))
    }

    static func renderOverlay(_ screen: DashboardScreen, in area: Rect, frame: inout Frame) {
        switch screen.mode {
        case .panels:
            break
        case .pickRun(let purpose, let list):
            let rect = pickerRect(in: area)
            let title = purpose == .open ? "Show run" : "Compare run #\(screen.report?.run.id ?? 0) with"
            let block = Block(
                title: title, footer: "Enter choose · Esc close", focused: true, background: .panel)
            frame.render(block, in: rect)
            frame.render(runsTable(screen.runs, list: list), in: block.inner(rect))
        case .prompt(let prompt, _):
            prompt.render(in: area, frame: &frame)
        }
    }

    static func runsTable(_ runs: [RunInfo], list: ListState) -> Table {
        Table(
            columns: [
                TableColumn("Run", width: .length(5), alignment: .trailing),
                TableColumn("Journey", width: .fill(2)),
                TableColumn("Cohort", width: .fill(1)),
                TableColumn("Seed", width: .length(5), alignment: .trailing),
                TableColumn("Entries", width: .length(8), alignment: .trailing),
                TableColumn("Status", width: .length(9)),
            ],
            rows: runs.map {
                [
                    "#\($0.id)", "\($0.journey) v\($0.version)", $0.cohort, "\($0.seed)",
                    ReportFormat.count($0.entries), $0.status,
                ]
            }, state: list)
    }

    /// The run under a click in the open run list (its rows start below the header and rule).
    static func pickerRow(at point: Point, in area: Rect, runs: [RunInfo], list: ListState) -> Int? {
        let body = pickerRect(in: area).inset(by: 1).inset(top: 2)
        guard body.contains(point) else { return nil }
        let offset = list.visibleOffset(height: body.height, count: runs.count)
        let index = point.y - body.y + offset
        return runs.indices.contains(index) ? index : nil
    }
}
