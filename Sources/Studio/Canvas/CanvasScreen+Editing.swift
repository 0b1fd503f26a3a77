import JourneyModel
import TerminalUI
import Workspace

/// The canvas's answers to its prompts and the edits they make.
extension CanvasScreen {
    mutating func respond(to question: Question, _ answer: String, _ environment: StudioEnvironment)
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
    mutating func edit(
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

    mutating func deleteNode(_ node: String, _ environment: StudioEnvironment) -> [Effect<
        StudioMessage
    >] {
        guard let journey = currentJourney else { return [] }
        let parent = predecessors(of: node, in: journey).first ?? Journey.entryID
        return edit(environment) { journey throws(JourneyEditError) in
            (try JourneyEdits.delete(node, in: journey), parent)
        }
    }

    func save(message: String, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        guard let journey = currentJourney else { return [] }
        let workspace = environment.workspace
        let text = message.trimmingCharacters(in: .whitespaces)
        return [
            .load {
                do throws(WorkspaceError) {
                    let outcome = try workspace.saveJourney(
                        journey, yaml: JourneyWriter.write(journey), file: "\(journey.id) (canvas)",
                        message: text.isEmpty ? nil : text)
                    return Message.saved(.success(outcome))
                } catch {
                    return Message.saved(.failure(CanvasLoad.Failure(message: error.description)))
                }
            }
        ]
    }

    mutating func openEditor(
        _ target: EditTarget, _ journey: Journey, _ environment: StudioEnvironment
    ) {
        mode = .editor(NodeEditor(journey: journey, target: target, completions: completions))
        // On a wide terminal the editor sits beside the canvas: keep the node in the part left.
        let size = Self.canvasSize(environment)
        if size.width >= CanvasScreenView.editorBesideWidth {
            let editor = CanvasScreenView.editorWidth(forCanvasWidth: size.width)
            reveal(in: Size(width: size.width - editor, height: size.height), layoutWidth: size.width)
        }
    }

    mutating func ask(_ title: String, _ question: Question, choices: [Prompt.Choice]) {
        ask(Prompt(title: title, choices: choices), question)
    }

    mutating func ask(_ prompt: Prompt, _ question: Question) {
        mode = .prompt(prompt, question)
    }

    mutating func askKind(from: String, field: EdgeSlot.Field) {
        let kinds = NodeKind.listable.map { kind in
            Prompt.Choice(value: kind.rawValue, text: kind.rawValue, detail: Self.kindDetail(kind))
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

    func nodeChoices(_ journey: Journey) -> [Prompt.Choice] {
        outlineOrder.map { id in
            let node = journey.node(id)
            let detail = node.map(NodeSummary.line) ?? NodeSummary.trigger(journey.entry.trigger)
            return Prompt.Choice(
                value: id, text: node?.label.map { "\(id) “\($0)”" } ?? id, detail: detail)
        }
    }

    func wayChoices(_ ways: [EdgeSlot]) -> [Prompt.Choice] {
        let all = currentJourney.map { journey in JourneyEdits.slots(of: selection ?? "", in: journey) } ?? []
        return ways.map { way in
            let index = all.firstIndex(of: way) ?? 0
            let label = way.label.isEmpty ? "next" : way.label
            return Prompt.Choice(
                value: "\(index)", text: label, detail: "→ " + (way.target ?? "(not connected)"))
        }
    }

    func edgeChoices(_ journey: Journey) -> [Prompt.Choice] {
        outlineOrder.flatMap { from in
            JourneyEdits.slots(of: from, in: journey).enumerated().compactMap {
                index, way -> Prompt.Choice? in
                guard let target = way.target else { return nil }
                let label = way.label.isEmpty ? "" : " [\(way.label)]"
                return Prompt.Choice(value: "\(from)\u{1}\(index)", text: "\(from) → \(target)\(label)")
            }
        }
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
