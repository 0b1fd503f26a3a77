/// What a screen hands the event loop when asked for input.
public enum ScreenInput: Hashable, Sendable {
    case event(Event)
    /// Nothing arrived within the timeout.
    case idle
    /// No more input will come: a test script ran out, or a signal asked the
    /// program to stop (its number is given so the caller can re-raise it).
    case closed(signal: Int32?)
}

/// A place a program draws to and reads input from: the real terminal
/// (`NcursesScreen`) or memory (`TestScreen`). Used from one thread only.
public protocol Screen: AnyObject {
    var size: Size { get }
    var colorDepth: ColorDepth { get }
    var glyphs: GlyphSet { get }
    /// Shows a frame; only what changed since the last one needs drawing.
    func draw(_ buffer: Buffer, cursor: Point?)
    /// Waits up to `timeout` for the next input.
    func nextInput(timeout: Duration) -> ScreenInput
    /// When true, the event loop lets running effects finish before reading the
    /// next input, so scripted tests are deterministic.
    var waitsForEffects: Bool { get }
}
