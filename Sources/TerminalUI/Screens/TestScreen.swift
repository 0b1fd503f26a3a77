/// An in-memory screen of fixed size fed a script of events: the way every
/// screen of the studio is tested without a terminal. It records each frame.
public final class TestScreen: Screen {
    public private(set) var size: Size
    public let colorDepth: ColorDepth
    public let glyphs: GlyphSet
    public private(set) var frames: [Buffer] = []
    public private(set) var cursor: Point?
    private var script: [Event]

    public init(
        size: Size, events: [Event] = [], colorDepth: ColorDepth = .truecolor, glyphs: GlyphSet = .unicode
    ) {
        self.size = size
        self.script = events
        self.colorDepth = colorDepth
        self.glyphs = glyphs
    }

    public convenience init(width: Int, height: Int, events: [Event] = []) {
        self.init(size: Size(width: width, height: height), events: events)
    }

    /// The frame drawn last (an empty buffer before the first draw).
    public var lastFrame: Buffer {
        frames.last ?? Buffer(size: size)
    }

    /// Appends events to the script (e.g. between two runs).
    public func enqueue(_ events: [Event]) {
        script += events
    }

    public func draw(_ buffer: Buffer, cursor: Point?) {
        frames.append(buffer)
        self.cursor = cursor
    }

    public func nextInput(timeout: Duration) -> ScreenInput {
        guard !script.isEmpty else { return .closed(signal: nil) }
        let event = script.removeFirst()
        if case .resize(let newSize) = event {
            size = newSize
        }
        return .event(event)
    }

    public var waitsForEffects: Bool { true }
}

extension Event {
    /// Events typing each character of `text`, for scripts.
    public static func typing(_ text: String) -> [Event] {
        text.map { .key(.character($0)) }
    }

    /// Parses key names (`"ctrl+p"`, `"down"`) into events; unknown names are dropped.
    public static func keys(_ names: String...) -> [Event] {
        names.compactMap { Key(parsing: $0).map(Event.key) }
    }
}
