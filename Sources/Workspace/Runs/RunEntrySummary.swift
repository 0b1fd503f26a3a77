import GRDB
import ReplayEngine

/// A run's `EntryTally` as rows (`run_entry_summary`, `run_entry_leaf_summary`) and back.
public enum RunEntrySummary {
    static func write(_ db: Database, run: Int64, _ tally: EntryTally) throws {
        try db.execute(
            sql: """
                INSERT INTO run_entry_summary (run_id, trigger_fires, held_back, refused, refused_leads)
                VALUES (?, ?, ?, ?, ?)
                """, arguments: [run, tally.triggerFires, tally.heldBack, tally.refused, tally.refusedLeads])
        for leaf in tally.leaves {
            try db.execute(
                sql: """
                    INSERT INTO run_entry_leaf_summary (run_id, leaf_index, leaf, negated, refusals, leads)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [run, leaf.index, leaf.text, leaf.negated, leaf.refusals, leaf.leads])
        }
    }

    /// The run's tally; nil for a run recorded before `v7-entry-diagnostics` (or a live run).
    public static func read(_ db: Database, run: Int64) throws -> EntryTally? {
        guard
            let row = try Row.fetchOne(
                db,
                sql:
                    "SELECT trigger_fires, held_back, refused, refused_leads FROM run_entry_summary WHERE run_id = ?",
                arguments: [run])
        else { return nil }
        let leaves = try Row.fetchAll(
            db,
            sql: """
                SELECT leaf_index, leaf, negated, refusals, leads FROM run_entry_leaf_summary
                WHERE run_id = ? ORDER BY leaf_index
                """, arguments: [run]
        ).map { leaf in
            AudienceLeafTally(
                index: leaf["leaf_index"], text: leaf["leaf"], negated: leaf["negated"],
                refusals: leaf["refusals"],
                leads: leaf["leads"])
        }
        var tally = EntryTally(leaves: leaves)
        tally.triggerFires = row["trigger_fires"]
        tally.heldBack = row["held_back"]
        tally.refused = row["refused"]
        tally.refusedLeads = row["refused_leads"]
        return tally
    }
}
