import Workspace

/// A journey's trend over its last runs as text (a table with a bar per run's conversions) and
/// as CSV; JSON is the `RunTrend` itself.
public enum TrendRenderer {
    public static func text(_ trend: RunTrend) -> String {
        var table = TextTable(header: [
            "run", "version", "cohort", "mode", "entries", "conv", "rate", "success", "",
        ])
        table.leftAligned = [0, 2, 3, 8]
        let top = Double(trend.runs.map(\.conversions).max() ?? 0)
        for point in trend.runs {
            table.rows.append([
                "#\(point.run)", "v\(point.version)", point.cohort, point.mode,
                ReportFormat.count(point.entries),
                trend.hasGoal ? ReportFormat.count(point.conversions) : "—",
                trend.hasGoal ? ReportFormat.percent(point.conversionRate) : "—",
                ReportFormat.percent(point.successRate),
                trend.hasGoal ? ReportFormat.bar(Double(point.conversions), of: top, width: 16) : "",
            ])
        }
        let goal = trend.hasGoal ? "" : " (no goal: conversions not measured)"
        return "TREND — \(trend.journey), last \(trend.runs.count) runs, oldest first\(goal)\n"
            + table.render() + "\n"
    }

    public static func csv(_ trend: RunTrend) -> String {
        let header = [
            "section", "run", "journey", "version", "cohort", "mode", "status", "started_at", "entries",
            "conversions",
            "conversion_rate", "success_rate",
        ]
        let rows = trend.runs.map { point in
            [
                "trend", "\(point.run)", trend.journey, "\(point.version)", point.cohort, point.mode,
                point.status,
                "\(point.startedAt)", "\(point.entries)", trend.hasGoal ? "\(point.conversions)" : "",
                trend.hasGoal ? ReportCSVRenderer.number(point.conversionRate) : "",
                ReportCSVRenderer.number(point.successRate),
            ]
        }
        return ([header] + rows).map(ReportCSVRenderer.line).joined(separator: "\n") + "\n"
    }
}
