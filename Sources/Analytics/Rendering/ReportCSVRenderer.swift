import Foundation

/// The report as CSV: one table per section, separated by a blank line. The first column
/// names the section, so each table stands on its own when split out.
public enum ReportCSVRenderer {
    public static func render(_ report: RunReport) -> String {
        var tables: [[[String]]] = []
        tables.append(
            [
                [
                    "section", "run", "journey", "version", "cohort", "seed", "mode", "status", "leads",
                    "entries", "conversions",
                ]
            ]
                + [
                    [
                        "run", "\(report.run.id)", report.run.journey, "\(report.run.version)",
                        report.run.cohort,
                        "\(report.run.seed)", report.run.mode, report.run.status, "\(report.run.leads)",
                        "\(report.run.entries)", "\(report.run.conversions)",
                    ]
                ])
        tables.append(
            [["section", "stage", "leads", "rate_from_previous", "rate_from_entry"]]
                + report.funnel.stages.map {
                    ["funnel", $0.node, "\($0.leads)", number($0.rateFromPrevious), number($0.rateFromEntry)]
                })
        tables.append(
            [["section", "node", "reason", "leads", "share_of_entries"]]
                + report.dropoff.map {
                    ["dropoff", $0.node, $0.reason, "\($0.leads)", number($0.shareOfEntries)]
                })
        tables.append(
            [
                [
                    "section", "node", "stays", "mean_seconds", "p50_seconds", "p90_seconds", "p99_seconds",
                    "max_seconds",
                ]
            ]
                + report.timeInStage.map {
                    let d = $0.dwell
                    return [
                        "time_in_stage", $0.node, "\(d.count)", number(d.mean), int(d.p50), int(d.p90),
                        int(d.p99), int(d.max),
                    ]
                })
        tables.append(
            [
                [
                    "section", "split", "path", "holdout", "weight", "leads", "conversions", "rate",
                    "difference", "lower_95",
                    "upper_95", "p_value", "verdict", "sample_ratio_p", "sample_ratio_mismatch",
                ]
            ]
                + report.splits.flatMap { split in
                    split.paths.map { p in
                        let c = p.comparison
                        return [
                            "ab", split.node, p.path, p.isHoldout ? "1" : "0", number(p.weight), "\(p.leads)",
                            "\(p.conversions)", number(p.rate), number(c?.difference), number(c?.lower95),
                            number(c?.upper95),
                            number(c?.pValue), p.verdict ?? "", number(split.sampleRatio.test?.pValue),
                            split.sampleRatio.isMismatch ? "1" : "0",
                        ]
                    }
                })
        tables.append(
            [
                [
                    "section", "channel", "sent", "deferred", "suppressed_consent",
                    "suppressed_frequency_cap",
                    "suppressed_quiet_hours", "suppressed_unsubscribed", "opened", "clicked", "replied",
                    "converted",
                    "unsubscribed",
                ]
            ]
                + report.channels.map { c in
                    ["channels", c.channel, "\(c.sent)", "\(c.deferred)"]
                        + ["consent", "frequency_cap", "quiet_hours", "unsubscribed"].map {
                            "\(c.suppressed[$0] ?? 0)"
                        }
                        + [
                            "\(c.opened)", "\(c.clicked)", "\(c.replied)", "\(c.converted)",
                            "\(c.unsubscribed)",
                        ]
                })
        let h = report.handoffs
        tables.append(
            [["section", "kind", "key", "handoffs"]]
                + h.byReason.map { ["handoffs", "reason", $0.key, "\($0.handoffs)"] }
                + h.byRoute.map { ["handoffs", "route", $0.key, "\($0.handoffs)"] }
                + h.agentLoad.map { ["handoffs", "agent", $0.key, "\($0.handoffs)"] })
        tables.append(
            [
                [
                    "section", "total", "queue_wait_mean_seconds", "queue_wait_p50_seconds",
                    "queue_wait_p90_seconds", "within_30s",
                ]
            ]
                + [
                    [
                        "handoff_waits", "\(h.total)", number(h.queueWaitMean), int(h.queueWaitP50),
                        int(h.queueWaitP90),
                        number(h.within30Seconds),
                    ]
                ])
        let health = report.health
        tables.append(
            [["section", "status", "reason", "executions"]]
                + ["completed", "converted", "exited", "halted", "failed", "active"].map {
                    ["health", $0, "", "\(health.byStatus[$0] ?? 0)"]
                } + health.haltedAndFailed.map { ["health", $0.status, $0.reason, "\($0.executions)"] })
        return tables.map { $0.map(line).joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
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
