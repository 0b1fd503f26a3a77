import JourneyModel
import Workspace

/// A live run over a date range as text and CSV; JSON is the `RunWindowReport` itself.
public enum WindowRenderer {
    public static func text(_ report: RunWindowReport) -> String {
        let run = report.run
        let range =
            "\(ISODate.format(epochSeconds: report.from)) to \(ISODate.format(epochSeconds: report.to))"
        let rate = RunReportBuilder.share(report.conversions, report.entries)
        let conversions =
            report.hasGoal
            ? "\(ReportFormat.count(report.conversions)) conversions (\(ReportFormat.percent(rate)) of entries)"
            : "no goal (conversions not measured)"
        let finished = report.ended.values.reduce(0, +)
        var sections = [
            """
            Run \(run.id) — \(run.journey) v\(run.version), live, from \(range) (to excluded)
            \(ReportFormat.count(report.entries)) entries, \(conversions), \(ReportFormat.count(finished)) ended, execution success \(ReportFormat.percent(report.successRate))
            """
        ]
        var reached = TextTable(header: ["node", "reached", "of entries"])
        reached.rows = report.reached.map {
            [$0.label, ReportFormat.count($0.leads), ReportFormat.percent($0.rateFromEntry)]
        }
        sections.append("REACHED (first arrivals in the range, in flow order)\n" + reached.render())
        var channels = TextTable(header: ["channel", "sent", "suppressed", "deferred", "opened", "clicked"])
        channels.rows = report.channels.map {
            [$0.channel]
                + [$0.sent, $0.suppressed, $0.deferred, $0.opened, $0.clicked].map(ReportFormat.count)
        }
        sections.append("CHANNELS (messages asked for in the range)\n" + channels.render())
        sections.append(
            "HANDOFFS\n  \(ReportFormat.count(report.handoffs)) asked for, \(ReportFormat.count(report.handoffsAssigned)) assigned; "
                + "within 30s \(ReportFormat.percent(report.handoffsWithin30Seconds)) of all")
        return sections.joined(separator: "\n\n") + "\n"
    }

    public static func csv(_ report: RunWindowReport) -> String {
        let tables: [[[String]]] = [
            [
                [
                    "section", "run", "from", "to", "entries", "conversions", "ended", "success_rate",
                    "handoffs",
                    "handoffs_assigned", "handoffs_within_30s",
                ],
                [
                    "window", "\(report.run.id)", "\(report.from)", "\(report.to)", "\(report.entries)",
                    report.hasGoal ? "\(report.conversions)" : "", "\(report.ended.values.reduce(0, +))",
                    ReportCSVRenderer.number(report.successRate), "\(report.handoffs)",
                    "\(report.handoffsAssigned)",
                    ReportCSVRenderer.number(report.handoffsWithin30Seconds),
                ],
            ],
            [["section", "node", "label", "reached", "rate_from_entry"]]
                + report.reached.map {
                    ["reached", $0.node, $0.label, "\($0.leads)", ReportCSVRenderer.number($0.rateFromEntry)]
                },
            [["section", "channel", "sent", "suppressed", "deferred", "opened", "clicked"]]
                + report.channels.map {
                    ["channels", $0.channel]
                        + [$0.sent, $0.suppressed, $0.deferred, $0.opened, $0.clicked].map { "\($0)" }
                },
        ]
        return tables.map { $0.map(ReportCSVRenderer.line).joined(separator: "\n") }.joined(separator: "\n\n")
            + "\n"
    }
}
