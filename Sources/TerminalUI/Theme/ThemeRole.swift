/// What a piece of the screen *means*; themes say how each meaning looks, so
/// widgets and the studio never pick raw colours.
public enum ThemeRole: String, CaseIterable, Hashable, Sendable {
    case text
    case muted
    case surface
    case panel
    case border
    case focus
    case title
    case accent
    case selection
    case success
    case warning
    case error
    case info
    case statusBar = "status-bar"
    case key
    case input
    case chart
    // Journey node kinds, named here so every theme colours the canvas consistently.
    case nodeEntry = "node.entry"
    case nodeDecision = "node.decision"
    case nodeSplit = "node.split"
    case nodeWait = "node.wait"
    case nodeAction = "node.action"
    case nodeGoal = "node.goal"
    case nodeExit = "node.exit"
}
