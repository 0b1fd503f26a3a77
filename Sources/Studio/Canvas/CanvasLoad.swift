import Analytics
import JourneyModel
import Workspace

/// What the canvas loads off the UI thread when it opens: the journey version (the one asked
/// for, else the active one, else the latest) parsed, the run's counts when a run is named,
/// and the names the node editor completes.
struct CanvasLoad: Sendable {
    struct Failure: Error, Sendable, Hashable {
        var message: String
    }

    var journey: Journey
    var version: Int
    var counts: RunCounts?
    /// Why the counts are missing although a run was named.
    var countsProblem: String?
    var completions: FieldCompletions

    static func load(_ workspace: Workspace, journey: String, version: Int?, run: Int64?) -> Result<
        CanvasLoad, Failure
    > {
        let stored: JourneyVersion
        do throws(WorkspaceError) {
            stored = try workspace.chosenVersion(of: journey, version: version)
        } catch {
            return .failure(Failure(message: error.description))
        }
        let read = JourneyReader.read(stored.yaml, file: "\(journey) v\(stored.version)")
        guard let parsed = read.journey else {
            let first = read.diagnostics.first.map(\.description) ?? "it does not parse"
            return .failure(Failure(message: "\(journey) v\(stored.version) cannot be drawn: \(first)"))
        }
        var load = CanvasLoad(
            journey: parsed, version: stored.version, completions: completions(workspace))
        if let run {
            do {
                load.counts = RunCounts(try RunNodeCounts.load(workspace, run: run))
            } catch {
                load.countsProblem = "No counts for run #\(run): \(error.description)"
            }
        }
        return .success(load)
    }

    /// The editor's completions from the workspace; none if they cannot be read (the editor
    /// then completes nothing, which is still usable).
    private static func completions(_ workspace: Workspace) -> FieldCompletions {
        (try? FieldCompletions.load(workspace)) ?? FieldCompletions()
    }
}
