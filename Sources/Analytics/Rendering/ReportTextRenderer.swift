import Workspace

/// The report as text for a terminal: a heading per section, aligned tables, bars.
public enum ReportTextRenderer {
    public static func render(_ report: RunReport) -> String {
        var sections = [heading(report)]
        sections.append("SUMMARY\n" + wrapped(report.summary.joined(separator: " "), width: 78))
        sections.append(funnel(report.funnel))
        sections.append(allPaths(report.funnel))
        sections.append(dropoff(report.dropoff))
        sections.append(timeInStage(report.timeInStage))
        sections.append(splits(report.splits, unreached: report.unreachedSplits))
        sections.append(channels(report.channels))
        sections.append(handoffs(report.handoffs))
        sections.append(health(report.health))
        return sections.joined(separator: "\n\n") + "\n"
    }

    static func heading(_ report: RunReport) -> String {
        let run = report.run
        // A live run has no seed, and its status is that it runs.
        let how = run.isLive ? "" : " (seed \(run.seed), \(run.mode))"
        let entry = (report.entry?.lines ?? []).map { "\n" + $0 }.joined()
        return """
            Run \(run.id) — \(run.journey) v\(run.version) on cohort \(run.cohort)\(how): \(run.stateText)
            \(ReportFormat.count(run.leads)) leads, \(ReportFormat.count(run.entries)) entries, \(conversions(report)), execution success \(ReportFormat.percent(report.health.successRate))
            """ + entry
    }

    /// `61 conversions (3.0%)`, or that the journey has no goal to convert at.
    public static func conversions(_ report: RunReport) -> String {
        guard report.hasGoal else { return "no goal (conversions not measured)" }
        let rate = RunReportBuilder.share(report.run.conversions, report.run.entries)
        return "\(ReportFormat.count(report.run.conversions)) conversions (\(ReportFormat.percent(rate)))"
    }

    /// Words on lines of at most `width` columns, indented by two spaces.
    static func wrapped(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        return (lines + [line]).map { "  " + $0 }.joined(separator: "\n")
    }

    static func funnel(_ funnel: Funnel) -> String {
        var table = TextTable(header: ["stage", "leads", "from prev", "from entry", ""])
        table.leftAligned = [0, 4]
        let top = Double(funnel.stages.map(\.leads).max() ?? 0)
        for stage in funnel.stages {
            table.rows.append([
                stage.label, ReportFormat.count(stage.leads), ReportFormat.percent(stage.rateFromPrevious),
                ReportFormat.percent(stage.rateFromEntry),
                ReportFormat.bar(Double(stage.leads), of: top, width: 24),
            ])
        }
        return "FUNNEL (\(funnel.basis))\n" + wrapped("counts " + funnel.counts, width: 78) + "\n"
            + (funnel.stages.isEmpty ? "  no stages reached" : table.render())
    }

    static func allPaths(_ funnel: Funnel) -> String {
        var table = TextTable(header: ["node", "leads", "from entry"])
        table.rows = funnel.allPaths.map {
            [$0.label, ReportFormat.count($0.leads), ReportFormat.percent($0.rateFromEntry)]
        }
        return "ALL PATHS (leads reaching each node by any path, in flow order)\n"
            + (funnel.allPaths.isEmpty ? "  no node reached" : table.render())
    }

    static func dropoff(_ rows: [DropoffRow]) -> String {
        guard !rows.isEmpty else { return "DROP-OFF\n  nobody stopped short" }
        var table = TextTable(header: ["node", "reason", "leads", "of entries"])
        table.leftAligned = [0, 1]
        for row in rows {
            table.rows.append([
                row.label, row.reason.replacingOccurrences(of: "_", with: " "), ReportFormat.count(row.leads),
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
                row.label, ReportFormat.count(d.count), ReportFormat.duration(d.mean),
                ReportFormat.duration(d.p50),
                ReportFormat.duration(d.p90), ReportFormat.duration(d.p99), ReportFormat.duration(d.max),
            ])
        }
        return "TIME IN STAGE (in flow order; nearest-rank percentiles)\n" + table.render()
    }

    /// Each split's table; before them, a note per split nobody reached (the journey has it).
    static func splits(_ splits: [SplitReport], unreached: [String] = []) -> String {
        let notes = unreached.map { wrapped($0, width: 78) }
        guard !splits.isEmpty || !notes.isEmpty else { return "A/B TESTS\n  no splits in this journey" }
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
            return ([split.label, table.render()] + verdicts + [warning + split.sampleRatio.message])
                .joined(separator: "\n")
        }
        return "A/B TESTS\n" + (notes + blocks).joined(separator: "\n\n")
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
            "  \(ReportFormat.count(report.total)) handoffs: \(ReportFormat.count(report.assigned)) assigned, \(ReportFormat.count(report.unassigned)) never assigned",
            "  assigned within 30s: \(ReportFormat.percent(report.within30Seconds)) of all handoffs (\(ReportFormat.percent(report.within30SecondsOfAssigned)) of those assigned)",
            "  queue wait of the assigned: mean \(ReportFormat.duration(report.queueWaitMean)), p50 \(ReportFormat.duration(report.queueWaitP50)), p90 \(ReportFormat.duration(report.queueWaitP90))",
        ]
        if let warning = report.warning { lines.append("  ⚠ " + warning) }
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
