import GRDB
import ReplayEngine
import Workspace

/// The span a run covered and what its trigger's fires came to, with the reason when it let
/// few leads in: the report's `entry` section (docs/analytics.md, "Entry diagnostics").
public struct EntryReport: Sendable, Hashable, Codable {
    /// Nil for a run stored without one (a live run, or one recorded before spans were).
    public var span: ReplaySpan?
    /// Nil for a run recorded before `v7-entry-diagnostics`.
    public var fires: EntryTally?
    /// Nil unless the run let in fewer entries than 1 % of its leads.
    public var diagnosis: EntryDiagnosis?

    /// Nil when the run has neither a stored span nor an entry tally.
    static func fetch(_ db: Database, run: RunInfo) throws -> EntryReport? {
        let span = try RunSpanOptions.read(db, run: run.id)
        let fires = try RunEntrySummary.read(db, run: run.id)
        guard span != nil || fires != nil else { return nil }
        let diagnosis = fires.flatMap {
            run.isLive ? nil : EntryDiagnosis.diagnose(leads: run.leads, entries: run.entries, tally: $0)
        }
        return EntryReport(span: span, fires: fires, diagnosis: diagnosis)
    }

    /// The lines the text report and the studio print: the span, then the reason, if any.
    public var lines: [String] {
        [span?.text, diagnosis?.text].compactMap { $0 }
    }
}
