import TerminalUI
import Workspace

/// `cairn demo`: the pre-built journeys one after another, at the trainer's pace. Each journey
/// has three steps, each with its caption (`DemoScript`): the journey (its description, the
/// whole graph), the replay over the demo cohort (counts arriving at every node), and its
/// dashboard on the panel that proves the point. Enter (or Space) goes on a step, `b` or
/// Esc goes back one; nothing moves on by itself, and Space pauses the replay mid-way. It drives a replay screen and a dashboard
/// screen of its own, passing them their keys and messages.
public struct DemoScreen: StudioScreen {
    enum Action: Hashable, Sendable {
        case advance, pause, back, restart, next, previous, canvas
    }

    /// The demo takes every message the screen it shows may be waiting for.
    typealias Message = any Sendable

    /// The journeys `cairn demo` walks through, in order: the plan's pre-built workflows.
    public static let journeys = [
        "welcome-series", "re-engagement", "high-intent-fast-track", "geographic-campaigns",
    ]
    /// The cohort `cairn demo` synthesises in its workspace and replays every journey over.
    static let cohort = "demo"

    var journeys: [String]
    var index: Int
    /// The journey's replay: not started on step 1, running or finished after.
    var replay: ReplayScreen
    /// Whether step 2 has begun (the replay was asked for).
    var started = false
    /// Step 3, over the replay (which `back` shows again).
    var dashboard: DashboardScreen?

    init(journeys: [String], index: Int = 0) {
        self.journeys = journeys.isEmpty ? Self.journeys : journeys
        self.index = min(max(0, index), self.journeys.count - 1)
        self.replay = ReplayScreen(journey: self.journeys[self.index], version: nil)
    }

    var journey: String { journeys[index] }
    var title: String { "Demo \(index + 1)/\(journeys.count): \(journey)" }
    var script: DemoScript { DemoScript.of(journey) }

    var step: DemoScript.Step {
        if dashboard != nil { return .dashboard }
        return started ? .replay : .journey
    }

    /// The journey's name (`Geographic Campaigns`) once loaded, else its id.
    var displayName: String { replay.inputs?.journey.name ?? journey }

    /// The caption of the current step, its figures filled from the run.
    var caption: String {
        switch step {
        case .journey:
            let description = replay.inputs?.journey.description.map { $0 + " " } ?? ""
            return description + script.journey
        case .replay:
            guard replay.finishedRun != nil else { return "Watch the leads arrive at each node." }
            return DemoCaption.fill(script.replay, counts: replay.counts)
        case .dashboard:
            return DemoCaption.fill(script.dashboard, counts: replay.counts)
        }
    }

    var keyMap: KeyMap<Action> { Self.keys }
    static var keyTables: [KeyTable] { [KeyTable("Demo", keys)] }

    var statusMode: String { "DEMO \(step.rawValue + 1)/\(DemoScript.Step.allCases.count)" }

    var statusHints: [KeyHint] {
        // While the replay runs, Space pauses (or resumes) it: the hint says so first.
        if replay.isRunning {
            return [KeyHint(keys: "space", help: replay.pause.isPaused ? "resume" : "pause")]
                + Self.keys.statusHints
        }
        guard let dashboard else { return Self.keys.statusHints }
        // The demo's keys win: the dashboard's hints for the same keys would mislead.
        let taken = Set(Self.keys.bindings.flatMap(\.keys).map(\.description))
        return Self.keys.statusHints + dashboard.statusHints.filter { !taken.contains($0.keys) }
    }

    var helpSections: [HelpSection] {
        Self.keys.helpSections + (dashboard?.helpSections ?? [])
    }

    var capturesKeys: Bool { dashboard?.capturesKeys ?? false }

    func onAppear(_ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        replay.onAppear(environment)
    }

    func willLeave() {
        replay.willLeave()
    }

    /// The dashboard's prompts and pickers take their keys first; otherwise the demo's keys
    /// win over the dashboard's (its `r` picks a run elsewhere).
    mutating func intercept(_ key: Key, _ environment: StudioEnvironment) -> [Effect<StudioMessage>]? {
        guard var dashboard, dashboard.capturesKeys else { return nil }
        defer { self.dashboard = dashboard }
        return dashboard.intercept(key, environment)
    }

    mutating func press(_ key: Key, _ environment: StudioEnvironment) -> [Effect<StudioMessage>]? {
        if let action = Self.keys.action(for: key) { return perform(action, environment) }
        // Esc is the studio's "back": here, back one step; at the first, it says how to quit.
        if key == .escape { return perform(.back, environment) }
        if var dashboard {
            defer { self.dashboard = dashboard }
            return dashboard.press(key, environment)
        }
        // While it runs, the replay's keys (x cancels); its others would leave the demo.
        guard replay.isRunning else { return nil }
        return replay.press(key, environment)
    }

    /// Every message comes here first (the demo is the screen below any it opens): those of
    /// the dashboard, then the replay's.
    mutating func receive(_ message: any Sendable, _ environment: StudioEnvironment) -> [Effect<
        StudioMessage
    >] {
        if var dashboard, let effects = dashboard.deliver(message, environment) {
            self.dashboard = dashboard
            return effects
        }
        if let late = message as? ReplayScreen.Message, !replay.isRunning {
            // From a replay left behind (cancelled by `n`): this one did not ask for it.
            if case .progress = late { return [] }
            if case .finished = late { return [] }
        }
        let wasSettingUp = replay.isSettingUp
        var effects = replay.deliver(message, environment) ?? []
        if !wasSettingUp, replay.isSettingUp {
            // Loaded: the form picks the demo cohort; step 2 (or a replay asked for) starts it.
            replay.setup = ReplaySetup(cohorts: replay.inputs?.cohorts ?? [], preferred: Self.cohort)
            if started { effects += replay.perform(.start, environment) }
        }
        return effects
    }

    mutating func mouse(_ event: MouseEvent, in area: Rect, _ environment: StudioEnvironment)
        -> [Effect<StudioMessage>]
    {
        guard var dashboard else { return [] }
        defer { self.dashboard = dashboard }
        return dashboard.mouse(event, in: area, environment)
    }

    func view(in area: Rect, frame: inout Frame, _ environment: StudioEnvironment) {
        DemoView.render(self, in: area, frame: &frame, environment)
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

    /// The counts so far: live while it runs, the run's once finished.
    var counts: RunCounts? {
        switch phase {
        case .running(let snapshot, _): return snapshot?.counts
        case .finished(let result): return result.counts
        default: return nil
        }
    }
}
