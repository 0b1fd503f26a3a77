import TerminalUI

/// An overlay the studio draws over the current screen; it takes keys first.
enum StudioOverlay: Sendable {
    case help(scroll: Int)
    case palette(PaletteState)
    /// Leaving a screen with unsaved work: `quit` says whether the whole studio is leaving.
    case confirmLeave(ConfirmState, quit: Bool)
}

/// The whole studio: a stack of screens (home at the bottom), an overlay, a toast.
public struct StudioModel: Sendable {
    var environment: StudioEnvironment
    var stack: [any StudioScreen]
    var overlay: StudioOverlay?
    var toast: Toast?
    /// Bumped per toast so an expiry only clears the toast it was for.
    var toastGeneration = 0
    var theme: Theme

    init(environment: StudioEnvironment, start: [Route], theme: Theme) {
        self.environment = environment
        self.stack = start.map { $0.makeScreen(environment) }
        self.theme = theme
    }

    var current: any StudioScreen {
        get { stack[stack.count - 1] }
        set { stack[stack.count - 1] = newValue }
    }
}
