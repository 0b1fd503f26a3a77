import Analytics
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
        case prompt(CanvasPrompt, Question)
        case confirmDelete(ConfirmState, node: String)
        case editor(NodeEditor)
    }

    var journey: String
    var version: Int?
    var run: Int64?

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

    var leaveQuestion: String? {
        guard let document, document.isDirty else { return nil }
        return "\(journey) has unsaved changes. Leave and discard them?"
    }

    var currentJourney: Journey? { document?.journey }

    var layout: CanvasLayout? {
        currentJourney.map {
            CanvasLayout(journey: $0, compact: compact, labelReserve: overlayCounts == nil ? 0 : 4)
        }
    }

    var overlayCounts: RunCounts? { showsCounts ? counts : nil }

    /// Node ids in the order the outline lists them: the entry, then file order.
    var outlineOrder: [String] {
        guard let journey = currentJourney else { return [] }
        return [Journey.entryID] + journey.nodes.map(\.id)
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

    mutating func receive(_ message: Message, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        switch message {
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
                document?.apply(edited)
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
            case .open: mode = .prompt(prompt, question)
            case .cancelled: mode = .browsing
            case .answered(let answer):
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
        case .left, .right, .up, .down:
            move(action, environment)
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
            guard counts != nil else { return [.toast("No run to show: open the canvas from a run", .info)] }
            showsCounts.toggle()
            keepSelection(environment)
        case .edit:
            openEditor(selected == Journey.entryID ? .entry : .node(selected), journey, environment)
        case .editEntry: openEditor(.entry, journey, environment)
        case .editGoal: openEditor(.goal, journey, environment)
        case .editPolicy: openEditor(.policy, journey, environment)
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
        case .disconnect:
            let ways = JourneyEdits.slots(of: selected, in: journey).filter { $0.target != nil }
            guard !ways.isEmpty else { return [.toast("\(selected) has no edge to disconnect", .info)] }
            ask(
                "Disconnect which edge of \(selected)", .disconnectWay(from: selected),
                choices: wayChoices(ways))
        case .delete:
            guard selected != Journey.entryID else {
                return [.toast("The entry cannot be deleted", .warning)]
            }
            mode = .confirmDelete(
                ConfirmState(
                    title: "Delete",
                    question: "Delete \(selected)? What led to it is reconnected where it can be."),
                node: selected)
        case .moveBranch:
            guard selected != Journey.entryID else { return [.toast("The entry cannot move", .warning)] }
            let branch = JourneyEdits.descendants(of: selected, in: journey)
            ask(
                "Move \(selected)'s branch under", .moveParent(node: selected),
                choices: nodeChoices(journey).filter { !branch.contains($0.value) })
        case .undo:
            guard document?.undo() == true else { return [.toast("Nothing to undo", .info)] }
            keepSelection(environment)
        case .redo:
            guard document?.redo() == true else { return [.toast("Nothing to redo", .info)] }
            keepSelection(environment)
        case .save:
            if let errors = document?.diagnostics.errors, !errors.isEmpty {
                return [
                    .toast("Fix \(errors.count) problem\(errors.count == 1 ? "" : "s") before saving", .error)
                ]
            }
            ask("Save \(self.journey) — message", .saveMessage, freeText: true)
        case .replay:
            return [.send(.open(.replay(journey: self.journey, version: version)))]
        case .dashboard:
            guard let run else { return [.toast("No run to show: replay the journey first (r)", .info)] }
            return [.send(.open(.dashboard(run: run)))]
        case .findLead:
            guard run != nil else {
                return [.toast("No run to look in: replay the journey first (r)", .info)]
            }
            ask("Lead id", .leadID, freeText: true)
        case .editorKey, .promptKey:
            break
        }
        return []
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

    // MARK: Answers

    private mutating func respond(to question: Question, _ answer: String, _ environment: StudioEnvironment)
        -> [Effect<StudioMessage>]
    {
        guard let journey = currentJourney else { return [] }
        switch question {
        case .jump:
            select(answer, environment)
        case .addWay(let from):
            guard let index = Int(answer), let way = JourneyEdits.slots(of: from, in: journey)[safe: index]
            else {
                return []
            }
            askKind(from: from, field: way.field)
        case .insertEdge:
            let parts = answer.split(separator: "\u{1}", maxSplits: 1).map(String.init)
            guard parts.count == 2, let index = Int(parts[1]),
                let way = JourneyEdits.slots(of: parts[0], in: journey)[safe: index]
            else { return [] }
            askKind(from: parts[0], field: way.field)
        case .kind(let from, let field):
            guard let kind = NodeKind(rawValue: answer) else { return [] }
            return edit(environment) { journey throws(JourneyEditError) in
                let (edited, id) = try JourneyEdits.insert(kind, on: field, of: from, in: journey)
                return (edited, id)
            }
        case .connectTarget(let from):
            return edit(environment) { journey throws(JourneyEditError) in
                (try JourneyEdits.connect(from, to: answer, in: journey), from)
            }
        case .disconnectWay(let from):
            guard let index = Int(answer), let way = JourneyEdits.slots(of: from, in: journey)[safe: index]
            else {
                return []
            }
            return edit(environment) { journey throws(JourneyEditError) in
                (try JourneyEdits.setting(way.field, of: from, to: nil, in: journey), from)
            }
        case .moveParent(let node):
            return edit(environment) { journey throws(JourneyEditError) in
                (try JourneyEdits.moveBranch(node, under: answer, in: journey), node)
            }
        case .saveMessage:
            return save(message: answer, environment)
        case .leadID:
            let id = answer.trimmingCharacters(in: .whitespaces)
            guard let run, !id.isEmpty else { return [] }
            return [.send(.open(.lead(id: id, run: run)))]
        }
        return []
    }

    /// Applies an edit as one undoable step, selecting what it returns; a refusal is a toast.
    private mutating func edit(
        _ environment: StudioEnvironment, _ change: (Journey) throws(JourneyEditError) -> (Journey, String)
    ) -> [Effect<StudioMessage>] {
        guard let journey = currentJourney else { return [] }
        do {
            let (edited, focus) = try change(journey)
            document?.apply(edited)
            select(focus, environment)
            return []
        } catch {
            return [.toast(error.message, .warning)]
        }
    }

    private mutating func deleteNode(_ node: String, _ environment: StudioEnvironment) -> [Effect<
        StudioMessage
    >] {
        guard let journey = currentJourney else { return [] }
        let parent = predecessors(of: node, in: journey).first ?? Journey.entryID
        return edit(environment) { journey throws(JourneyEditError) in
            (try JourneyEdits.delete(node, in: journey), parent)
        }
    }

    private func save(message: String, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        guard let journey = currentJourney else { return [] }
        let workspace = environment.workspace
        let text = message.trimmingCharacters(in: .whitespaces)
        return [
            .load {
                do throws(WorkspaceError) {
                    let outcome = try workspace.saveJourney(
                        yaml: JourneyWriter.write(journey), file: "\(journey.id) (canvas)",
                        message: text.isEmpty ? nil : text)
                    return Message.saved(.success(outcome))
                } catch {
                    return Message.saved(.failure(CanvasLoad.Failure(message: error.description)))
                }
            }
        ]
    }

    private mutating func openEditor(
        _ target: EditTarget, _ journey: Journey, _ environment: StudioEnvironment
    ) {
        mode = .editor(NodeEditor(journey: journey, target: target, completions: completions))
        // On a wide terminal the editor sits beside the canvas: keep the node in the part left.
        let size = Self.canvasSize(environment)
        if size.width >= CanvasScreenView.editorBesideWidth {
            reveal(in: Size(width: size.width - CanvasScreenView.editorWidth, height: size.height))
        }
    }

    private mutating func ask(
        _ title: String, _ question: Question, choices: [CanvasPrompt.Choice] = [], freeText: Bool = false
    ) {
        mode = .prompt(CanvasPrompt(title: title, choices: choices, freeText: freeText), question)
    }

    private mutating func askKind(from: String, field: EdgeSlot.Field) {
        let kinds = NodeKind.listable.map { kind in
            CanvasPrompt.Choice(value: kind.rawValue, text: kind.rawValue, detail: Self.kindDetail(kind))
        }
        ask("Add after \(from): kind", .kind(from: from, field: field), choices: kinds)
    }

    static func kindDetail(_ kind: NodeKind) -> String {
        switch kind {
        case .decision: return "if a condition holds, else"
        case .split: return "weighted A/B paths"
        case .wait: return "a time, an event or a window"
        case .action: return "send, update, score, hand off"
        case .goal: return "converts the lead"
        case .exit: return "ends the journey"
        case .entry: return ""
        }
    }

    private func nodeChoices(_ journey: Journey) -> [CanvasPrompt.Choice] {
        outlineOrder.map { id in
            let node = journey.node(id)
            let detail = node.map(NodeSummary.line) ?? NodeSummary.trigger(journey.entry.trigger)
            return CanvasPrompt.Choice(
                value: id, text: node?.label.map { "\(id) “\($0)”" } ?? id, detail: detail)
        }
    }

    private func wayChoices(_ ways: [EdgeSlot]) -> [CanvasPrompt.Choice] {
        let all = currentJourney.map { journey in JourneyEdits.slots(of: selection ?? "", in: journey) } ?? []
        return ways.map { way in
            let index = all.firstIndex(of: way) ?? 0
            let label = way.label.isEmpty ? "next" : way.label
            return CanvasPrompt.Choice(
                value: "\(index)", text: label, detail: "→ " + (way.target ?? "(not connected)"))
        }
    }

    private func edgeChoices(_ journey: Journey) -> [CanvasPrompt.Choice] {
        outlineOrder.flatMap { from in
            JourneyEdits.slots(of: from, in: journey).enumerated().compactMap {
                index, way -> CanvasPrompt.Choice? in
                guard let target = way.target else { return nil }
                let label = way.label.isEmpty ? "" : " [\(way.label)]"
                return CanvasPrompt.Choice(value: "\(from)\u{1}\(index)", text: "\(from) → \(target)\(label)")
            }
        }
    }

    // MARK: Selection and navigation

    func successors(of id: String, in journey: Journey) -> [String] {
        var seen: Set<String> = []
        let known = Set(outlineOrder)
        return JourneyEdits.slots(of: id, in: journey).compactMap(\.target).filter {
            known.contains($0) && seen.insert($0).inserted
        }
    }

    func predecessors(of id: String, in journey: Journey) -> [String] {
        outlineOrder.filter { successors(of: $0, in: journey).contains(id) }
    }

    /// The size the graph is drawn in: the content less the status line.
    static func canvasSize(_ environment: StudioEnvironment) -> Size {
        let content = environment.contentSize
        return Size(width: content.width, height: max(0, content.height - 1))
    }

    mutating func select(_ id: String, _ environment: StudioEnvironment, keepTrail: Bool = false) {
        guard outlineOrder.contains(id) else { return }
        if !keepTrail { trail.removeAll() }
        selection = id
        reveal(environment)
    }

    /// Keeps the selection if the node is still there (after an edit or undo), else the entry.
    mutating func keepSelection(_ environment: StudioEnvironment) {
        select(
            outlineOrder.contains(selection ?? "") ? selection ?? Journey.entryID : Journey.entryID,
            environment)
    }

    /// Scrolls so the selected box (with a margin) is in view: centred on it when it was out of
    /// view, so a jump shows the box with what lies around it.
    mutating func reveal(_ environment: StudioEnvironment) {
        reveal(in: Self.canvasSize(environment))
    }

    mutating func reveal(in size: Size) {
        guard let layout, let box = selection.flatMap(layout.box) else { return }
        let margin = Rect(
            x: box.rect.x - 2, y: box.rect.y - 1, width: box.rect.width + 4, height: box.rect.height + 2)
        let visible = Rect(origin: viewport.offset, size: size)
        if visible.intersection(margin) != margin {
            let center = Self.center(box.rect)
            if margin.x < visible.x || margin.maxX > visible.maxX {
                viewport.offset.x = center.x - size.width / 2
            }
            if margin.y < visible.y || margin.maxY > visible.maxY {
                viewport.offset.y = center.y - size.height / 2
            }
        }
        viewport.scroll(dx: 0, dy: 0, extent: layout.extent, viewport: size)
    }

    /// The nearest box in a direction: the one ahead with the least distance, sideways counted double.
    private mutating func move(_ action: CanvasAction, _ environment: StudioEnvironment) {
        if showsOutline(Self.canvasSize(environment)) {
            let order = outlineOrder
            let index = order.firstIndex(of: selection ?? "") ?? 0
            let step = action == .up || action == .left ? -1 : 1
            if order.indices.contains(index + step) { select(order[index + step], environment) }
            return
        }
        guard let layout, let current = selection.flatMap(layout.box) else { return }
        let from = Self.center(current.rect)
        var best: (score: Int, id: String)?
        for box in layout.boxes where box.id != current.id {
            let to = Self.center(box.rect)
            let (ahead, side): (Int, Int)
            switch action {
            case .left: (ahead, side) = (from.x - to.x, to.y - from.y)
            case .right: (ahead, side) = (to.x - from.x, to.y - from.y)
            case .up: (ahead, side) = (from.y - to.y, to.x - from.x)
            default: (ahead, side) = (to.y - from.y, to.x - from.x)
            }
            guard ahead > 0 else { continue }
            let score = ahead + 2 * abs(side)
            if best == nil || score < best?.score ?? 0 { best = (score, box.id) }
        }
        if let best { select(best.id, environment) }
    }

    static func center(_ rect: Rect) -> Point {
        Point(x: rect.x + rect.width / 2, y: rect.y + rect.height / 2)
    }

    // MARK: Mouse

    mutating func mouse(_ event: MouseEvent, in area: Rect, _ environment: StudioEnvironment) -> [Effect<
        StudioMessage
    >] {
        guard case .browsing = mode, let layout else { return [] }
        let canvasArea = Rect(x: area.x, y: area.y, width: area.width, height: max(0, area.height - 1))
        let outline = showsOutline(canvasArea.size)
        switch event.kind {
        case .press(button: 1):
            guard canvasArea.contains(event.position) else { return [] }
            if outline {
                let row =
                    event.position.y - canvasArea.y
                    + CanvasScreenView.outlineOffset(self, height: canvasArea.height)
                if let id = outlineOrder[safe: row] { select(id, environment) }
            } else {
                let point = Point(
                    x: event.position.x - canvasArea.x + viewport.offset.x,
                    y: event.position.y - canvasArea.y + viewport.offset.y)
                if let box = layout.box(at: point) { select(box.id, environment) }
            }
        case .wheelUp, .wheelDown:
            let step = event.kind == .wheelUp ? -3 : 3
            if outline {
                move(step < 0 ? .up : .down, environment)
            } else {
                // Journeys run left to right: when the graph fits top to bottom the wheel pans along it.
                let tall = layout.extent.height > canvasArea.height
                viewport.scroll(
                    dx: tall ? 0 : step * 4, dy: tall ? step : 0, extent: layout.extent,
                    viewport: canvasArea.size)
            }
        default:
            break
        }
        return []
    }

    func view(in area: Rect, frame: inout Frame, _ environment: StudioEnvironment) {
        CanvasScreenView.render(self, in: area, frame: &frame)
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
