import JourneyModel
import TerminalUI

/// What the node editor edits: one node, or the journey's entry, goal or policy.
enum EditTarget: Sendable, Hashable {
    case node(String)
    case entry
    case goal
    case policy
}

/// Names the condition builder completes: the cohort's property names (with the type of
/// their values where known) and the event types seen.
struct FieldCompletions: Sendable, Hashable {
    var properties: [String] = []
    var eventTypes: [String] = []
}

/// The node editor: a form per node kind (and for the entry, goal and policy), with the
/// condition builder. The canvas owns one while it is open and gives it every key.
/// (Placeholder until the editor lands: Esc cancels.)
struct NodeEditor: Sendable {
    enum Outcome: Sendable {
        /// Still editing.
        case editing
        /// Left without changes.
        case cancelled
        /// Applied: the journey with the edit.
        case saved(Journey)
    }

    var journey: Journey
    var target: EditTarget
    var completions: FieldCompletions

    init(journey: Journey, target: EditTarget, completions: FieldCompletions) {
        self.journey = journey
        self.target = target
        self.completions = completions
    }

    /// The keys the editor answers, for the status bar and help.
    var keyMap: KeyMap<Key> { Self.keys }
    static let keys = KeyMap<Key>([KeyBinding(keys: ["esc"], action: .escape, help: "cancel")])
    static var keyTables: [KeyTable] { [KeyTable("Node editor", keys, takesEveryKey: true)] }

    mutating func handle(_ key: Key) -> Outcome {
        key == .escape ? .cancelled : .editing
    }

    func view(in area: Rect, frame: inout Frame) {
        frame.render(Block(title: "Edit", focused: true), in: area)
    }
}
