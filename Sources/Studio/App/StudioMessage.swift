import TerminalUI

/// Everything the studio's update function receives.
public enum StudioMessage: Sendable {
    /// A key, mouse, resize or tick from the terminal.
    case event(Event)
    /// Push a screen.
    case open(Route)
    /// Replace the current screen.
    case replace(Route)
    /// Pop the current screen (asking first if it has unsaved work).
    case back
    case toast(String, Toast.Kind)
    case toastExpired(Int)
    /// A screen's own message (a finished load, replay progress). It goes to the topmost
    /// screen whose `Message` type it is; screens that are gone drop it.
    case screen(any Sendable)
}

extension Effect where Message == StudioMessage {
    /// Runs `work` off the UI thread and delivers its result to the screen that asked.
    static func load<Result: Sendable>(_ work: @escaping @Sendable () async -> Result) -> Effect {
        .task { .screen(await work()) }
    }

    static func toast(_ text: String, _ kind: Toast.Kind = .info) -> Effect {
        .send(.toast(text, kind))
    }
}
