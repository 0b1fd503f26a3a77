import Workspace

/// The report as text for a terminal: a heading per section, aligned tables, bars.
public enum ReportTextRenderer {
    public static func render(_ report: RunReport) -> String {
        var sections = [heading(report.run, health: report.health)]
        sections.append(funnel(report.funnel))
        sections.append(dropoff(report.dropoff))
        sections.append(timeInStage(report.timeInStage))
        sections.append(splits(report.splits))
        sections.append(channels(report.channels))
        sections.append(handoffs(report.handoffs))
        sections.append(health(report.health))
        return sections.joined(separator: "\n\n") + "\n"
    }

    static func heading(_ run: RunInfo, health: RunHealth) -> String {
        let rate = RunReportBuilder.share(run.conversions, run.entries)
        // A live run has no seed, and its status is that it runs.
        let how = run.isLive ? "" : " (seed \(run.seed), \(run.mode))"
        return """
            Run \(run.id) — \(run.journey) v\(run.version) on cohort \(run.cohort)\(how): \(run.stateText)
            \(ReportFormat.count(run.leads)) leads, \(ReportFormat.count(run.entries)) entries, \(ReportFormat.count(run.conversions)) conversions (\(ReportFormat.percent(rate))), execution success \(ReportFormat.percent(health.successRate))
            """
    }

    static func funnel(_ funnel: Funnel) -> String {
        var table = TextTable(header: ["stage", "leads", "from prev", "from entry", ""])
        table.leftAligned = [0, 4]
        let top = Double(funnel.stages.map(\.leads).max() ?? 0)
        for stage in funnel.stages {
            table.rows.append([
                stage.node, ReportFormat.count(stage.leads), ReportFormat.percent(stage.rateFromPrevious),
                ReportFormat.percent(stage.rateFromEntry),
                ReportFormat.bar(Double(stage.leads), of: top, width: 24),
            ])
        }
        return "FUNNEL (\(funnel.basis))\n" + (funnel.stages.isEmpty ? "  no stages reached" : table.render())
    }

    static func dropoff(_ rows: [DropoffRow]) -> String {
        guard !rows.isEmpty else { return "DROP-OFF\n  nobody stopped short" }
        var table = TextTable(header: ["node", "reason", "leads", "of entries"])
        table.leftAligned = [0, 1]
        for row in rows {
            table.rows.append([
                row.node, row.reason.replacingOccurrences(of: "_", with: " "), ReportFormat.count(row.leads),
                ReportFormat.percent(row.shareOfEntries),
            ])
        }
        return "DROP-OFF\n" + table.render()
    }

    static func timeInStage(_ rows: [StageTime]) -> String {
        guard !rows.isEmpty else { return "TIME IN STAGE\n  no completed stays" }
        var table = TextTable(header: ["node", "stays", "mean", "p50", "p90", "p99", "max"])
        for row in rows {
            let d = row.dwell
            table.rows.append([
                row.node, ReportFormat.count(d.count), ReportFormat.duration(d.mean),
                ReportFormat.duration(d.p50),
                ReportFormat.duration(d.p90), ReportFormat.duration(d.p99), ReportFormat.duration(d.max),
            ])
        }
        return "TIME IN STAGE (nearest-rank percentiles)\n" + table.render()
    }

    static func splits(_ splits: [SplitReport]) -> String {
        guard !splits.isEmpty else { return "A/B TESTS\n  no splits in this journey" }
        let blocks = splits.map { split -> String in
            var table = TextTable(header: ["path", "weight", "leads", "conv", "rate", "lift", "95% CI", "p"])
            for path in split.paths {
                let c = path.comparison
                table.rows.append([
                    path.path + (path.isHoldout ? " (holdout)" : ""), "\(Int(path.weight))%",
                    ReportFormat.count(path.leads), ReportFormat.count(path.conversions),
                    ReportFormat.percent(path.rate),
                    c.map { ReportFormat.points($0.difference) } ?? "baseline",
                    c.map { "\(ReportFormat.points($0.lower95)) to \(ReportFormat.points($0.upper95))" }
                        ?? "",
                    c?.pValue.map(TwoProportionTest.pText) ?? "",
                ])
            }
            // Verdicts on lines of their own keep the table inside 80 columns.
            let verdicts = split.paths.compactMap { path in path.verdict.map { "  \(path.path): \($0)" } }
            let warning = split.sampleRatio.isMismatch ? "  ⚠ " : "  "
            return ([split.node, table.render()] + verdicts + [warning + split.sampleRatio.message])
                .joined(separator: "\n")
        }
        return "A/B TESTS\n" + blocks.joined(separator: "\n\n")
    }

    static func channels(_ rows: [ChannelRow]) -> String {
        guard !rows.isEmpty else { return "CHANNELS\n  no messages" }
        var delivery = TextTable(header: [
            "channel", "sent", "deferred", "no consent", "capped", "quiet", "unsub'd",
        ])
        var responses = TextTable(header: [
            "channel", "opened", "clicked", "replied", "converted", "unsubscribed",
        ])
        for row in rows {
            func rated(_ n: Int) -> String { "\(ReportFormat.count(n)) \(ReportFormat.percent(row.rate(n)))" }
            delivery.rows.append(
                [row.channel, ReportFormat.count(row.sent), ReportFormat.count(row.deferred)]
                    + ["consent", "frequency_cap", "quiet_hours", "unsubscribed"].map {
                        ReportFormat.count(row.suppressed[$0] ?? 0)
                    })
            responses.rows.append(
                [
                    row.channel, rated(row.opened), rated(row.clicked), rated(row.replied),
                    rated(row.converted),
                ]
                    + [rated(row.unsubscribed)])
        }
        return "CHANNELS (messages suppressed by reason)\n" + delivery.render()
            + "\n\n  responses, per message sent\n" + responses.render()
    }

    static func handoffs(_ report: HandoffReport) -> String {
        guard report.total > 0 else { return "HANDOFFS\n  none" }
        var lines = [
            "HANDOFFS",
            "  \(ReportFormat.count(report.total)) handoffs; queue wait mean \(ReportFormat.duration(report.queueWaitMean)), p50 \(ReportFormat.duration(report.queueWaitP50)), p90 \(ReportFormat.duration(report.queueWaitP90)); within 30s: \(ReportFormat.percent(report.within30Seconds))",
        ]
        for (title, counts) in [
            ("by reason", report.byReason), ("by route", report.byRoute), ("agent load", report.agentLoad),
        ]
        where !counts.isEmpty {
            var table = TextTable(header: [title, "handoffs"])
            table.rows = counts.map { [$0.key, ReportFormat.count($0.handoffs)] }
            lines.append(table.render())
        }
        return lines.joined(separator: "\n")
    }

    static func health(_ health: RunHealth) -> String {
        let statuses = ["completed", "converted", "exited", "halted", "failed", "active"]
        var lines = [
            "RUN HEALTH",
            "  execution success \(ReportFormat.percent(health.successRate)) of \(ReportFormat.count(health.executions - health.active)) finished executions; \(ReportFormat.count(health.active)) still active",
            "  "
                + statuses.map { "\($0) \(ReportFormat.count(health.byStatus[$0] ?? 0))" }.joined(
                    separator: " · "),
        ]
        if !health.haltedAndFailed.isEmpty {
            var table = TextTable(header: ["status", "reason", "executions"])
            table.leftAligned = [0, 1]
            table.rows = health.haltedAndFailed.map {
                [$0.status, $0.reason, ReportFormat.count($0.executions)]
            }
            lines.append(table.render())
        }
        return lines.joined(separator: "\n")
    }
}
