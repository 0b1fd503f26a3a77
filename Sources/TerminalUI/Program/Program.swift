import Dispatch
import Synchronization

/// An Elm-style program: the model is a value; `update` changes it in
/// response to a message and returns effects; `view` draws it. Input events
/// become messages through `translate`. Effects run concurrently and their
/// results come back as messages; everything else happens on the calling thread.
public struct Program<Model, Message: Sendable> {
    public typealias Update = (inout Model, Message) -> [Effect<Message>]
    public typealias View = (Model, inout Frame) -> Void
    public typealias Translate = (Event, Model) -> Message?

    public var model: Model
    public var initialEffects: [Effect<Message>]
    public var update: Update
    public var view: View
    public var translate: Translate
    /// Below this size the view is replaced by a "needs at least W×H" notice.
    public var minimumSize: Size
    /// How often `.tick` is sent; `nil` for no ticks.
    public var tickInterval: Duration?
    public var theme: Theme
    /// When set, picks the theme from the model each frame (for live theme switching).
    public var themeProvider: ((Model) -> Theme)?

    public init(
        model: Model, initialEffects: [Effect<Message>] = [], minimumSize: Size = Size(width: 20, height: 5),
        tickInterval: Duration? = nil, theme: Theme = .fallback,
        translate: @escaping Translate, update: @escaping Update, view: @escaping View
    ) {
        self.model = model
        self.initialEffects = initialEffects
        self.minimumSize = minimumSize
        self.tickInterval = tickInterval
        self.theme = theme
        self.translate = translate
        self.update = update
        self.view = view
    }

    /// Why a run ended.
    public enum Ending: Hashable, Sendable {
        /// An update returned `.quit`.
        case quit
        /// The screen has no more input (a test script ran out).
        case inputClosed
        /// A signal (SIGINT, SIGTERM, SIGHUP) asked the program to stop.
        case signal(Int32)
    }

    /// Renders one frame of `model` at `size` — what `run` draws, exposed for snapshot tests.
    public func render(
        _ model: Model, size: Size, depth: ColorDepth = .truecolor, glyphs: GlyphSet = .unicode
    ) -> Frame {
        let currentTheme = themeProvider?(model) ?? theme
        var frame = Frame(size: size, theme: currentTheme.resolved(for: depth), glyphs: glyphs)
        frame.fill(frame.area, role: .surface)
        if size.fits(minimumSize) {
            view(model, &frame)
        } else {
            frame.cursor = nil
            frame.render(MinimumSizeNotice(minimum: minimumSize), in: frame.area)
        }
        return frame
    }

    /// Runs until an update quits, input closes or a signal arrives; returns
    /// the final model and why it stopped.
    public mutating func run(on screen: some Screen) -> (model: Model, ending: Ending) {
        var state = RunState(model: model)
        // The program learns the starting size the way it learns later ones.
        send(translate(.resize(screen.size), state.model), &state)
        perform(initialEffects, &state)
        draw(state.model, on: screen)
        var nextTick = tickInterval.map { ContinuousClock.now + $0 }
        while !state.quitting {
            let changed = settle(&state, screen: screen)
            if state.quitting { break }
            if changed { draw(state.model, on: screen) }
            if let ending = handleInput(&state, screen: screen, nextTick: nextTick) {
                self.model = state.model
                return (state.model, ending)
            }
            if let deadline = nextTick, let interval = tickInterval, ContinuousClock.now >= deadline {
                nextTick = deadline + interval
                if send(translate(.tick, state.model), &state) { draw(state.model, on: screen) }
            }
        }
        self.model = state.model
        return (state.model, .quit)
    }

    /// What one `run` holds while it runs.
    private struct RunState {
        var model: Model
        var quitting = false
        let inbox = EffectInbox<Message>()
    }

    private func perform(_ effects: [Effect<Message>], _ state: inout RunState) {
        for effect in effects {
            switch effect.kind {
            case .quit: state.quitting = true
            case .task(let work): state.inbox.start(work)
            case .timer(let delay, let message): state.inbox.startTimer(after: delay, message)
            case .stream(let work): state.inbox.startStream(work)
            }
        }
    }

    /// Updates the model with `message`, if there is one, and performs its effects; says whether
    /// there was one.
    @discardableResult
    private func send(_ message: Message?, _ state: inout RunState) -> Bool {
        guard let message else { return false }
        perform(update(&state.model, message), &state)
        return true
    }

    private func draw(_ model: Model, on screen: some Screen) {
        let frame = render(model, size: screen.size, depth: screen.colorDepth, glyphs: screen.glyphs)
        screen.draw(frame.buffer, cursor: frame.cursor)
    }

    /// Takes the messages effects have brought; says whether there were any. A test screen
    /// settles completely before the next event: effects, the messages they bring, and the effects
    /// those start (a load after a save), layer by layer.
    private func settle(_ state: inout RunState, screen: some Screen) -> Bool {
        var changed = false
        var settled = false
        while !settled && !state.quitting {
            if screen.waitsForEffects { state.inbox.waitUntilIdle() }
            let messages = state.inbox.drain()
            for message in messages {
                perform(update(&state.model, message), &state)
                changed = true
            }
            settled = messages.isEmpty || !screen.waitsForEffects
        }
        return changed
    }

    /// Waits for the next input until the next tick is due (at most a poll interval) and handles
    /// it; returns how the run ends if input closed.
    private func handleInput(_ state: inout RunState, screen: some Screen, nextTick: ContinuousClock.Instant?)
        -> Ending?
    {
        let pollInterval = Duration.milliseconds(30)
        var timeout = pollInterval
        if let deadline = nextTick {
            timeout = max(.zero, min(pollInterval, deadline - ContinuousClock.now))
        }
        switch screen.nextInput(timeout: timeout) {
        case .closed(let signal):
            return signal.map(Ending.signal) ?? .inputClosed
        case .idle:
            return nil
        case .event(let event):
            send(translate(event, state.model), &state)
            draw(state.model, on: screen)
            return nil
        }
    }
}

/// Where concurrently running effects leave their messages for the UI thread.
final class EffectInbox<Message: Sendable>: Sendable {
    private struct State {
        var messages: [Message] = []
        var running = 0
    }

    private let state = Mutex(State())
    private let settled = DispatchSemaphore(value: 0)

    func start(_ work: @escaping @Sendable () async -> Message?) {
        state.withLock { $0.running += 1 }
        // Effects get threads of their own, not the cooperative pool: the loop
        // may block a pool thread while it waits for them (tests do), and two
        // such waits on a two-core machine would otherwise starve the effects.
        Task.detached(executorPreference: EffectExecutor.shared) { [self] in
            let message = await work()
            let nowIdle = state.withLock { state -> Bool in
                if let message { state.messages.append(message) }
                state.running -= 1
                return state.running == 0
            }
            if nowIdle { settled.signal() }
        }
    }

    func startStream(_ work: @escaping @Sendable (_ send: @Sendable (Message) -> Void) async -> Void) {
        start { [self] in
            await work { message in
                state.withLock { $0.messages.append(message) }
            }
            return nil
        }
    }

    /// Delivers `message` after `delay` without counting as running work.
    func startTimer(after delay: Duration, _ message: Message) {
        Task.detached(executorPreference: EffectExecutor.shared) { [self] in
            try? await Task.sleep(for: delay)
            state.withLock { $0.messages.append(message) }
        }
    }

    func drain() -> [Message] {
        state.withLock { state in
            defer { state.messages.removeAll() }
            return state.messages
        }
    }

    /// Blocks until no effect is running (used by deterministic test screens).
    func waitUntilIdle() {
        while state.withLock({ $0.running > 0 }) {
            _ = settled.wait(timeout: .now() + .milliseconds(50))
        }
    }
}

/// Runs effect tasks on an overcommitting Dispatch queue, apart from Swift's
/// cooperative thread pool (see `EffectInbox.start`).
final class EffectExecutor: TaskExecutor {
    static let shared = EffectExecutor()
    private let queue = DispatchQueue(label: "TerminalUI.effects", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { [self] in
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
