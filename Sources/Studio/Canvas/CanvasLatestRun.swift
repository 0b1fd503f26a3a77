import Analytics
import Workspace

/// The newest replay of a journey, with its counts: what the canvas shows when it comes back from
/// a replay it started (replay → dashboard → Esc), and what `v` finds when the canvas was opened
/// without a run. Live runs and runs still going are not replays to overlay.
struct CanvasLatestRun: Sendable, Hashable {
    var run: Int64
    var counts: RunCounts

    /// The newest finished replay of `journey` newer than `after`, if any; `nil` also when the
    /// workspace cannot be read (the canvas then simply shows no counts).
    static func load(_ workspace: Workspace, journey: String, after: Int64?) -> CanvasLatestRun? {
        guard let runs = try? workspace.runs(limit: 200),
            let newest = runs.first(where: {
                $0.journey == journey && $0.mode != "live" && ["completed", "cancelled"].contains($0.status)
            }),
            newest.id > (after ?? 0),
            let stored = try? RunNodeCounts.load(workspace, run: newest.id)
        else { return nil }
        return CanvasLatestRun(run: newest.id, counts: RunCounts(stored))
    }
}
