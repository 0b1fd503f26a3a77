import Foundation
import TerminalUI
import Workspace

/// A journey's versions, newest first, with the diff of the selected version against the one
/// before it; activate a version, roll back to one (a new version with its content), or open
/// it on the canvas.
struct HistoryScreen: StudioScreen {
    enum Action: Hashable, Sendable {
        case up, down, open, activate, rollback, diffUp, diffDown
    }

    enum Message: Sendable {
        case loaded(Result<[JourneyVersion], WorkspaceError>)
        case changed(Result<String, WorkspaceError>)
    }

    var journey: String
    var versions: [JourneyVersion] = []
    var problem: String?
    var list = ListState(selected: 0)
    var diffScroll = 0
    var confirm: ConfirmState?

    init(journey: String) {
        self.journey = journey
    }

    var title: String { "History of \(journey)" }

    static let keys = KeyMap<Action>([
        KeyBinding(keys: ["k", "up"], action: .up, help: "up", group: "Versions", palette: false),
        KeyBinding(keys: ["j", "down"], action: .down, help: "down", group: "Versions", palette: false),
        KeyBinding(
            keys: ["enter"], action: .open, help: "open", longHelp: "Open this version on the canvas",
            group: "Versions", statusBar: true),
        KeyBinding(
            keys: ["a"], action: .activate, help: "activate", longHelp: "Make this version the active one",
            group: "Versions", statusBar: true),
        KeyBinding(
            keys: ["b"], action: .rollback, help: "roll back",
            longHelp: "Roll back: a new version with this version's content (asks first)", group: "Versions",
            statusBar: true),
        KeyBinding(
            keys: ["pgup", "K"], action: .diffUp, help: "diff up", longHelp: "Scroll the diff up",
            group: "Diff"),
        KeyBinding(
            keys: ["pgdn", "J"], action: .diffDown, help: "diff down", longHelp: "Scroll the diff down",
            group: "Diff"),
    ])

    var keyMap: KeyMap<Action> { Self.keys }
    static var keyTables: [KeyTable] { [KeyTable("History", keys)] }

    var selected: JourneyVersion? {
        guard let index = list.selected, versions.indices.contains(index) else { return nil }
        return versions[index]
    }

    /// The selected version against the one before it, as a unified diff.
    var diff: String {
        guard let index = list.selected, versions.indices.contains(index) else { return "" }
        let new = versions[index]
        guard index + 1 < versions.count else { return "v\(new.version) is the first version." }
        let old = versions[index + 1]
        let text = TextDiff.unified(
            old.yaml, new.yaml, oldName: "v\(old.version)", newName: "v\(new.version)")
        return text.isEmpty ? "v\(new.version) has the same text as v\(old.version)." : text
    }

    func onAppear(_ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        let workspace = environment.workspace
        let journey = journey
        return [
            .load {
                Message.loaded(
                    Result { () throws(WorkspaceError) in
                        try workspace.history(of: journey).sorted { $0.version > $1.version }
                    })
            }
        ]
    }

    /// Versions and runs made on the screens above show when coming back.
    func onReturn(_ environment: StudioEnvironment) -> [Effect<StudioMessage>] { onAppear(environment) }

    mutating func perform(_ action: Action, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        switch action {
        case .up, .down:
            _ = list.handle(action == .up ? .up : .down, count: versions.count, pageSize: 10)
            diffScroll = 0
        case .diffUp: diffScroll = max(0, diffScroll - 10)
        case .diffDown: diffScroll += 10
        case .open:
            guard let version = selected else { return [] }
            return [.send(.open(.canvas(journey: journey, version: version.version, run: nil)))]
        case .activate:
            guard let version = selected else { return [] }
            if environment.mode == .readOnly {
                return [.toast("Read-only: nothing can be changed here", .warning)]
            }
            let workspace = environment.workspace
            let journey = journey
            return [
                change { () throws(WorkspaceError) in
                    let active = try workspace.activate(journey, version: version.version)
                    return "\(journey) v\(active) is active"
                }
            ]
        case .rollback:
            guard let version = selected else { return [] }
            if environment.mode == .readOnly {
                return [.toast("Read-only: nothing can be changed here", .warning)]
            }
            confirm = ConfirmState(
                title: "Roll back",
                question: "Make a new version of \(journey) with the content of v\(version.version)?",
                yes: "Roll back", no: "Cancel")
        }
        return []
    }

    mutating func intercept(_ key: Key, _ environment: StudioEnvironment) -> [Effect<StudioMessage>]? {
        guard var question = confirm else { return nil }
        switch question.handle(key) {
        case .none: confirm = question
        case .cancelled: confirm = nil
        case .confirmed:
            confirm = nil
            guard let version = selected?.version else { return [] }
            let workspace = environment.workspace
            let journey = journey
            return [
                change { () throws(WorkspaceError) in
                    let created = try workspace.rollback(journey, to: version)
                    return "\(journey) v\(created) restores v\(version)"
                }
            ]
        }
        return []
    }

    /// Runs a change off the UI thread; its message (or the error) comes back as a toast.
    private func change(_ work: @escaping @Sendable () throws(WorkspaceError) -> String) -> Effect<
        StudioMessage
    > {
        .load { Message.changed(Result { () throws(WorkspaceError) in try work() }) }
    }

    mutating func receive(_ message: Message, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        switch message {
        case .loaded(.success(let versions)):
            self.versions = versions
            problem = nil
            list.selected = versions.isEmpty ? nil : min(list.selected ?? 0, versions.count - 1)
        case .loaded(.failure(let error)):
            problem = error.description
        case .changed(.success(let text)):
            list.selected = 0
            return [.toast(text, .success)] + onAppear(environment)
        case .changed(.failure(let error)):
            return [.toast(error.description, .error)]
        }
        return []
    }

    mutating func mouse(_ event: MouseEvent, in area: Rect, _ environment: StudioEnvironment)
        -> [Effect<StudioMessage>]
    {
        switch event.kind {
        case .wheelUp: diffScroll = max(0, diffScroll - 3)
        case .wheelDown: diffScroll += 3
        case .press(button: 1):
            let rows = HistoryView.versionRows(in: area)
            if rows.contains(event.position) {
                let index =
                    event.position.y - rows.y + list.visibleOffset(height: rows.height, count: versions.count)
                if versions.indices.contains(index) {
                    list.selected = index
                    diffScroll = 0
                }
            }
        default: break
        }
        return []
    }

    func view(in area: Rect, frame: inout Frame, _ environment: StudioEnvironment) {
        HistoryView.render(self, in: area, frame: &frame)
    }
}
