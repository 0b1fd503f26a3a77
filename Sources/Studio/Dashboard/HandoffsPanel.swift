import Analytics
import TerminalUI

/// The handoffs panel: how many were assigned and how many never were, the share assigned
/// within 30 s of *all* handoffs (the plan's target; of the assigned ones beside it), the queue
/// waits of the assigned, a warning when the queue had not drained, then counts by reason, by
/// route and by agent — as many of those tables as fit side by side, widest figures whole.
enum HandoffsPanel {
    static func render(_ handoffs: HandoffReport, in area: Rect, frame: inout Frame) {
        guard handoffs.total > 0 else {
            return DashboardPanels.empty("No lead was handed to an agent.", in: area, frame: &frame)
        }
        var rest = DashboardPanels.flow(
            [
                "\(ReportFormat.count(handoffs.total)) handoffs",
                "\(ReportFormat.count(handoffs.assigned)) assigned",
                "\(ReportFormat.count(handoffs.unassigned)) never assigned",
                "within 30s \(ReportFormat.percent(handoffs.within30Seconds)) of all "
                    + "(\(ReportFormat.percent(handoffs.within30SecondsOfAssigned)) of assigned)",
                "queue wait p50 \(ReportFormat.duration(handoffs.queueWaitP50)), "
                    + "p90 \(ReportFormat.duration(handoffs.queueWaitP90))",
            ], in: area, frame: &frame)
        if let warning = handoffs.warning {
            rest = DashboardPanels.flow(["⚠ " + warning], role: .warning, in: rest, frame: &frame)
        }
        tables(handoffs, in: rest, frame: &frame)
    }

    /// By reason, by route, by agent: each as wide as its content, left to right while they fit.
    static func tables(_ handoffs: HandoffReport, in area: Rect, frame: inout Frame) {
        var x = area.x
        for (title, counts) in [
            ("Reason", handoffs.byReason), ("Route", handoffs.byRoute), ("Agent", handoffs.agentLoad),
        ] where !counts.isEmpty {
            let table = FittedTable(
                columns: [
                    .init(title: title, alignment: .leading, priority: 9), .init(title: "n", priority: 8),
                ],
                rows: counts.map { [$0.key, ReportFormat.count($0.handoffs)] }, nameWidth: 40)
            let scroll = counts.count > area.height - 2 ? 1 : 0
            let width =
                table.layout(in: Rect(x: 0, y: 0, width: 1000, height: area.height)).map(\.width)
                .reduce(1, +) + scroll
            // A table that does not fit whole is left out rather than cut.
            guard x + width <= area.maxX else { break }
            table.render(in: Rect(x: x, y: area.y, width: width, height: area.height), frame: &frame)
            x += width + 2
        }
    }
}
