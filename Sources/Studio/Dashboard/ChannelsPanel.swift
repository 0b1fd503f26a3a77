import Analytics
import TerminalUI

/// The channels panel: what was sent, deferred and suppressed per channel, then the responses
/// with their rates per message sent. Columns keep their figures whole; the least needed go
/// first when the panel is narrow.
enum ChannelsPanel {
    static func render(_ report: RunReport, in area: Rect, frame: inout Frame) {
        guard !report.channels.isEmpty else {
            return DashboardPanels.empty("No message was sent.", in: area, frame: &frame)
        }
        let height = report.channels.count + 2
        let parts = Layout.vertical([.length(height), .length(1), .fill(1)]).split(area)
        FittedTable(
            columns: [
                .init(title: "Channel", alignment: .leading, priority: 9), .init(title: "Sent", priority: 8),
                .init(title: "Deferred", priority: 6),
                .init(title: "Suppressed", alignment: .leading, priority: 7),
            ],
            rows: report.channels.map { channel in
                let suppressed = channel.suppressed.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map {
                    "\($0.key.replacingOccurrences(of: "_", with: " ")) \(ReportFormat.count($0.value))"
                }
                return [
                    channel.channel, ReportFormat.count(channel.sent), ReportFormat.count(channel.deferred),
                    suppressed.isEmpty ? "—" : suppressed.joined(separator: ", "),
                ]
            }
        ).render(in: parts[0], frame: &frame)
        FittedTable(
            columns: [
                .init(title: "Responses", alignment: .leading, priority: 9),
                .init(title: "Opened", priority: 7),
                .init(title: "Clicked", priority: 6), .init(title: "Replied", priority: 4),
                .init(title: "Converted", priority: 8), .init(title: "Unsub", priority: 5),
            ],
            rows: report.channels.map { channel in
                func figure(_ count: Int) -> String {
                    "\(ReportFormat.count(count)) \(ReportFormat.percent(channel.rate(count)))"
                }
                return [
                    channel.channel, figure(channel.opened), figure(channel.clicked), figure(channel.replied),
                    figure(channel.converted), ReportFormat.count(channel.unsubscribed),
                ]
            }
        ).render(in: parts[2], frame: &frame)
    }
}
