import JourneyModel

/// A run in plain sentences for a manager with one minute, built only from the report's own
/// figures (so every number in it is one the panels and `cairn report` show):
/// "Of 2,000 leads, 1,809 reached Special offer (90.5%). 61 converted (3.0%), most after email
/// (40). …". docs/analytics.md says which figure each sentence takes.
public enum RunSummary {
    public static func sentences(_ report: RunReport, _ facts: RunJourneyFacts) -> [String] {
        let entries = report.run.entries
        guard entries > 0 else { return ["No lead entered this run."] }
        return [reach(report, facts), conversions(report), dropoff(report), abTest(report), handoffs(report)]
            .compactMap { $0 } + [health(report.health)]
    }

    /// How far the leads got: the last action on the main path (the message most were meant to
    /// get), else its last stage.
    static func reach(_ report: RunReport, _ facts: RunJourneyFacts) -> String {
        let run = report.run
        // Leads the cohort had, and how many entered when the audience or re-entry made it differ.
        let of =
            run.leads == run.entries
            ? "Of \(ReportFormat.count(run.entries)) leads,"
            : "Of \(ReportFormat.count(run.leads)) leads, \(ReportFormat.count(run.entries)) entered;"
        let stages = report.funnel.stages
        guard let stage = stages.last(where: { facts.kinds[$0.node] == .action }) ?? stages.last else {
            return "\(of) none went past the entry."
        }
        let share = run.leads == run.entries ? "" : " of entries"
        return "\(of) \(ReportFormat.count(stage.leads)) reached \(stage.label) "
            + "(\(ReportFormat.percent(stage.rateFromEntry))\(share))."
    }

    static func conversions(_ report: RunReport) -> String {
        guard report.hasGoal else { return "The journey has no goal, so conversions are not measured." }
        let rate = RunReportBuilder.share(report.run.conversions, report.run.entries)
        var text = "\(ReportFormat.count(report.run.conversions)) converted (\(ReportFormat.percent(rate)))"
        // Which channel's messages came last before most conversions, when more than one did.
        let converting = report.channels.filter { $0.converted > 0 }
        if converting.count > 1,
            let best = converting.max(by: { ($0.converted, $1.channel) < ($1.converted, $0.channel) })
        {
            text += ", most after \(best.channel) (\(ReportFormat.count(best.converted)))"
        }
        return text + "."
    }

    /// Where most leads ended without converting.
    static func dropoff(_ report: RunReport) -> String? {
        guard let top = report.dropoff.first else { return nil }
        let reason = top.reason.replacingOccurrences(of: "_", with: " ")
        return "Most that did not convert ended at \(top.label): \(ReportFormat.count(top.leads)) "
            + "(\(ReportFormat.percent(top.shareOfEntries)), \(reason))."
    }

    /// The first A/B verdict with evidence, if any.
    static func abTest(_ report: RunReport) -> String? {
        for split in report.splits {
            for path in split.paths where path.comparison?.isSignificant == true {
                if let verdict = path.verdict { return "A/B at \(split.label): \(verdict)." }
            }
        }
        return nil
    }

    static func handoffs(_ report: RunReport) -> String? {
        let h = report.handoffs
        guard h.total > 0 else { return nil }
        var text =
            "\(ReportFormat.count(h.total)) handoffs, \(ReportFormat.percent(h.within30Seconds)) "
            + "assigned within 30s"
        if h.unassigned > 0 { text += "; \(ReportFormat.count(h.unassigned)) never assigned" }
        return text + "."
    }

    static func health(_ health: RunHealth) -> String {
        let bad = (health.byStatus["halted"] ?? 0) + (health.byStatus["failed"] ?? 0)
        let success = "Execution success \(ReportFormat.percent(health.successRate))"
        return bad == 0 ? success + "." : success + " (\(ReportFormat.count(bad)) halted or failed)."
    }
}
