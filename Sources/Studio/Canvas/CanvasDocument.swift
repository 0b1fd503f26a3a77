import JourneyModel

/// The journey being edited on the canvas: the current value, undo and redo as whole
/// journeys (small values, so a snapshot per edit is simpler and safer than inverse edits),
/// what was last saved, and the validator's findings on the current value.
struct CanvasDocument: Sendable, Hashable {
    private(set) var journey: Journey
    private(set) var saved: Journey
    /// The version the saved content is.
    var version: Int
    private var undoStack: [Journey] = []
    private var redoStack: [Journey] = []
    private(set) var diagnostics: [Diagnostic] = []

    init(journey: Journey, version: Int) {
        self.journey = journey
        self.saved = journey
        self.version = version
        diagnostics = JourneyValidator.validate(journey)
    }

    var isDirty: Bool { journey != saved }
    var canUndo: Bool { !undoStack.isEmpty }
    var canRedo: Bool { !redoStack.isEmpty }

    /// Nodes with an error or a warning.
    var problemNodes: Set<String> { Set(diagnostics.compactMap(\.nodeID)) }

    /// The message to show for `node`, else the first one.
    func message(for node: String?) -> Diagnostic? {
        diagnostics.first { $0.nodeID != nil && $0.nodeID == node } ?? diagnostics.first
    }

    /// Applies an edit as one undoable step; an edit that changes nothing is not a step.
    mutating func apply(_ edited: Journey) {
        guard edited != journey else { return }
        undoStack.append(journey)
        redoStack.removeAll()
        journey = edited
        diagnostics = JourneyValidator.validate(journey)
    }

    @discardableResult
    mutating func undo() -> Bool {
        guard let previous = undoStack.popLast() else { return false }
        redoStack.append(journey)
        journey = previous
        diagnostics = JourneyValidator.validate(journey)
        return true
    }

    @discardableResult
    mutating func redo() -> Bool {
        guard let next = redoStack.popLast() else { return false }
        undoStack.append(journey)
        journey = next
        diagnostics = JourneyValidator.validate(journey)
        return true
    }

    mutating func markSaved(version: Int) {
        saved = journey
        self.version = version
    }
}
