import Foundation
import Workspace

/// The report as CSV: one table per section, separated by a blank line. The first column
/// names the section, so each table stands on its own when split out.
public enum ReportCSVRenderer {
    public static func render(_ report: RunReport) -> String {
        let tables = [
            run(report.run, hasGoal: report.hasGoal),
            [["section", "sentence"]] + report.summary.map { ["summary", $0] },
            funnel(report.funnel), allPaths(report.funnel), dropoff(report.dropoff),
            timeInStage(report.timeInStage),
            splits(report.splits), channels(report.channels), handoffs(report.handoffs),
            handoffWaits(report.handoffs), health(report.health),
        ]
        return tables.map { $0.map(line).joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    }

    /// One table: its header row, then its rows.
    typealias Table = [[String]]

    static func run(_ run: RunInfo, hasGoal: Bool) -> Table {
        [
            [
                "section", "run", "journey", "version", "cohort", "seed", "mode", "status", "leads",
                "entries",
                "conversions", "has_goal",
            ],
            [
                "run", "\(run.id)", run.journey, "\(run.version)", run.cohort, "\(run.seed)", run.mode,
                run.status,
                "\(run.leads)", "\(run.entries)", "\(run.conversions)", hasGoal ? "1" : "0",
            ],
        ]
    }

    static func funnel(_ funnel: Funnel) -> Table {
        [["section", "stage", "label", "leads", "rate_from_previous", "rate_from_entry"]]
            + funnel.stages.map {
                [
                    "funnel", $0.node, $0.label, "\($0.leads)", number($0.rateFromPrevious),
                    number($0.rateFromEntry),
                ]
            }
    }

    /// Every node reached by any path, in flow order.
    static func allPaths(_ funnel: Funnel) -> Table {
        [["section", "node", "label", "leads", "rate_from_entry"]]
            + funnel.allPaths.map {
                ["funnel_all_paths", $0.node, $0.label, "\($0.leads)", number($0.rateFromEntry)]
            }
    }

    static func dropoff(_ rows: [DropoffRow]) -> Table {
        [["section", "node", "label", "reason", "leads", "share_of_entries"]]
            + rows.map {
                ["dropoff", $0.node, $0.label, $0.reason, "\($0.leads)", number($0.shareOfEntries)]
            }
    }

    static func timeInStage(_ stages: [StageTime]) -> Table {
        [
            [
                "section", "node", "label", "stays", "mean_seconds", "p50_seconds", "p90_seconds",
                "p99_seconds",
                "max_seconds",
            ]
        ]
            + stages.map {
                let d = $0.dwell
                return [
                    "time_in_stage", $0.node, $0.label, "\(d.count)", number(d.mean), int(d.p50), int(d.p90),
                    int(d.p99),
                    int(d.max),
                ]
            }
    }

    static func splits(_ splits: [SplitReport]) -> Table {
        [
            [
                "section", "split", "label", "path", "holdout", "weight", "leads", "conversions", "rate",
                "difference",
                "lower_95", "upper_95", "p_value", "verdict", "sample_ratio_p", "sample_ratio_mismatch",
            ]
        ]
            + splits.flatMap { split in
                split.paths.map { p in
                    let c = p.comparison
                    return [
                        "ab", split.node, split.label, p.path, p.isHoldout ? "1" : "0", number(p.weight),
                        "\(p.leads)",
                        "\(p.conversions)", number(p.rate), number(c?.difference), number(c?.lower95),
                        number(c?.upper95), number(c?.pValue), p.verdict ?? "",
                        number(split.sampleRatio.test?.pValue), split.sampleRatio.isMismatch ? "1" : "0",
                    ]
                }
            }
    }

    static func channels(_ channels: [ChannelRow]) -> Table {
        let suppressions = ["consent", "frequency_cap", "quiet_hours", "unsubscribed"]
        return [
            ["section", "channel", "sent", "deferred"] + suppressions.map { "suppressed_" + $0 }
                + ["opened", "clicked", "replied", "converted", "unsubscribed"]
        ]
            + channels.map { c in
                ["channels", c.channel, "\(c.sent)", "\(c.deferred)"]
                    + suppressions.map { "\(c.suppressed[$0] ?? 0)" }
                    + ["\(c.opened)", "\(c.clicked)", "\(c.replied)", "\(c.converted)", "\(c.unsubscribed)"]
            }
    }

    static func handoffs(_ h: HandoffReport) -> Table {
        [["section", "kind", "key", "handoffs"]]
            + h.byReason.map { ["handoffs", "reason", $0.key, "\($0.handoffs)"] }
            + h.byRoute.map { ["handoffs", "route", $0.key, "\($0.handoffs)"] }
            + h.agentLoad.map { ["handoffs", "agent", $0.key, "\($0.handoffs)"] }
    }

    static func handoffWaits(_ h: HandoffReport) -> Table {
        [
            [
                "section", "total", "assigned", "unassigned", "queue_wait_mean_seconds",
                "queue_wait_p50_seconds",
                "queue_wait_p90_seconds", "within_30s", "within_30s_of_assigned", "warning",
            ],
            [
                "handoff_waits", "\(h.total)", "\(h.assigned)", "\(h.unassigned)", number(h.queueWaitMean),
                int(h.queueWaitP50), int(h.queueWaitP90), number(h.within30Seconds),
                number(h.within30SecondsOfAssigned), h.warning ?? "",
            ],
        ]
    }

    static func health(_ health: RunHealth) -> Table {
        [["section", "status", "reason", "executions"]]
            + ["completed", "converted", "exited", "halted", "failed", "active"].map {
                ["health", $0, "", "\(health.byStatus[$0] ?? 0)"]
            } + health.haltedAndFailed.map { ["health", $0.status, $0.reason, "\($0.executions)"] }
    }

    static func line(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",")
    }

    /// RFC 4180: quote fields holding a comma, quote or line break; double inner quotes.
    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func int(_ value: Int?) -> String { value.map(String.init) ?? "" }

    /// Up to 6 decimals, without trailing zeros; empty when absent.
    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
