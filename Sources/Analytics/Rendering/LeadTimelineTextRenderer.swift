import Foundation

/// A lead's timeline as text: each step with its time, decisions with their reasons, messages
/// with their fate, handoffs with where they went.
public enum LeadTimelineTextRenderer {
    public static func render(_ timeline: LeadTimeline) -> String {
        // Run 0 is a test replay, which stores no run.
        let source = timeline.run == 0 ? "a test replay" : "run \(timeline.run)"
        var lines = ["Lead \(timeline.lead) in \(source)"]
        for execution in timeline.executions {
            lines.append("")
            let ended = execution.completedAt.map { " → \(time($0))" } ?? ""
            let reason = execution.reason.map { " (\($0))" } ?? ""
            lines.append(
                "entry \(execution.rotation): \(time(execution.startedAt))\(ended) — \(execution.status)\(reason)"
            )
            // Each message under the stay that sent it; handoffs at their time.
            var unsent = Array(execution.messages.enumerated())
            var events: [(Int64, Int, String)] = []
            for (order, stay) in execution.stays.enumerated() {
                let next = stay.next.map { " → \($0)" } ?? ""
                let left = stay.exitedAt.map { "left \(time($0))" } ?? "still there"
                var text = "  \(time(stay.enteredAt))  \(stay.node)  [\(stay.outcome ?? "")\(next)], \(left)"
                for leaf in stay.explanation {
                    text +=
                        "\n      \(leaf.field) \(leaf.op): expected \(leaf.expected), actual \(leaf.actual) → "
                        + (leaf.matched ? "yes" : "no")
                }
                let sent = unsent.filter {
                    $0.element.node == stay.node && $0.element.requestedAt >= stay.enteredAt
                        && $0.element.requestedAt <= (stay.exitedAt ?? .max)
                }
                unsent.removeAll { m in sent.contains { $0.offset == m.offset } }
                for (_, m) in sent { text += "\n      " + message(m) }
                events.append((stay.enteredAt, order, text))
            }
            for (order, m) in unsent {
                events.append((m.requestedAt, order, "  \(time(m.requestedAt))  " + message(m)))
            }
            for (order, h) in execution.handoffs.enumerated() {
                let wait =
                    h.queueWaitSeconds.map { ", waited \(ReportFormat.duration(Int($0)))" }
                    ?? ", not assigned"
                let line =
                    "  \(time(h.createdAt))  handoff \(h.from ?? "(none)") → \(h.to ?? "(queue)"): \(h.reason)\(wait)"
                events.append((h.createdAt, execution.stays.count + order, line))
            }
            lines += events.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `email 'welcome': sent, opened 2026-06-01 09:45`.
    static func message(_ m: LeadTimeline.Message) -> String {
        var fate = m.status + (m.reason.map { " (\($0))" } ?? "")
        for (word, at) in [
            ("opened", m.openedAt), ("clicked", m.clickedAt), ("replied", m.repliedAt),
            ("unsubscribed", m.unsubscribedAt),
        ] {
            if let at { fate += ", \(word) \(time(at))" }
        }
        return "\(m.channel) '\(m.template ?? "")': \(fate)"
    }

    /// `2026-06-01 09:30` in UTC.
    static func time(_ seconds: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
