import JourneyModel
import ReplayEngine
import TerminalUI
import Workspace

/// Sets up and watches a replay: the form (cohort or a new synthetic one, seed, mode), then
/// progress with leads/s and ETA while counts flow along the journey, then the run's summary,
/// from which Enter opens the dashboard.
struct ReplayScreen: StudioScreen {
    enum Action: Hashable, Sendable {
        case start, nextField, previousField, cancel, dashboard, canvas, again
    }

    /// What the screen loads before the form: the journey to draw and the cohorts to offer.
    struct Inputs: Sendable {
        var journey: Journey
        var version: Int
        var cohorts: [CohortSummary]
    }

    enum Message: Sendable {
        case loaded(Result<Inputs, WorkspaceError>)
        case progress(ReplayProgressSnapshot)
        case finished(Result<ReplayResult, WorkspaceError>)
    }

    enum Phase: Sendable {
        case loading
        case setup
        /// `cancelling` once the user asked; the engine stops at its next step.
        case running(ReplayProgressSnapshot?, cancelling: Bool)
        case finished(ReplayResult)
        case failed(String)
    }

    var journey: String
    var version: Int?
    var inputs: Inputs?
    var setup = ReplaySetup(cohorts: [])
    var phase = Phase.loading
    /// The replay in flight: set by the screen, checked by the engine.
    var cancellation = ReplayCancellation()
    /// Set to hold the replay in flight where it is (the demo's Space).
    var pause = ReplayPause()
    var request: ReplayRequest?

    init(journey: String, version: Int?) {
        self.journey = journey
        self.version = version
    }

    var title: String { "Replay \(journey)" }

    static let setupKeys = KeyMap<Action>([
        KeyBinding(
            keys: ["enter"], action: .start, help: "start", longHelp: "Start the replay", group: "Replay",
            statusBar: true),
        KeyBinding(
            keys: ["tab"], action: .nextField, help: "next field", longHelp: "Go to the next field",
            group: "Form", palette: false),
        KeyBinding(
            keys: ["shift+tab"], action: .previousField, help: "previous field",
            longHelp: "Go to the previous field", group: "Form", palette: false),
    ])

    static let runningKeys = KeyMap<Action>([
        KeyBinding(
            keys: ["x"], action: .cancel, help: "cancel",
            longHelp: "Cancel the replay (the run is kept, marked cancelled)", group: "Replay",
            statusBar: true)
    ])

    static let finishedKeys = KeyMap<Action>([
        KeyBinding(
            keys: ["enter"], action: .dashboard, help: "dashboard", longHelp: "Open the run's dashboard",
            group: "Run", statusBar: true),
        KeyBinding(
            keys: ["c"], action: .canvas, help: "canvas",
            longHelp: "Open the journey on the canvas with the run's counts", group: "Run", statusBar: true),
        KeyBinding(
            keys: ["r"], action: .again, help: "again", longHelp: "Set up another replay", group: "Run",
            statusBar: true),
    ])

    static var keyTables: [KeyTable] {
        [
            KeyTable("Replay: setting up", setupKeys, takesEveryKey: true),
            KeyTable("Replay: running", runningKeys), KeyTable("Replay: done", finishedKeys),
        ]
    }

    var keyMap: KeyMap<Action> {
        switch phase {
        case .loading: return KeyMap([])
        case .setup: return Self.setupKeys
        case .running: return Self.runningKeys
        case .finished, .failed: return Self.finishedKeys
        }
    }

    var statusMode: String {
        switch phase {
        case .setup: return "SETUP"
        case .running: return "RUNNING"
        default: return ""
        }
    }

    var isRunning: Bool {
        if case .running = phase { return true }
        return false
    }

    var leaveQuestion: String? {
        isRunning ? "A replay is running. Leaving cancels it (the run is kept, marked cancelled)." : nil
    }

    func willLeave() {
        if isRunning { cancellation.cancel() }
    }

    func onAppear(_ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        let workspace = environment.workspace
        let (journey, version) = (self.journey, self.version)
        return [
            .load {
                Message.loaded(
                    Result { () throws(WorkspaceError) in
                        let (stored, parsed) = try workspace.journeyToReplay(journey, version: version)
                        return Inputs(
                            journey: parsed, version: stored.version, cohorts: try workspace.cohorts())
                    })
            }
        ]
    }

    mutating func intercept(_ key: Key, _ environment: StudioEnvironment) -> [Effect<StudioMessage>]? {
        guard case .setup = phase else { return nil }
        if let action = Self.setupKeys.action(for: key) { return perform(action, environment) }
        // The shared keys that do not type: leave, quit, help, palette.
        if key == .escape || key == .ctrl("c") || key == .ctrl("p") || key == Key(.function(1)) {
            return nil
        }
        // A key the focused field does not use (`q` or `?` on a choice) goes on to the shared keys.
        return setup.handle(key) ? [] : nil
    }

    mutating func perform(_ action: Action, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        switch action {
        case .nextField:
            _ = setup.handle(.tab)
        case .previousField:
            _ = setup.handle(.backTab)
        case .start:
            return start(environment)
        case .cancel:
            guard case .running(let snapshot, _) = phase else { return [] }
            cancellation.cancel()
            phase = .running(snapshot, cancelling: true)
        case .dashboard:
            guard case .finished(let result) = phase else { return [] }
            return [.send(.replace(.dashboard(run: result.runID)))]
        case .canvas:
            guard case .finished(let result) = phase else { return [] }
            return [.send(.open(.canvas(journey: journey, version: inputs?.version, run: result.runID)))]
        case .again:
            if let inputs {
                setup = ReplaySetup(cohorts: inputs.cohorts, preferred: setup.choice(.cohort) ?? "")
            }
            phase = .setup
        }
        return []
    }

    private mutating func start(_ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        guard environment.mode != .readOnly else {
            return [.toast("This studio is read-only: replays are off", .warning)]
        }
        // The replay needs the journey it counts (loaded with the form, which comes first).
        guard let inputs, let request = setup.request(journey: journey, version: inputs.version) else {
            return []
        }
        self.request = request
        let cancellation = ReplayCancellation()
        self.cancellation = cancellation
        let pause = ReplayPause()
        self.pause = pause
        phase = .running(nil, cancelling: false)
        let workspace = environment.workspace
        return [
            .stream { send in
                // The replay runs synchronously here, so `send` does not outlive this call.
                withoutActuallyEscaping(send) { send in
                    ReplayJob.run(
                        request, of: inputs.journey, in: workspace, cancellation: cancellation, pause: pause
                    ) {
                        send(.screen($0))
                    }
                }
            }
        ]
    }

    mutating func receive(_ message: Message, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        switch message {
        case .loaded(.success(let inputs)):
            self.inputs = inputs
            setup = ReplaySetup(cohorts: inputs.cohorts)
            phase = .setup
        case .loaded(.failure(let error)):
            phase = .failed("Cannot set up a replay of \(journey): \(error.description)")
        case .progress(let snapshot):
            if case .running(_, let cancelling) = phase { phase = .running(snapshot, cancelling: cancelling) }
        case .finished(.success(let result)):
            phase = .finished(result)
            let word = result.summary.cancelled ? "cancelled" : "finished"
            return [.toast("Run #\(result.runID) \(word)", result.summary.cancelled ? .warning : .success)]
        case .finished(.failure(let error)):
            phase = .failed("The replay failed: \(error.description)")
        }
        return []
    }

    func view(in area: Rect, frame: inout Frame, _ environment: StudioEnvironment) {
        ReplayView.render(self, in: area, frame: &frame, environment)
    }
}
