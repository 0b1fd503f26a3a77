import TerminalUI
import Workspace

/// Home: the journeys with their active version and last run, the cohorts, recent runs.
struct JourneysScreen: StudioScreen {
    enum Action: Hashable, Sendable {
        case up, down, open, replay, dashboard, refresh
    }

    enum Message: Sendable {
        case loaded(Result<JourneysOverview, WorkspaceError>)
    }

    var overview: JourneysOverview?
    var problem: String?
    var list = ListState(selected: 0)

    var title: String { "Journeys" }

    static let keys = KeyMap<Action>([
        KeyBinding(keys: ["k", "up"], action: .up, help: "up", group: "Moving", palette: false),
        KeyBinding(keys: ["j", "down"], action: .down, help: "down", group: "Moving", palette: false),
        KeyBinding(
            keys: ["enter"], action: .open, help: "open", longHelp: "Open the journey on the canvas",
            group: "Journey", statusBar: true),
        KeyBinding(
            keys: ["r"], action: .replay, help: "replay", longHelp: "Replay the journey over a cohort",
            group: "Journey", statusBar: true),
        KeyBinding(
            keys: ["d"], action: .dashboard, help: "dashboard",
            longHelp: "Open the dashboard of the journey's last run", group: "Journey", statusBar: true),
        KeyBinding(
            keys: ["ctrl+r"], action: .refresh, help: "refresh",
            longHelp: "Reload journeys, cohorts and runs", group: "Journey"),
    ])

    var keyMap: KeyMap<Action> { Self.keys }
    static var keyTables: [KeyTable] { [KeyTable("Journeys", keys)] }

    var selected: JourneyRow? {
        guard let rows = overview?.journeys, let index = list.selected, rows.indices.contains(index) else {
            return nil
        }
        return rows[index]
    }

    func onAppear(_ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        let workspace = environment.workspace
        return [
            .load {
                Message.loaded(Result { () throws(WorkspaceError) in try JourneysOverview.load(workspace) })
            }
        ]
    }

    mutating func perform(_ action: Action, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        let count = overview?.journeys.count ?? 0
        switch action {
        case .up: _ = list.handle(.up, count: count, pageSize: 10)
        case .down: _ = list.handle(.down, count: count, pageSize: 10)
        case .open:
            guard let row = selected else { return [] }
            return [.send(.open(.canvas(journey: row.summary.journey, version: nil, run: row.lastRun?.id)))]
        case .replay:
            guard let row = selected else { return [] }
            return [.send(.open(.replay(journey: row.summary.journey, version: nil)))]
        case .dashboard:
            guard let row = selected else { return [] }
            guard let run = row.lastRun else {
                return [.toast("\(row.summary.journey) has no runs yet: press r to replay it", .warning)]
            }
            return [.send(.open(.dashboard(run: run.id)))]
        case .refresh: return onAppear(environment)
        }
        return []
    }

    mutating func receive(_ message: Message, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        switch message {
        case .loaded(.success(let overview)):
            self.overview = overview
            problem = nil
            list.selected =
                overview.journeys.isEmpty ? nil : min(list.selected ?? 0, overview.journeys.count - 1)
        case .loaded(.failure(let error)):
            problem = error.description
        }
        return []
    }

    func view(in area: Rect, frame: inout Frame, _ environment: StudioEnvironment) {
        JourneysView.render(self, in: area, frame: &frame)
    }
}
