/// Where the studio can go. `makeScreen` builds the screen a route shows.
public enum Route: Sendable, Hashable {
    /// Home: journeys, cohorts, recent runs.
    case journeys
    /// A journey's versions: diff, activate, roll back.
    case history(journey: String)
    /// A journey on the canvas: a version (`nil`: the active one, else the latest), and a run
    /// whose counts to overlay.
    case canvas(journey: String, version: Int?, run: Int64?)
    /// Set up and watch a replay of a journey.
    case replay(journey: String, version: Int?)
    /// A run's dashboard (`nil`: the newest run).
    case dashboard(run: Int64?)
    /// `cairn demo`: the pre-built journeys replayed one after another, starting at `first`.
    case demo(journeys: [String], first: Int)
    /// One lead's path through a run.
    case lead(id: String, run: Int64)

    func makeScreen(_ environment: StudioEnvironment) -> any StudioScreen {
        switch self {
        case .journeys: return JourneysScreen()
        case .history(let journey): return HistoryScreen(journey: journey)
        case .canvas(let journey, let version, let run):
            return CanvasScreen(journey: journey, version: version, run: run)
        case .replay(let journey, let version): return ReplayScreen(journey: journey, version: version)
        case .dashboard(let run): return DashboardScreen(run: run)
        case .lead(let id, let run): return LeadInspectorScreen(lead: id, run: run)
        case .demo(let journeys, let first): return DemoScreen(journeys: journeys, index: first)
        }
    }
}
