import Analytics
import TerminalUI
import Workspace

/// Draws one panel of a run's report into its area (inside the panel's border).
enum DashboardPanels {
    static func render(
        _ panel: DashboardPanel, _ report: RunReport, trend: RunTrend? = nil, options: PanelOptions,
        in area: Rect, frame: inout Frame
    ) {
        guard !area.isEmpty else { return }
        switch panel {
        case .funnel: funnel(report, options: options, in: area, frame: &frame)
        case .dropoff: dropoff(report, options: options, in: area, frame: &frame)
        case .timeInStage: timeInStage(report, options: options, in: area, frame: &frame)
        case .abTest: abTests(report, options: options, in: area, frame: &frame)
        case .channels: ChannelsPanel.render(report, in: area, frame: &frame)
        case .handoffs: HandoffsPanel.render(report.handoffs, in: area, frame: &frame)
        case .health: health(report, in: area, frame: &frame)
        case .trend: TrendPanel.render(trend, in: area, frame: &frame)
        }
    }

    /// Lines of pieces that are never cut (see `FlowLines`), from the top of `area`; returns the
    /// area left below them.
    @discardableResult
    static func flow(
        _ pieces: [String], role: ThemeRole = .muted, in area: Rect, frame: inout Frame, maxLines: Int? = nil,
        separator: String = " · "
    ) -> Rect {
        guard area.width > 0, area.height > 0 else { return area }
        let lines: [String]
        if separator == "\n" {
            lines = pieces.flatMap { FlowLines.lines([$0], width: area.width) }.prefix(area.height).map { $0 }
        } else {
            lines = FlowLines.fitting(
                pieces, width: area.width, height: min(maxLines ?? area.height, area.height),
                separator: separator)
        }
        for (index, line) in lines.enumerated() { frame.render(Line(line, role: role), in: area.row(index)) }
        return area.inset(top: lines.count)
    }

    static func empty(_ text: String, in area: Rect, frame: inout Frame) {
        frame.render(Paragraph(text, role: .muted), in: area)
    }

    /// One bar per stage of the main path (or, with `a`, per node reached by any path): leads,
    /// and the share of entries; above them, what the bars count.
    static func funnel(_ report: RunReport, options: PanelOptions, in area: Rect, frame: inout Frame) {
        let funnel = report.funnel
        let stages = options.allPaths ? funnel.allPaths : funnel.stages
        let what =
            options.allPaths
            ? ["all paths", "leads reaching each node by any path", "a: main path"]
            : funnel.basis == "main path"
                ? [
                    "main path", "the way most leads took at each node", "other branches not counted",
                    "a: all paths",
                ]
                : ["given stages", "leads reaching them in this order", "a: all paths"]
        let bars = flow(
            ["\(ReportFormat.count(report.run.entries)) entries"] + what, in: area, frame: &frame, maxLines: 3
        )
        guard !stages.isEmpty else { return empty("No stages reached.", in: bars, frame: &frame) }
        frame.render(
            BarChart(
                stages.map { stage in
                    Bar(
                        options.name(stage.node, stage.label), value: Double(stage.leads),
                        valueLabel:
                            "\(ReportFormat.count(stage.leads)) \(ReportFormat.percent(stage.rateFromEntry))")
                }), in: bars)
    }

    static func dropoff(_ report: RunReport, options: PanelOptions, in area: Rect, frame: inout Frame) {
        guard !report.dropoff.isEmpty else { return empty("No lead left early.", in: area, frame: &frame) }
        FittedTable(
            columns: [
                .init(title: "Node", alignment: .leading, priority: 9),
                .init(title: "Reason", alignment: .leading, priority: 2),
                .init(title: "Leads", priority: 4), .init(title: "Share", priority: 3),
            ],
            rows: report.dropoff.map {
                [
                    options.name($0.node, $0.label), $0.reason.replacingOccurrences(of: "_", with: " "),
                    ReportFormat.count($0.leads), ReportFormat.percent($0.shareOfEntries),
                ]
            }
        ).render(in: area, frame: &frame)
    }

    /// The p50/p90 table with the selected stage marked, and that stage's histogram beside or below.
    static func timeInStage(_ report: RunReport, options: PanelOptions, in area: Rect, frame: inout Frame) {
        guard !report.timeInStage.isEmpty else {
            return empty("No lead stayed at a node.", in: area, frame: &frame)
        }
        let selected = min(max(0, options.stage), report.timeInStage.count - 1)
        let parts = timeInStageParts(in: area)
        FittedTable(
            columns: [
                .init(title: "Stage", alignment: .leading, priority: 9), .init(title: "Stays", priority: 4),
                .init(title: "p50", priority: 3), .init(title: "p90", priority: 2),
            ],
            rows: report.timeInStage.map {
                [
                    options.name($0.node, $0.label), ReportFormat.count($0.dwell.count),
                    ReportFormat.duration($0.dwell.p50), ReportFormat.duration($0.dwell.p90),
                ]
            }, state: ListState(selected: selected)
        ).render(in: parts[0], frame: &frame)
        let chosen = report.timeInStage[selected]
        let histogram = flow(
            [options.name(chosen.node, chosen.label) + ": time spent", "j/k: stage"], in: parts[1],
            frame: &frame,
            maxLines: 2)
        // Ten buckets a column apart: a bucket's label wider than its column is left out, not cut
        // ("1…" would read as a number).
        let column = (histogram.width - 9) / 10
        frame.render(
            BarChart(histogramBars(chosen.histogram, labelWidth: column), orientation: .vertical),
            in: histogram)
    }

    /// The table and the histogram: side by side when there is room, else one above the other.
    static func timeInStageParts(in area: Rect) -> [Rect] {
        area.width >= 70
            ? Layout.horizontal([.fill(1), .fill(1)], spacing: 1).split(area)
            : Layout.vertical([.fill(1), .fill(1)]).split(area)
    }

    /// Every bucket, from `< 1m` to `≥ 30d`, labelled by where it starts, so stages read alike.
    static func histogramBars(_ histogram: DurationHistogram, labelWidth: Int = .max) -> [Bar] {
        histogram.buckets.map { bucket in
            let text = bucket.from == 0 ? "0" : DurationHistogram.short(bucket.from)
            let label = DisplayWidth.of(text) <= labelWidth ? text : ""
            return Bar(label, value: Double(bucket.count), role: .chart)
        }
    }

    /// Each split's table; the report's `unreachedSplits` say which splits exist but were not
    /// reached, and why.
    static func abTests(_ report: RunReport, options: PanelOptions, in area: Rect, frame: inout Frame) {
        guard !report.splits.isEmpty || !report.unreachedSplits.isEmpty else {
            return empty("This journey has no split.", in: area, frame: &frame)
        }
        var rest = area
        for note in report.unreachedSplits where !rest.isEmpty {
            let height = min(Paragraph(note, role: .warning).lines(width: rest.width).count, rest.height)
            frame.render(
                Paragraph(note, role: .warning),
                in: Rect(x: rest.x, y: rest.y, width: rest.width, height: height))
            rest = rest.inset(top: min(height + 1, rest.height))
        }
        for split in report.splits where !rest.isEmpty {
            var heading = [options.name(split.node, split.label), "baseline \(split.baseline)"]
            if split.sampleRatio.isMismatch { heading.append("SRM: \(split.sampleRatio.message)") }
            rest = flow(
                heading, role: split.sampleRatio.isMismatch ? .warning : .title, in: rest, frame: &frame)
            let tableHeight = max(0, min(split.paths.count + 2, rest.height))
            FittedTable(
                columns: [
                    .init(title: "Path", alignment: .leading, priority: 9),
                    .init(title: "Leads", priority: 8),
                    .init(title: "Conv", priority: 7), .init(title: "Rate", priority: 6),
                    .init(title: "Lift", priority: 5), .init(title: "95% CI", priority: 2),
                    .init(title: "p", priority: 4),
                ],
                rows: split.paths.map(pathCells)
            ).render(in: Rect(x: rest.x, y: rest.y, width: rest.width, height: tableHeight), frame: &frame)
            rest = rest.inset(top: tableHeight)
            for path in split.paths {
                guard let verdict = path.verdict else { continue }
                rest = flow(
                    [verdict], role: path.comparison?.isSignificant == true ? .success : .muted, in: rest,
                    frame: &frame)
            }
            rest = rest.inset(top: min(1, rest.height))
        }
    }

    static func pathCells(_ path: SplitPathRow) -> [String] {
        let test = path.comparison
        let ci = test.map {
            String(format: "%+.1f to %+.1f", $0.lower95 * 100, $0.upper95 * 100)
        }
        return [
            path.path + (path.isHoldout ? " (holdout)" : ""), ReportFormat.count(path.leads),
            ReportFormat.count(path.conversions), ReportFormat.percent(path.rate),
            test.map { ReportFormat.points($0.difference) } ?? "—", ci ?? "—",
            test?.pValue.map(TwoProportionTest.pText) ?? "—",
        ]
    }

    static func health(_ report: RunReport, in area: Rect, frame: inout Frame) {
        let run = report.run
        let health = report.health
        var rest = area
        if DisplayWidth.of("Status \(run.state)  success \(ReportFormat.percent(health.successRate))")
            <= area.width
        {
            frame.render(
                Line([
                    Span("Status ", role: .muted),
                    Span(run.state, role: ["completed", "live"].contains(run.state) ? .success : .warning),
                    Span("  success ", role: .muted), Span(ReportFormat.percent(health.successRate)),
                ]), in: area.row(0))
            rest = area.inset(top: 1)
        } else {
            // Too narrow for one line: the two figures wrap whole.
            rest = flow(
                ["status \(run.state)", "success \(ReportFormat.percent(health.successRate))"], in: rest,
                frame: &frame)
        }
        rest = flow(
            ["engine \(run.engineVersion)", "seed \(run.seed)", "mode \(run.mode)"], in: rest, frame: &frame)
        let statuses = ["completed", "converted", "exited", "halted", "failed", "active"]
        rest = flow(
            statuses.map { "\($0) \(ReportFormat.count(health.byStatus[$0] ?? 0))" }, in: rest, frame: &frame)
        guard !health.haltedAndFailed.isEmpty else {
            return empty("No execution halted or failed.", in: rest, frame: &frame)
        }
        flow(
            health.haltedAndFailed.map { "\($0.status) \($0.reason) \(ReportFormat.count($0.executions))" },
            role: .error, in: rest, frame: &frame, separator: "\n")
    }
}
