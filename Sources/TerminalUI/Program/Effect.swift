/// Work the update function asks for. Tasks run off the UI thread and come
/// back as messages, so the screen never freezes on a database query or replay.
public struct Effect<Message: Sendable>: Sendable {
    enum Kind: Sendable {
        case task(@Sendable () async -> Message?)
        case timer(Duration, Message)
        case stream(@Sendable (_ send: @Sendable (Message) -> Void) async -> Void)
        case quit
    }

    let kind: Kind

    /// Runs `work` concurrently; its message (if any) is delivered to `update`.
    public static func task(_ work: @escaping @Sendable () async -> Message?) -> Effect {
        Effect(kind: .task(work))
    }

    /// Delivers `message` after `delay` (toast expiry, animation steps). Unlike
    /// tasks, test screens do not wait for timers: they fire in real time.
    public static func after(_ delay: Duration, _ message: Message) -> Effect {
        Effect(kind: .timer(delay, message))
    }

    /// Runs `work` concurrently; it may `send` any number of messages as it goes
    /// (a replay reporting progress, then its result). Stop it early with a
    /// `CancellationFlag` that `work` checks.
    public static func stream(_ work: @escaping @Sendable (_ send: @Sendable (Message) -> Void) async -> Void)
        -> Effect
    {
        Effect(kind: .stream(work))
    }

    /// Delivers `message` as soon as possible, after the current update.
    public static func send(_ message: Message) -> Effect {
        .task { message }
    }

    /// Ends the program after this update's frame.
    public static var quit: Effect { Effect(kind: .quit) }
}
