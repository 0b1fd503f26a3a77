import TerminalUI
import Workspace

/// `cairn demo`: the pre-built journeys one after another, each replayed over the demo cohort
/// with counts flowing along the canvas, then its dashboard. `r` replays the journey again, `n`
/// moves on to the next one. It drives a replay screen and then a dashboard screen of its own,
/// passing them their keys and messages.
public struct DemoScreen: StudioScreen {
    enum Action: Hashable, Sendable {
        case restart, next
    }

    /// The demo takes every message the screen it shows may be waiting for.
    typealias Message = any Sendable

    /// The demo's own messages; anything else goes to the screen it is showing.
    enum DemoMessage: Sendable {
        case showDashboard(run: Int64, generation: Int)
    }

    /// The journeys `cairn demo` walks through, in order: the plan's pre-built workflows.
    public static let journeys = [
        "welcome-series", "re-engagement", "high-intent-fast-track", "geographic-campaigns",
    ]
    /// The cohort `cairn demo` synthesises in its workspace and replays every journey over.
    static let cohort = "demo"
    /// How long the finished replay stays on screen before the dashboard.
    static let pause = Duration.seconds(2)

    enum Stage: Sendable {
        case replay(ReplayScreen)
        case dashboard(DashboardScreen)
    }

    var journeys: [String]
    var index: Int
    var stage: Stage
    /// Bumped per replay, so a late "show the dashboard" from an earlier one is dropped.
    var generation = 0

    init(journeys: [String], index: Int = 0) {
        self.journeys = journeys.isEmpty ? Self.journeys : journeys
        self.index = min(max(0, index), self.journeys.count - 1)
        self.stage = .replay(ReplayScreen(journey: self.journeys[self.index], version: nil))
    }

    var journey: String { journeys[index] }
    var title: String { "Demo \(index + 1)/\(journeys.count): \(journey)" }

    static let keys = KeyMap<Action>([
        KeyBinding(
            keys: ["r"], action: .restart, help: "replay again", longHelp: "Replay this journey again",
            group: "Demo", statusBar: true),
        KeyBinding(
            keys: ["n"], action: .next, help: "next journey", longHelp: "Go on to the next journey",
            group: "Demo", statusBar: true),
    ])

    var keyMap: KeyMap<Action> { Self.keys }
    static var keyTables: [KeyTable] { [KeyTable("Demo", keys)] }

    var statusMode: String {
        switch stage {
        case .replay(let replay): return replay.statusMode.isEmpty ? "DEMO" : replay.statusMode
        case .dashboard: return "DEMO"
        }
    }

    var statusHints: [KeyHint] {
        switch stage {
        case .replay(let replay): return Self.keys.statusHints + (replay.isRunning ? replay.statusHints : [])
        case .dashboard(let dashboard):
            // The demo's keys win: the dashboard's hints for the same keys would mislead.
            let taken = Set(Self.keys.bindings.flatMap(\.keys).map(\.description))
            return Self.keys.statusHints + dashboard.statusHints.filter { !taken.contains($0.keys) }
        }
    }

    var helpSections: [HelpSection] {
        switch stage {
        case .replay: return Self.keys.helpSections
        case .dashboard(let dashboard): return Self.keys.helpSections + dashboard.helpSections
        }
    }

    var capturesKeys: Bool {
        if case .dashboard(let dashboard) = stage { return dashboard.capturesKeys }
        return false
    }

    func onAppear(_ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        guard case .replay(let replay) = stage else { return [] }
        return replay.onAppear(environment)
    }

    func willLeave() {
        if case .replay(let replay) = stage { replay.willLeave() }
    }

    /// The dashboard's prompts and pickers take their keys first; otherwise the demo's keys
    /// win over the dashboard's (its `r` picks a run elsewhere).
    mutating func intercept(_ key: Key, _ environment: StudioEnvironment) -> [Effect<StudioMessage>]? {
        guard case .dashboard(var dashboard) = stage, dashboard.capturesKeys else { return nil }
        defer { stage = .dashboard(dashboard) }
        return dashboard.intercept(key, environment)
    }

    mutating func press(_ key: Key, _ environment: StudioEnvironment) -> [Effect<StudioMessage>]? {
        if let action = Self.keys.action(for: key) { return perform(action, environment) }
        switch stage {
        case .replay(var replay):
            // Enter on a finished replay shows its dashboard now; only cancelling is the
            // replay's own key here, its others would leave the demo.
            if key == .enter, let run = replay.finishedRun {
                return receive(DemoMessage.showDashboard(run: run, generation: generation), environment)
            }
            guard replay.isRunning else { return nil }
            defer { stage = .replay(replay) }
            return replay.press(key, environment)
        case .dashboard(var dashboard):
            defer { stage = .dashboard(dashboard) }
            return dashboard.press(key, environment)
        }
    }

    mutating func perform(_ action: Action, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        willLeave()
        if action == .next { index = (index + 1) % journeys.count }
        generation += 1
        let replay = ReplayScreen(journey: journey, version: nil)
        stage = .replay(replay)
        return replay.onAppear(environment)
    }

    /// Every message comes here first (the demo is the screen below any it opens): the demo's
    /// own, then those of the screen it shows.
    mutating func receive(_ message: any Sendable, _ environment: StudioEnvironment) -> [Effect<
        StudioMessage
    >] {
        if case .showDashboard(let run, let generation) = message as? DemoMessage {
            guard generation == self.generation, case .replay = stage else { return [] }
            let dashboard = DashboardScreen(run: run)
            stage = .dashboard(dashboard)
            return dashboard.onAppear(environment)
        }
        switch stage {
        case .replay(var replay):
            let wasSettingUp = replay.isSettingUp
            let wasFinished = replay.finishedRun != nil
            var effects = replay.deliver(message, environment) ?? []
            if !wasSettingUp, replay.isSettingUp {
                // Loaded: start at once on the demo cohort.
                replay.setup = ReplaySetup(cohorts: replay.inputs?.cohorts ?? [], preferred: Self.cohort)
                effects += replay.perform(.start, environment)
            }
            if !wasFinished, let run = replay.finishedRun {
                effects.append(
                    .after(Self.pause, .screen(DemoMessage.showDashboard(run: run, generation: generation))))
            }
            stage = .replay(replay)
            return effects
        case .dashboard(var dashboard):
            defer { stage = .dashboard(dashboard) }
            return dashboard.deliver(message, environment) ?? []
        }
    }

    mutating func mouse(_ event: MouseEvent, in area: Rect, _ environment: StudioEnvironment)
        -> [Effect<StudioMessage>]
    {
        guard case .dashboard(var dashboard) = stage else { return [] }
        defer { stage = .dashboard(dashboard) }
        return dashboard.mouse(event, in: area, environment)
    }

    func view(in area: Rect, frame: inout Frame, _ environment: StudioEnvironment) {
        switch stage {
        case .replay(let replay): replay.view(in: area, frame: &frame, environment)
        case .dashboard(let dashboard): dashboard.view(in: area, frame: &frame, environment)
        }
    }
}

extension ReplayScreen {
    var isSettingUp: Bool {
        if case .setup = phase { return true }
        return false
    }

    /// The run of a replay that has just finished (not one cancelled), else `nil`.
    var finishedRun: Int64? {
        if case .finished(let result) = phase, !result.summary.cancelled { return result.runID }
        return nil
    }
}
