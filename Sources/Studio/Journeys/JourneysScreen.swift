import JourneyModel
import TerminalUI
import Workspace

/// Home: the journeys with their active version and last run, the cohorts, recent runs; and
/// what is done to whole journeys: new (blank or from a template), duplicate, import, export,
/// activate, archive, history.
struct JourneysScreen: StudioScreen {
    enum Action: Hashable, Sendable {
        case up, down, open, replay, dashboard, newJourney, duplicate, importFile, export, activate, archive
        case history, refresh
    }

    enum Message: Sendable {
        case loaded(Result<JourneysOverview, WorkspaceError>)
        /// A change finished: what to say, and a journey to open on the canvas.
        case changed(Result<Change, WorkspaceError>)
    }

    struct Change: Sendable {
        var message: String
        /// A journey to open on the canvas (and to select on home).
        var open: String?
        /// A journey to select on home: the one opened, or one imported.
        var select: String?

        init(message: String, open: String? = nil, select: String? = nil) {
            self.message = message
            self.open = open
            self.select = select ?? open
        }
    }

    /// A question home is asking; it takes every key until answered.
    enum Mode: Sendable, Hashable {
        case browsing
        case pickTemplate(ListState)
        case prompt(Prompt, PromptPurpose)
        case confirmArchive(ConfirmState, journey: String)
    }

    enum PromptPurpose: Sendable, Hashable {
        case name(template: Int)
        case duplicate(of: String)
        case importPath
        case exportPath(journey: String)
    }

    var overview: JourneysOverview?
    var problem: String?
    var list = ListState(selected: 0)
    var mode = Mode.browsing
    /// A journey just created or imported: the selection moves to it once the list reloads.
    var selectOnLoad: String?

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
            keys: ["h"], action: .history, help: "history",
            longHelp: "Versions of the journey: diff, activate, roll back", group: "Journey"),
        KeyBinding(
            keys: ["n"], action: .newJourney, help: "new", longHelp: "New journey, blank or from a template",
            group: "Change", statusBar: true),
        KeyBinding(
            keys: ["c"], action: .duplicate, help: "duplicate",
            longHelp: "Duplicate the journey under a new name",
            group: "Change"),
        KeyBinding(
            keys: ["i"], action: .importFile, help: "import", longHelp: "Import a journey YAML file",
            group: "Change"),
        KeyBinding(
            keys: ["x"], action: .export, help: "export",
            longHelp: "Export the journey's latest version to a file",
            group: "Change"),
        KeyBinding(
            keys: ["a"], action: .activate, help: "activate",
            longHelp: "Activate the journey's latest version",
            group: "Change"),
        KeyBinding(
            keys: ["delete", "D"], action: .archive, help: "archive",
            longHelp: "Archive the journey (asks first)",
            group: "Change"),
        KeyBinding(
            keys: ["ctrl+l"], action: .refresh, help: "refresh",
            longHelp: "Reload journeys, cohorts and runs",
            group: "Journey"),
    ])

    static let templateKeys = KeyMap<Key>([
        KeyBinding(
            keys: ["up", "down"], action: .down, help: "pick", longHelp: "Move through the templates"),
        KeyBinding(keys: ["enter"], action: .enter, help: "use", longHelp: "Start from this template"),
        KeyBinding(keys: ["esc"], action: .escape, help: "cancel", longHelp: "Back to the journeys"),
    ])

    var keyMap: KeyMap<Action> { Self.keys }
    static var keyTables: [KeyTable] {
        [
            KeyTable("Journeys", keys),
            KeyTable("Journeys: new from a template", templateKeys, takesEveryKey: true),
        ]
    }

    var statusMode: String {
        switch mode {
        case .browsing: return ""
        case .pickTemplate: return "NEW"
        case .prompt: return "INPUT"
        case .confirmArchive: return "CONFIRM"
        }
    }

    var statusHints: [KeyHint] {
        switch mode {
        case .browsing: return Self.keys.statusHints
        case .pickTemplate:
            return Self.templateKeys.bindings.map { KeyHint(keys: $0.keyLabel, help: $0.help) }
        case .prompt(let prompt, _): return prompt.keyHints
        case .confirmArchive:
            return [KeyHint(keys: "←/→", help: "choose"), KeyHint(keys: "enter", help: "answer")]
        }
    }

    var capturesKeys: Bool { mode != .browsing }

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

    /// Versions and runs made on the screens above show when coming back.
    func onReturn(_ environment: StudioEnvironment) -> [Effect<StudioMessage>] { onAppear(environment) }

    mutating func perform(_ action: Action, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        let count = overview?.journeys.count ?? 0
        switch action {
        case .up: _ = list.handle(.up, count: count, pageSize: 10)
        case .down: _ = list.handle(.down, count: count, pageSize: 10)
        case .refresh: return onAppear(environment)
        case .newJourney:
            if let refusal = refusal(environment) { return refusal }
            mode = .pickTemplate(ListState(selected: 0))
        case .importFile:
            if let refusal = refusal(environment) { return refusal }
            mode = .prompt(
                Prompt(
                    title: "Import a journey", label: "File:",
                    note: "a .journey.yaml file; its id names the journey"),
                .importPath)
        default:
            guard let row = selected else { return [.toast("No journey selected", .warning)] }
            return perform(action, on: row, environment)
        }
        return []
    }

    private mutating func perform(_ action: Action, on row: JourneyRow, _ environment: StudioEnvironment)
        -> [Effect<StudioMessage>]
    {
        let journey = row.summary.journey
        let workspace = environment.workspace
        switch action {
        case .open: return [.send(.open(.canvas(journey: journey, version: nil, run: row.lastRun?.id)))]
        case .replay: return [.send(.open(.replay(journey: journey, version: nil)))]
        case .history: return [.send(.open(.history(journey: journey)))]
        case .dashboard:
            guard let run = row.lastRun else {
                return [.toast("\(journey) has no runs yet: press r to replay it", .warning)]
            }
            return [.send(.open(.dashboard(run: run.id)))]
        case .export:
            mode = .prompt(
                Prompt(
                    title: "Export \(journey)", label: "File:", text: "\(journey).journey.yaml",
                    note:
                        "writes the latest version (v\(row.summary.latestVersion)); an existing file is replaced"
                ),
                .exportPath(journey: journey))
        default:
            if let refusal = refusal(environment) { return refusal }
            switch action {
            case .duplicate:
                mode = .prompt(
                    namePrompt(title: "Duplicate \(journey)", text: "\(row.summary.name) copy"),
                    .duplicate(of: journey))
            case .activate:
                return [
                    change { () throws(WorkspaceError) in
                        let version = try workspace.activate(journey)
                        return Change(message: "\(journey) v\(version) is active")
                    }
                ]
            case .archive:
                mode = .confirmArchive(
                    ConfirmState(
                        title: "Archive", question: "Archive \(journey)? Its versions and runs are kept.",
                        yes: "Archive", no: "Keep"),
                    journey: journey)
            default: break
            }
        }
        return []
    }

    mutating func intercept(_ key: Key, _ environment: StudioEnvironment) -> [Effect<StudioMessage>]? {
        switch mode {
        case .browsing:
            return nil
        case .pickTemplate(var state):
            switch key {
            case .escape: mode = .browsing
            case .enter:
                let index = state.selected ?? 0
                let template = JourneyTemplate.all[index]
                let suggested = template.journey == nil ? "" : "\(template.name) copy"
                mode = .prompt(
                    namePrompt(title: "New from \(template.name)", text: suggested), .name(template: index))
            default:
                _ = state.handle(key, count: JourneyTemplate.all.count, pageSize: 8)
                mode = .pickTemplate(state)
            }
        case .prompt(var prompt, let purpose):
            switch prompt.handle(key) {
            case .editing: mode = .prompt(prompt, purpose)
            case .cancelled: mode = .browsing
            case .submitted(let text):
                mode = .browsing
                return submit(text, for: purpose, environment)
            }
        case .confirmArchive(var confirm, let journey):
            switch confirm.handle(key) {
            case .none: mode = .confirmArchive(confirm, journey: journey)
            case .cancelled: mode = .browsing
            case .confirmed:
                mode = .browsing
                let workspace = environment.workspace
                return [
                    change { () throws(WorkspaceError) in
                        try workspace.archive(journey)
                        return Change(message: "\(journey) archived")
                    }
                ]
            }
        }
        return []
    }

    private func submit(_ text: String, for purpose: PromptPurpose, _ environment: StudioEnvironment)
        -> [Effect<StudioMessage>]
    {
        let workspace = environment.workspace
        switch purpose {
        case .name(let index):
            let template = JourneyTemplate.all[index]
            let journey = template.makeJourney(id: JourneySlug.from(name: text), name: text)
            return [
                change { () throws(WorkspaceError) in
                    let id = try JourneyActions.create(
                        journey, message: "Created from \(template.name)", in: workspace)
                    return Change(message: "Created \(id) v1", open: id)
                }
            ]
        case .duplicate(let source):
            return [
                change { () throws(WorkspaceError) in
                    let id = try JourneyActions.duplicate(
                        source, id: JourneySlug.from(name: text), name: text, in: workspace)
                    return Change(message: "Created \(id) v1 from \(source)", open: id)
                }
            ]
        case .importPath:
            return [
                change { () throws(WorkspaceError) in
                    let outcome = try JourneyActions.importFile(text, into: workspace)
                    return Change(
                        message: outcome.created
                            ? "Imported \(outcome.journey) v\(outcome.version)"
                            : "\(outcome.journey) v\(outcome.version) already has this content: nothing imported",
                        select: outcome.journey)
                }
            ]
        case .exportPath(let journey):
            return [
                change { () throws(WorkspaceError) in
                    let version = try JourneyActions.export(journey, to: text, from: workspace)
                    return Change(message: "Wrote \(journey) v\(version) to \(text)")
                }
            ]
        }
    }

    /// A name prompt whose note shows, as you type, the id the name gives, or why it will not do.
    private func namePrompt(title: String, text: String) -> Prompt {
        let taken = Set(overview?.journeys.map(\.summary.journey) ?? [])
        let problem: @Sendable (String) -> String? = { name in
            let id = JourneySlug.from(name: name)
            if id.isEmpty { return "a name needs a letter or a digit" }
            if taken.contains(id) { return "\(id) is taken: pick another name" }
            return nil
        }
        return Prompt(
            title: title, label: "Name:", text: text,
            preview: { name in problem(name) ?? "creates the journey id \(JourneySlug.from(name: name))" },
            check: problem)
    }

    private func change(_ work: @escaping @Sendable () throws(WorkspaceError) -> Change) -> Effect<
        StudioMessage
    > {
        .load { Message.changed(Result { () throws(WorkspaceError) in try work() }) }
    }

    private func refusal(_ environment: StudioEnvironment) -> [Effect<StudioMessage>]? {
        environment.mode == .readOnly ? [.toast("Read-only: nothing can be changed here", .warning)] : nil
    }

    mutating func receive(_ message: Message, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        switch message {
        case .loaded(.success(let overview)):
            self.overview = overview
            problem = nil
            list.selected =
                overview.journeys.isEmpty ? nil : min(list.selected ?? 0, overview.journeys.count - 1)
            if let wanted = selectOnLoad,
                let index = overview.journeys.firstIndex(where: { $0.summary.journey == wanted })
            {
                list.selected = index
                selectOnLoad = nil
            }
            return []
        case .loaded(.failure(let error)):
            problem = error.description
            return []
        case .changed(.success(let change)):
            selectOnLoad = change.select ?? selectOnLoad
            var effects: [Effect<StudioMessage>] = [.toast(change.message, .success)] + onAppear(environment)
            if let journey = change.open {
                effects.append(.send(.open(.canvas(journey: journey, version: nil, run: nil))))
            }
            return effects
        case .changed(.failure(let error)):
            return [.toast(error.description, .error)]
        }
    }

    mutating func mouse(_ event: MouseEvent, in area: Rect, _ environment: StudioEnvironment)
        -> [Effect<StudioMessage>]
    {
        guard mode == .browsing, let count = overview?.journeys.count else { return [] }
        switch event.kind {
        case .wheelUp: _ = list.handle(.up, count: count, pageSize: 10)
        case .wheelDown: _ = list.handle(.down, count: count, pageSize: 10)
        case .press(button: 1):
            if let index = JourneysView.journeyIndex(at: event.position, in: area, self), index < count {
                if list.selected == index { return perform(.open, environment) }
                list.selected = index
            }
        default: break
        }
        return []
    }

    func view(in area: Rect, frame: inout Frame, _ environment: StudioEnvironment) {
        JourneysView.render(self, in: area, frame: &frame)
    }
}
