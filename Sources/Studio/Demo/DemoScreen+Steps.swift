import TerminalUI
import Workspace

/// The demo's keys and steps: Enter goes on (journey → replay → dashboard → next journey),
/// Space pauses and resumes the replay while it runs (else goes on), `b` or Esc goes back one
/// step (a single Esc never quits: `q` does).
extension DemoScreen {
    static let keys = KeyMap<Action>([
        KeyBinding(
            keys: ["enter"], action: .advance, help: "go on",
            longHelp: "Go on: replay the journey, then its dashboard, then the next journey", group: "Demo",
            statusBar: true),
        KeyBinding(
            keys: ["space"], action: .pause, help: "pause",
            longHelp:
                "Pause the replay while it runs, Space again resumes it; at any other time go on, as Enter",
            group: "Demo"),
        KeyBinding(
            keys: ["b"], action: .back, help: "back",
            longHelp:
                "Back one step: from the dashboard to the journey and its counts (Esc too; it never quits)",
            group: "Demo",
            statusBar: true),
        KeyBinding(
            keys: ["r"], action: .restart, help: "replay again", longHelp: "Replay this journey again",
            group: "Demo", statusBar: true),
        KeyBinding(
            keys: ["n"], action: .next, help: "next journey", longHelp: "Go on to the next journey",
            group: "Demo", statusBar: true),
        KeyBinding(
            keys: ["p"], action: .previous, help: "previous journey",
            longHelp: "Go back to the previous journey", group: "Demo"),
        KeyBinding(
            keys: ["c"], action: .canvas, help: "canvas",
            longHelp: "Open the journey on the canvas with the run's counts (Esc comes back)", group: "Demo"),
    ])

    mutating func perform(_ action: Action, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        switch action {
        case .advance: return advance(environment)
        case .pause:
            guard replay.isRunning else { return advance(environment) }
            replay.pause.set(!replay.pause.isPaused)
            return []
        case .back: return back()
        case .restart: return startReplay(environment)
        case .next: return show(index + 1, environment)
        case .previous: return show(index - 1 + journeys.count, environment)
        case .canvas:
            guard let run = replay.finishedRun else {
                return [.toast("Replay the journey first (Enter), then c shows its counts on the canvas")]
            }
            return [.send(.open(.canvas(journey: journey, version: replay.inputs?.version, run: run)))]
        }
    }

    /// Step 1 → 2 starts the replay; 2 → 3 opens the dashboard once it has finished; 3 → the
    /// next journey.
    mutating func advance(_ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        switch step {
        case .journey:
            return startReplay(environment)
        case .replay:
            guard let run = replay.finishedRun else {
                if replay.isRunning { return [.toast("The replay is still running (x cancels it)")] }
                return startReplay(environment)
            }
            var dashboard = DashboardScreen(run: run)
            dashboard.panel = script.panel
            self.dashboard = dashboard
            return dashboard.onAppear(environment)
        case .dashboard:
            return show(index + 1, environment)
        }
    }

    /// Dashboard → the journey with its counts → the journey before its replay.
    mutating func back() -> [Effect<StudioMessage>] {
        if dashboard != nil {
            dashboard = nil
            return []
        }
        guard started else { return [.toast("This is the first step; q quits the demo")] }
        if replay.isRunning { return [.toast("The replay is running: x cancels it")] }
        started = false
        if let inputs = replay.inputs {
            replay.setup = ReplaySetup(cohorts: inputs.cohorts, preferred: Self.cohort)
            replay.phase = .setup
        }
        return []
    }

    /// Step 2: the replay over the demo cohort, from the start (again, if it ran).
    mutating func startReplay(_ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        if replay.isRunning { return [.toast("The replay is still running (x cancels it)")] }
        started = true
        dashboard = nil
        guard let inputs = replay.inputs else { return [] }  // starts once loaded
        replay.setup = ReplaySetup(cohorts: inputs.cohorts, preferred: Self.cohort)
        replay.phase = .setup
        return replay.perform(.start, environment)
    }

    /// Step 1 of journey `position` (wrapping around).
    mutating func show(_ position: Int, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        replay.willLeave()
        index = position % journeys.count
        replay = ReplayScreen(journey: journey, version: nil)
        started = false
        dashboard = nil
        return replay.onAppear(environment)
    }
}
