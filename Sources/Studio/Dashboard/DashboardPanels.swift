import Analytics
import TerminalUI
import Workspace

/// Draws one panel of a run's report into its area (inside the panel's border).
enum DashboardPanels {
    static func render(
        _ panel: DashboardPanel, _ report: RunReport, stage: Int, splitNotes: [String] = [], in area: Rect,
        frame: inout Frame
    ) {
        guard !area.isEmpty else { return }
        switch panel {
        case .funnel: funnel(report, in: area, frame: &frame)
        case .dropoff: dropoff(report, in: area, frame: &frame)
        case .timeInStage: timeInStage(report, stage: stage, in: area, frame: &frame)
        case .abTest: abTests(report, notes: splitNotes, in: area, frame: &frame)
        case .channels: channels(report, in: area, frame: &frame)
        case .handoffs: handoffs(report, in: area, frame: &frame)
        case .health: health(report, in: area, frame: &frame)
        }
    }

    static func empty(_ text: String, in area: Rect, frame: inout Frame) {
        frame.render(Paragraph(text, role: .muted), in: area)
    }

    /// One bar per stage of the main path: leads, and the share of entries.
    static func funnel(_ report: RunReport, in area: Rect, frame: inout Frame) {
        guard !report.funnel.stages.isEmpty else {
            return empty("No stages reached.", in: area, frame: &frame)
        }
        let rows = Layout.vertical([.length(1), .fill(1)]).split(area)
        frame.render(
            Line("\(ReportFormat.count(report.run.entries)) entries · \(report.funnel.basis)", role: .muted),
            in: rows[0])
        let bars = report.funnel.stages.map { stage in
            Bar(
                stage.node, value: Double(stage.leads),
                valueLabel: "\(ReportFormat.count(stage.leads)) \(ReportFormat.percent(stage.rateFromEntry))")
        }
        frame.render(BarChart(bars), in: rows[1])
    }

    static func dropoff(_ report: RunReport, in area: Rect, frame: inout Frame) {
        guard !report.dropoff.isEmpty else { return empty("No lead left early.", in: area, frame: &frame) }
        frame.render(
            Table(
                columns: [
                    TableColumn("Node", width: .fill(2)), TableColumn("Reason", width: .fill(2)),
                    TableColumn("Leads", width: .length(7), alignment: .trailing),
                    TableColumn("Share", width: .length(6), alignment: .trailing),
                ],
                rows: report.dropoff.map {
                    [
                        $0.node, $0.reason, ReportFormat.count($0.leads),
                        ReportFormat.percent($0.shareOfEntries),
                    ]
                }),
            in: area)
    }

    /// The p50/p90 table with the selected stage marked, and that stage's histogram beside or below.
    static func timeInStage(_ report: RunReport, stage: Int, in area: Rect, frame: inout Frame) {
        guard !report.timeInStage.isEmpty else {
            return empty("No lead stayed at a node.", in: area, frame: &frame)
        }
        let selected = min(max(0, stage), report.timeInStage.count - 1)
        let parts = timeInStageParts(in: area)
        frame.render(
            Table(
                columns: [
                    TableColumn("Stage", width: .fill(2)),
                    TableColumn("Leads", width: .length(6), alignment: .trailing),
                    TableColumn("p50", width: .length(7), alignment: .trailing),
                    TableColumn("p90", width: .length(7), alignment: .trailing),
                ],
                rows: report.timeInStage.map {
                    [
                        $0.node, ReportFormat.count($0.dwell.count), ReportFormat.duration($0.dwell.p50),
                        ReportFormat.duration($0.dwell.p90),
                    ]
                }, state: ListState(selected: selected)),
            in: parts[0])
        let chosen = report.timeInStage[selected]
        let histogram = Layout.vertical([.length(1), .fill(1)]).split(parts[1])
        frame.render(Line("\(chosen.node): time spent (j/k: stage)", role: .muted), in: histogram[0])
        frame.render(BarChart(histogramBars(chosen.histogram), orientation: .vertical), in: histogram[1])
    }

    /// The table and the histogram: side by side when there is room, else one above the other.
    static func timeInStageParts(in area: Rect) -> [Rect] {
        area.width >= 70
            ? Layout.horizontal([.fill(1), .fill(1)], spacing: 1).split(area)
            : Layout.vertical([.fill(1), .fill(1)]).split(area)
    }

    /// Every bucket, from `< 1m` to `≥ 30d`, labelled by where it starts, so stages read alike.
    static func histogramBars(_ histogram: DurationHistogram) -> [Bar] {
        histogram.buckets.map { bucket in
            let label = bucket.from == 0 ? "0" : DurationHistogram.short(bucket.from)
            return Bar(label, value: Double(bucket.count), role: .chart)
        }
    }

    /// Each split's table; `notes` say which splits exist but were not reached, and why.
    static func abTests(_ report: RunReport, notes: [String] = [], in area: Rect, frame: inout Frame) {
        guard !report.splits.isEmpty || !notes.isEmpty else {
            return empty("This journey has no split.", in: area, frame: &frame)
        }
        var y = area.y
        for note in notes where y < area.maxY {
            let height = min(Paragraph(note, role: .warning).lines(width: area.width).count, area.maxY - y)
            frame.render(
                Paragraph(note, role: .warning), in: Rect(x: area.x, y: y, width: area.width, height: height))
            y += height + 1
        }
        for split in report.splits where y < area.maxY {
            var heading = [Span(split.node, role: .title), Span(" baseline \(split.baseline)", role: .muted)]
            if split.sampleRatio.isMismatch {
                heading.append(Span("  SRM: \(split.sampleRatio.message)", role: .warning))
            }
            frame.render(Line(heading), in: Rect(x: area.x, y: y, width: area.width, height: 1))
            y += 1
            let tableHeight = min(split.paths.count + 2, area.maxY - y)
            frame.render(
                Table(
                    columns: [
                        TableColumn("Path", width: .fill(2)),
                        TableColumn("Leads", width: .length(6), alignment: .trailing),
                        TableColumn("Conv", width: .length(5), alignment: .trailing),
                        TableColumn("Rate", width: .length(6), alignment: .trailing),
                        TableColumn("Lift", width: .length(9), alignment: .trailing),
                        TableColumn("95% CI", width: .length(15), alignment: .trailing),
                        TableColumn("p", width: .length(6), alignment: .trailing),
                    ],
                    rows: split.paths.map(pathCells)),
                in: Rect(x: area.x, y: y, width: area.width, height: max(0, tableHeight)))
            y += max(0, tableHeight)
            for path in split.paths where y < area.maxY {
                guard let verdict = path.verdict else { continue }
                frame.render(
                    Line(verdict, role: path.comparison?.isSignificant == true ? .success : .muted),
                    in: Rect(x: area.x, y: y, width: area.width, height: 1))
                y += 1
            }
            y += 1
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

    static func channels(_ report: RunReport, in area: Rect, frame: inout Frame) {
        guard !report.channels.isEmpty else { return empty("No message was sent.", in: area, frame: &frame) }
        let height = report.channels.count + 2
        let parts = Layout.vertical([.length(height), .length(1), .fill(1)]).split(area)
        frame.render(
            Table(
                columns: [
                    TableColumn("Channel", width: .fill(1)),
                    TableColumn("Sent", width: .length(7), alignment: .trailing),
                    TableColumn("Deferred", width: .length(8), alignment: .trailing),
                    TableColumn("Suppressed", width: .fill(2)),
                ],
                rows: report.channels.map { channel in
                    let suppressed = channel.suppressed.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map
                    {
                        "\($0.key) \($0.value)"
                    }
                    return [
                        channel.channel, ReportFormat.count(channel.sent),
                        ReportFormat.count(channel.deferred),
                        suppressed.isEmpty ? "—" : suppressed.joined(separator: ", "),
                    ]
                }),
            in: parts[0])
        frame.render(
            Table(
                columns: [
                    TableColumn("Responses", width: .fill(1)),
                    TableColumn("Opened", width: .length(10), alignment: .trailing),
                    TableColumn("Clicked", width: .length(10), alignment: .trailing),
                    TableColumn("Replied", width: .length(10), alignment: .trailing),
                    TableColumn("Converted", width: .length(10), alignment: .trailing),
                    TableColumn("Unsub", width: .length(5), alignment: .trailing),
                ],
                rows: report.channels.map { channel in
                    func figure(_ count: Int) -> String {
                        "\(ReportFormat.count(count)) \(ReportFormat.percent(channel.rate(count)))"
                    }
                    return [
                        channel.channel, figure(channel.opened), figure(channel.clicked),
                        figure(channel.replied),
                        figure(channel.converted), ReportFormat.count(channel.unsubscribed),
                    ]
                }),
            in: parts[2])
    }

    static func handoffs(_ report: RunReport, in area: Rect, frame: inout Frame) {
        let handoffs = report.handoffs
        guard handoffs.total > 0 else {
            return empty("No lead was handed to an agent.", in: area, frame: &frame)
        }
        let rows = Layout.vertical([.length(1), .fill(1)]).split(area)
        frame.render(
            Line(
                "\(ReportFormat.count(handoffs.total)) handoffs · queue wait p50 "
                    + "\(ReportFormat.duration(handoffs.queueWaitP50)) p90 \(ReportFormat.duration(handoffs.queueWaitP90))"
                    + " · within 30s \(ReportFormat.percent(handoffs.within30Seconds))", role: .muted),
            in: rows[0])
        let columns = Layout.horizontal([.fill(1), .fill(1), .fill(1)], spacing: 1).split(rows[1])
        for (index, (title, counts)) in [
            ("Reason", handoffs.byReason), ("Route", handoffs.byRoute), ("Agent", handoffs.agentLoad),
        ].enumerated() {
            frame.render(
                Table(
                    columns: [
                        TableColumn(title, width: .fill(1)),
                        TableColumn("n", width: .length(5), alignment: .trailing),
                    ],
                    rows: counts.map { [$0.key, ReportFormat.count($0.handoffs)] }),
                in: columns[index])
        }
    }

    static func health(_ report: RunReport, in area: Rect, frame: inout Frame) {
        let run = report.run
        let health = report.health
        let statuses = ["completed", "converted", "exited", "halted", "failed", "active"]
        var lines = [
            Line([
                Span("Status ", role: .muted),
                Span(run.state, role: ["completed", "live"].contains(run.state) ? .success : .warning),
                Span("  success ", role: .muted), Span(ReportFormat.percent(health.successRate)),
            ]),
            Line([
                Span("Engine ", role: .muted), Span(run.engineVersion), Span("  seed ", role: .muted),
                Span("\(run.seed)"), Span("  mode ", role: .muted), Span(run.mode),
            ]),
        ]
        for group in [statuses.prefix(3), statuses.suffix(3)] {
            lines.append(
                Line(
                    group.map { "\($0) \(ReportFormat.count(health.byStatus[$0] ?? 0))" }.joined(
                        separator: " · "),
                    role: .muted))
        }
        if health.haltedAndFailed.isEmpty {
            lines.append(Line("No execution halted or failed.", role: .muted))
        } else {
            for reason in health.haltedAndFailed {
                lines.append(
                    Line([
                        Span("\(reason.status) ", role: .error), Span(reason.reason),
                        Span(" \(ReportFormat.count(reason.executions))", role: .muted),
                    ]))
            }
        }
        for (index, line) in lines.enumerated() where index < area.height {
            frame.render(line, in: area.row(index))
        }
    }
}
