import Analytics
import TerminalUI

/// The trend panel: the journey's last runs up to the one shown, oldest first, as many of the
/// latest as fit (`cairn report --trend`'s model and figures: entries, conversions, their rate
/// and execution success per run). Columns keep their figures whole.
enum TrendPanel {
    static func render(_ trend: RunTrend?, in area: Rect, frame: inout Frame) {
        guard let trend, !trend.runs.isEmpty else {
            return DashboardPanels.empty(
                "No run of this journey to compare over time.", in: area, frame: &frame)
        }
        var heading =
            trend.runs.count == 1
            ? "the only run of \(trend.journey) so far"
            : "runs of \(trend.journey) up to this one, oldest first"
        if !trend.hasGoal { heading += "; no goal: conversions not measured" }
        // Word by word, so a narrow panel wraps the line instead of leaving it out.
        let rest = DashboardPanels.flow(
            heading.split(separator: " ").map(String.init), in: area, frame: &frame, maxLines: 3,
            separator: " ")
        let runs = Array(trend.runs.suffix(max(1, rest.height - 2)))
        FittedTable(
            columns: [
                .init(title: "Run", alignment: .leading, priority: 9), .init(title: "Ver", priority: 3),
                .init(title: "Cohort", alignment: .leading, priority: 2),
                .init(title: "Mode", alignment: .leading, priority: 1),
                .init(title: "Entries", priority: 8), .init(title: "Conv", priority: 6),
                .init(title: "Rate", priority: 7), .init(title: "Success", priority: 5),
            ],
            rows: runs.map { point in
                [
                    "#\(point.run)", "v\(point.version)", point.cohort, point.mode,
                    ReportFormat.count(point.entries),
                    trend.hasGoal ? ReportFormat.count(point.conversions) : "—",
                    trend.hasGoal ? ReportFormat.percent(point.conversionRate) : "—",
                    ReportFormat.percent(point.successRate),
                ]
            }
        ).render(in: rest, frame: &frame)
    }
}
