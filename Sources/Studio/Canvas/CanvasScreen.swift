import JourneyModel
import TerminalUI
import Workspace

/// A journey on the canvas: laid out left to right, navigated by direction, edge and name,
/// edited with undo, validated as it changes, saved as a new version; with a run's counts on
/// top when the route names a run.
struct CanvasScreen: StudioScreen {
    typealias Action = CanvasAction

    enum Message: Sendable {
        case loaded(Result<CanvasLoad, CanvasLoad.Failure>)
        case saved(Result<JourneySaveOutcome, CanvasLoad.Failure>)
        /// The newest replay of the journey (`nil`: none); `asked` when `v` looked for it.
        case latestRun(CanvasLatestRun?, asked: Bool)
    }

    /// What a prompt's answer is for.
    enum Question: Sendable, Hashable {
        case jump
        case addWay(from: String)
        case kind(from: String, field: EdgeSlot.Field)
        case insertEdge
        case connectTarget(from: String)
        case disconnectWay(from: String)
        case moveParent(node: String)
        case saveMessage
        case leadID
    }

    enum Mode: Sendable {
        case browsing
        case prompt(Prompt, Question)
        case confirmDelete(ConfirmState, node: String)
        case editor(NodeEditor)
    }

    var journey: String
    var version: Int?
    var run: Int64?

    /// A prompt, a question or the node editor takes every key while it is open.
    var capturesKeys: Bool {
        if case .browsing = mode { return false }
        return true
    }

    var document: CanvasDocument?
    var problem: String?
    var counts: RunCounts?
    var completions = FieldCompletions()
    var selection: String?
    var viewport = CanvasViewport()
    var compact = false
    var outlineWanted = false
    var showsCounts = true
    var mode = Mode.browsing
    /// Where Tab came from, for Shift-Tab; and which edge Tab takes next from each node.
    var trail: [String] = []
    var edgeTurns: [String: Int] = [:]

    init(journey: String, version: Int?, run: Int64?) {
        self.journey = journey
        self.version = version
        self.run = run
    }

    var title: String { journey }

    var keyMap: KeyMap<CanvasAction> {
        switch mode {
        case .browsing: return CanvasKeys.canvas
        case .prompt: return CanvasKeys.prompt
        case .confirmDelete: return CanvasKeys.confirm
        case .editor(let editor): return CanvasKeys.editor(editor.keyMap)
        }
    }

    static var keyTables: [KeyTable] {
        [
            KeyTable("Canvas", CanvasKeys.canvas),
            KeyTable("Canvas prompt", CanvasKeys.prompt, takesEveryKey: true),
            KeyTable("Canvas delete question", CanvasKeys.confirm, takesEveryKey: true),
        ]
    }

    var statusMode: String {
        switch mode {
        case .editor: return "EDIT"
        case .prompt, .confirmDelete: return "ASK"
        case .browsing: return document?.isDirty == true ? "MODIFIED" : ""
        }
    }

    var statusHints: [KeyHint] {
        if case .prompt(let prompt, _) = mode { return prompt.keyHints }
        return keyMap.statusHints
    }

    var leaveQuestion: String? {
        guard let document, document.isDirty else { return nil }
        return "\(journey) has unsaved changes. Leave and discard them?"
    }

    var currentJourney: Journey? { document?.journey }

    /// The graph as drawn on a canvas of `size`: top to bottom when narrow (`CanvasLayout`).
    func layout(for size: Size) -> CanvasLayout? {
        currentJourney.map {
            CanvasLayout(
                journey: $0, compact: compact, labelReserve: overlayCounts == nil ? 0 : 4, width: size.width)
        }
    }

    var overlayCounts: RunCounts? { showsCounts ? counts : nil }

    /// Node ids in the order the outline lists them: the flow from the entry (`Journey.idsInFlowOrder`).
    var outlineOrder: [String] {
        guard let journey = currentJourney else { return [] }
        return journey.idsInFlowOrder
    }

    /// The outline replaces the graph when asked, or when the graph would be too cramped.
    func showsOutline(_ size: Size) -> Bool {
        outlineWanted || size.width < 60 || size.height < 10
    }

    // MARK: Loading

    func onAppear(_ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        let workspace = environment.workspace
        let order = (journey: journey, version: version, run: run)
        return [
            .load {
                Message.loaded(
                    CanvasLoad.load(workspace, journey: order.journey, version: order.version, run: order.run)
                )
            }
        ]
    }

    /// Back from the screens above (a replay and its dashboard): a newer replay's counts show.
    func onReturn(_ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        findLatestRun(environment, after: run, asked: false)
    }

    func findLatestRun(_ environment: StudioEnvironment, after: Int64?, asked: Bool) -> [Effect<
        StudioMessage
    >] {
        let workspace = environment.workspace
        let journey = journey
        return [
            .load {
                Message.latestRun(
                    CanvasLatestRun.load(workspace, journey: journey, after: after), asked: asked)
            }
        ]
    }

    mutating func receive(_ message: Message, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        switch message {
        case .latestRun(let found?, let asked):
            run = found.run
            counts = found.counts
            showsCounts = true
            keepSelection(environment)
            return [.toast("Showing run #\(found.run)'s counts\(asked ? "" : ": v hides them")", .info)]
        case .latestRun(nil, let asked):
            return asked ? [.toast("No run of \(journey) yet: press r to replay it", .info)] : []
        case .loaded(.success(let load)):
            document = CanvasDocument(journey: load.journey, version: load.version)
            version = load.version
            counts = load.counts
            completions = load.completions
            problem = nil
            select(Journey.entryID, environment)
            if let countsProblem = load.countsProblem { return [.toast(countsProblem, .warning)] }
        case .loaded(.failure(let failure)):
            problem = failure.message
        case .saved(.success(let outcome)):
            document?.markSaved(version: outcome.version)
            version = outcome.version
            if outcome.created { return [.toast("Saved \(outcome.journey) v\(outcome.version)", .success)] }
            return [.toast("No change: v\(outcome.version) already has this content", .info)]
        case .saved(.failure(let failure)):
            return [.toast("Not saved: \(failure.message)", .error)]
        }
        return []
    }

    // MARK: Keys

    mutating func intercept(_ key: Key, _ environment: StudioEnvironment) -> [Effect<StudioMessage>]? {
        switch mode {
        case .browsing:
            return nil
        case .editor(var editor):
            switch editor.handle(key) {
            case .editing: mode = .editor(editor)
            case .cancelled: mode = .browsing
            case .saved(let edited):
                mode = .browsing
                // A renamed node keeps its place in the list: the selection follows it there.
                let place = currentJourney?.nodes.firstIndex { $0.id == selection }
                document?.apply(edited)
                if let place, edited.nodes.indices.contains(place) { selection = edited.nodes[place].id }
                keepSelection(environment)
            }
            return []
        case .confirmDelete(var confirm, let node):
            switch confirm.handle(key) {
            case .none: mode = .confirmDelete(confirm, node: node)
            case .cancelled: mode = .browsing
            case .confirmed:
                mode = .browsing
                return deleteNode(node, environment)
            }
            return []
        case .prompt(var prompt, let question):
            switch prompt.handle(key) {
            case .editing: mode = .prompt(prompt, question)
            case .cancelled: mode = .browsing
            case .submitted(let answer):
                mode = .browsing
                return respond(to: question, answer, environment)
            }
            return []
        }
    }

    mutating func perform(_ action: CanvasAction, _ environment: StudioEnvironment) -> [Effect<StudioMessage>]
    {
        guard let journey = currentJourney else { return [] }
        let selected = selection ?? Journey.entryID
        if Self.isEdit(action), environment.mode == .readOnly {
            return [.toast("Read-only: editing and replaying are off here", .warning)]
        }
        switch action {
        case .left, .right, .up, .down, .nextEdge, .previousEdge, .jump, .compact, .outline, .overlay:
            return browse(action, selected, journey, environment)
        case .edit:
            openEditor(selected == Journey.entryID ? .entry : .node(selected), journey, environment)
        case .editEntry: openEditor(.entry, journey, environment)
        case .editGoal: openEditor(.goal, journey, environment)
        case .editPolicy: openEditor(.policy, journey, environment)
        case .add, .insert, .connect, .disconnect:
            return changeEdges(action, selected, journey)
        case .delete, .moveBranch:
            return changeNode(action, selected, journey)
        case .undo, .redo, .save:
            return changeHistory(action, environment)
        case .replay, .dashboard, .findLead:
            return openRunView(action)
        case .editorKey, .promptKey:
            break
        }
        return []
    }

    /// Moving around and changing what the canvas shows.
    private mutating func browse(
        _ action: CanvasAction, _ selected: String, _ journey: Journey, _ environment: StudioEnvironment
    ) -> [Effect<StudioMessage>] {
        switch action {
        case .nextEdge:
            let targets = successors(of: selected, in: journey)
            guard !targets.isEmpty else { return [.toast("\(selected) has no way out", .info)] }
            let turn = edgeTurns[selected, default: 0]
            edgeTurns[selected] = turn + 1
            trail.append(selected)
            select(targets[turn % targets.count], environment, keepTrail: true)
        case .previousEdge:
            if let previous = trail.popLast() {
                select(previous, environment, keepTrail: true)
            } else if let parent = predecessors(of: selected, in: journey).first {
                select(parent, environment, keepTrail: true)
            }
        case .jump:
            ask("Jump to", .jump, choices: nodeChoices(journey))
        case .compact:
            compact.toggle()
            keepSelection(environment)
        case .outline:
            outlineWanted.toggle()
        case .overlay:
            guard counts != nil else { return findLatestRun(environment, after: nil, asked: true) }
            showsCounts.toggle()
            keepSelection(environment)
        default:
            move(action, environment)
        }
        return []
    }

    /// Adding, inserting, connecting and disconnecting: each asks which way or which node first.
    private mutating func changeEdges(_ action: CanvasAction, _ selected: String, _ journey: Journey)
        -> [Effect<StudioMessage>]
    {
        switch action {
        case .add:
            let ways = JourneyEdits.slots(of: selected, in: journey)
            guard !ways.isEmpty else {
                return [.toast("\(selected) ends the journey: select a node before which to add", .warning)]
            }
            if ways.count == 1, let way = ways.first {
                askKind(from: selected, field: way.field)
            } else {
                ask("Add after \(selected): which way", .addWay(from: selected), choices: wayChoices(ways))
            }
        case .insert:
            ask("Insert on which edge", .insertEdge, choices: edgeChoices(journey))
        case .connect:
            ask(
                "Connect \(selected) to", .connectTarget(from: selected),
                choices: nodeChoices(journey).filter { $0.value != Journey.entryID })
        default:
            let ways = JourneyEdits.slots(of: selected, in: journey).filter { $0.target != nil }
            guard !ways.isEmpty else { return [.toast("\(selected) has no edge to disconnect", .info)] }
            ask(
                "Disconnect which edge of \(selected)", .disconnectWay(from: selected),
                choices: wayChoices(ways))
        }
        return []
    }

    /// Deleting the selected node (asked first) or moving its branch.
    private mutating func changeNode(_ action: CanvasAction, _ selected: String, _ journey: Journey)
        -> [Effect<StudioMessage>]
    {
        guard selected != Journey.entryID else {
            return [
                .toast(action == .delete ? "The entry cannot be deleted" : "The entry cannot move", .warning)
            ]
        }
        if action == .delete {
            mode = .confirmDelete(
                ConfirmState(
                    title: "Delete",
                    question: "Delete \(selected)? What led to it is reconnected where it can be."),
                node: selected)
        } else {
            let branch = JourneyEdits.descendants(of: selected, in: journey)
            ask(
                "Move \(selected)'s branch under", .moveParent(node: selected),
                choices: nodeChoices(journey).filter { !branch.contains($0.value) })
        }
        return []
    }

    /// Undo, redo and save.
    private mutating func changeHistory(_ action: CanvasAction, _ environment: StudioEnvironment)
        -> [Effect<StudioMessage>]
    {
        switch action {
        case .undo:
            guard document?.undo() == true else { return [.toast("Nothing to undo", .info)] }
            keepSelection(environment)
        case .redo:
            guard document?.redo() == true else { return [.toast("Nothing to redo", .info)] }
            keepSelection(environment)
        default:
            if let errors = document?.diagnostics.errors, !errors.isEmpty {
                return [
                    .toast("Fix \(errors.count) problem\(errors.count == 1 ? "" : "s") before saving", .error)
                ]
            }
            ask(
                Prompt(
                    title: "Save \(self.journey)", label: "Message:",
                    note: "saved as a new version; the message is optional", check: Prompt.anything),
                .saveMessage)
        }
        return []
    }

    /// The replay, the run's dashboard, or a lead of the run.
    private mutating func openRunView(_ action: CanvasAction) -> [Effect<StudioMessage>] {
        switch action {
        case .replay:
            return [.send(.open(.replay(journey: self.journey, version: version)))]
        case .dashboard:
            guard let run else { return [.toast("No run to show: replay the journey first (r)", .info)] }
            return [.send(.open(.dashboard(run: run)))]
        default:
            guard run != nil else {
                return [.toast("No run to look in: replay the journey first (r)", .info)]
            }
            ask(
                Prompt(title: "Find a lead", label: "Lead id:", note: "opens its timeline in this run"),
                .leadID)
            return []
        }
    }

    static func isEdit(_ action: CanvasAction) -> Bool {
        switch action {
        case .edit, .editEntry, .editGoal, .editPolicy, .add, .insert, .connect, .disconnect, .delete,
            .moveBranch, .undo, .redo, .save, .replay:
            return true
        default:
            return false
        }
    }

    func view(in area: Rect, frame: inout Frame, _ environment: StudioEnvironment) {
        CanvasScreenView.render(self, in: area, frame: &frame)
    }
}
