import TerminalUI
import Workspace

/// What every screen may use besides its own state: the open workspace, how the studio was
/// started, and the terminal's current size.
public struct StudioEnvironment: Sendable {
    public enum Mode: Sendable, Hashable {
        /// `cairn`: everything.
        case full
        /// `cairn dashboard`: reading runs only; nothing is written.
        case readOnly
        /// `cairn demo`: a temporary workspace that is thrown away on exit.
        case demo
    }

    public var workspace: Workspace
    /// Where the workspace lives, as the user named it (shown in the title bar).
    public var workspacePath: String
    public var mode: Mode
    /// The whole terminal; screens get their own area in `view`.
    public var screenSize: Size

    public init(
        workspace: Workspace, workspacePath: String, mode: Mode = .full,
        screenSize: Size = Size(width: 80, height: 24)
    ) {
        self.workspace = workspace
        self.workspacePath = workspacePath
        self.mode = mode
        self.screenSize = screenSize
    }

    /// The size a screen's content gets: the terminal less the title row and the status bar.
    public var contentSize: Size {
        Size(width: screenSize.width, height: max(0, screenSize.height - 2))
    }
}
