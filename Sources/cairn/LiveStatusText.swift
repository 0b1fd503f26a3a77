import Analytics
import Foundation
import Workspace

/// `cairn live status` as text: the lease first, then a block per journey version.
enum LiveStatusText {
    static func render(_ status: LiveStatus) -> String {
        var lines = [lease(status.lease)]
        if status.journeys.isEmpty {
            lines.append("no journey runs live yet (activate one, then run cairn serve)")
        }
        for journey in status.journeys {
            lines.append("")
            lines += block(journey, now: status.generatedAt)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func lease(_ lease: LiveStatus.Lease?) -> String {
        guard let lease else {
            return "automation: not running (no process holds the lease; start cairn serve)"
        }
        let age = seconds(lease.heartbeatAgeSeconds)
        let stale = lease.heartbeatAgeSeconds > 8 ? " (stale: its process seems to have stopped)" : ""
        return
            "automation: pid \(lease.pid) on \(lease.host), heartbeat \(age) ago\(stale) [holder \(lease.holder)]"
    }

    static func block(_ journey: LiveStatus.Journey, now: Double) -> [String] {
        let state =
            journey.state == "paused" ? "PAUSED" + (journey.reason.map { ": \($0)" } ?? "") : "running"
        let nodes = journey.inFlight.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        let outbox = journey.outbox.sorted { order($0.key) < order($1.key) }.map { "\($0.value) \($0.key)" }
        var due = ""
        if let next = journey.nextDueAt {
            due =
                ", next due " + EpochSeconds.format(Int64(next.rounded(.down)))
                + (next > now ? " (in \(seconds(next - now)))" : " (overdue)")
        }
        let rate =
            journey.successRate.map {
                String(format: "%.1f%%", $0 * 100)
                    + " (\(journey.executionsSucceeded) of \(journey.executionsEnded) ended)"
            } ?? "- (no execution ended yet)"
        let handoffs =
            journey.handoffP50Seconds.map { p50 in
                "p50 \(seconds(p50)), p90 \(seconds(journey.handoffP90Seconds ?? p50)) (\(journey.handoffsAssigned) assigned)"
            } ?? "- (no handoff assigned yet)"
        return [
            "\(journey.journey) v\(journey.version) (run \(journey.run)\(journey.active ? ", active" : "")): \(state)",
            "  in flight:         \(journey.inFlightTotal)"
                + (nodes.isEmpty ? "" : " (\(nodes.joined(separator: ", ")))"),
            "  waiting timers:    \(journey.waitingTimers)\(due)",
            "  outbox:            \(outbox.joined(separator: ", "))",
            "  last hour:         \(journey.deliveredLastHour) delivered, \(journey.failedLastHour) failed",
            "  success rate:      \(rate)",
            "  handoff time:      \(handoffs)",
        ]
    }

    static func order(_ state: String) -> Int {
        OutboxState.allCases.firstIndex { $0.rawValue == state } ?? OutboxState.allCases.count
    }

    /// `3s`, `1.5s`, `2m 05s`, `3h 02m`.
    static func seconds(_ value: Double) -> String {
        if value < 60 {
            let rounded = (value * 10).rounded() / 10
            return rounded == rounded.rounded() ? "\(Int(rounded))s" : String(format: "%.1fs", rounded)
        }
        let whole = Int(value.rounded())
        if whole < 3600 { return String(format: "%dm %02ds", whole / 60, whole % 60) }
        return String(format: "%dh %02dm", whole / 3600, whole % 3600 / 60)
    }
}
