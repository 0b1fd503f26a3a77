import CNCurses
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The signal that asked us to stop, set from the signal handler (an atomic
/// store is async-signal-safe) and read by the event loop between reads.
private let receivedSignalNumber = Atomic<Int32>(0)

/// Why the terminal could not be taken over.
public enum NcursesScreenError: Error, CustomStringConvertible {
    case notATerminal
    case cannotInitialize(term: String)

    public var description: String {
        switch self {
        case .notATerminal: return "standard input and output must be a terminal"
        case .cannotInitialize(let term): return "cannot start the terminal interface (TERM=\(term))"
        }
    }
}

/// The real terminal through ncursesw. Create it only through `run(options:_:)`,
/// which restores the terminal on every way out: normal return, thrown error,
/// and SIGINT/SIGTERM/SIGHUP (after which the signal is re-raised so the parent
/// sees the process die of it).
public final class NcursesScreen: Screen {
    public struct Options: Sendable {
        /// Report clicks and the wheel (off with `--no-mouse` or `CAIRN_NO_MOUSE`).
        public var mouse: Bool
        /// Cap the colour depth (e.g. for `--color 256`); `nil` detects it.
        public var maximumColorDepth: ColorDepth?
        public var environment: [String: String]
        /// Runs after the terminal is restored and before a received signal ends the process
        /// (a temporary workspace to remove).
        public var beforeSignalExit: (@Sendable () -> Void)?

        public init(
            mouse: Bool = true, maximumColorDepth: ColorDepth? = nil,
            environment: [String: String] = NcursesScreen.processEnvironment(),
            beforeSignalExit: (@Sendable () -> Void)? = nil
        ) {
            self.mouse = mouse
            self.maximumColorDepth = maximumColorDepth
            self.environment = environment
            self.beforeSignalExit = beforeSignalExit
        }
    }

    public private(set) var size: Size
    public let colorDepth: ColorDepth
    public let glyphs: GlyphSet
    public var waitsForEffects: Bool { false }

    private var previous: Buffer?
    /// Mouse events decoded but not yet returned (a report can stand for a press and a release).
    private var pendingMouse: [MouseEvent] = []
    private var mouseButtons = MouseButtonTracker()
    private var pairs: [PairKey: Int32] = [:]
    private var isActive = false
    private let directColor: Bool

    private struct PairKey: Hashable {
        var foreground: Int32
        var background: Int32
    }

    /// Ctrl-S and Ctrl-Q reach the program as keys instead of stopping and restarting the
    /// terminal's output (XON/XOFF), which would look like a frozen screen. `endwin` restores
    /// the modes the terminal had.
    private static func disableFlowControl() {
        var modes = termios()
        guard tcgetattr(STDIN_FILENO, &modes) == 0 else { return }
        modes.c_iflag &= ~tcflag_t(IXON)
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &modes)
    }

    /// Takes over the terminal, runs `body`, and gives the terminal back.
    public static func run<T>(options: Options = Options(), _ body: (NcursesScreen) throws -> T) throws -> T {
        let screen = try NcursesScreen(options: options)
        let result: T
        do {
            result = try body(screen)
        } catch {
            screen.restore()
            throw error
        }
        screen.restore()
        let signal = receivedSignalNumber.load(ordering: .relaxed)
        if signal != 0 {
            options.beforeSignalExit?()
            cairn_reraise_with_default(signal)
        }
        return result
    }

    private init(options: Options) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw NcursesScreenError.notATerminal
        }
        cairn_setlocale_from_environment()
        // A short Esc delay keeps Esc responsive; the user's ESCDELAY wins.
        let userEscDelay = options.environment["ESCDELAY"]
        guard cairn_newterm() != nil else {
            throw NcursesScreenError.cannotInitialize(term: options.environment["TERM"] ?? "")
        }
        isActive = true
        if userEscDelay == nil {
            set_escdelay(25)
        }
        cbreak()
        Self.disableFlowControl()
        noecho()
        nonl()
        keypad(cairn_stdscr(), true)
        curs_set(0)
        var colors = 0
        if has_colors() {
            start_color()
            use_default_colors()
            colors = Int(cairn_colors())
        }
        var depth = ColorDepth.detect(environment: options.environment, terminalColors: colors)
        if let cap = options.maximumColorDepth { depth = min(depth, cap) }
        colorDepth = depth
        directColor = colors >= 16_777_216
        glyphs = cairn_locale_is_utf8() != 0 ? .unicode : .ascii
        if options.mouse {
            let mask =
                cairn_button1_pressed() | cairn_button1_released() | cairn_button1_clicked()
                | cairn_button3_pressed() | cairn_button3_released() | cairn_button3_clicked()
                | cairn_button4_pressed() | cairn_button5_pressed()
            mousemask(mask, nil)
            mouseinterval(0)
        }
        for (sequence, number) in TerminalKeyDecoder.functionKeySequences {
            _ = define_key(sequence, cairn_key_f(Int32(number)))
        }
        size = Size(width: Int(cairn_cols()), height: Int(cairn_lines()))
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            _ = cairn_install_signal(signal) { number in
                receivedSignalNumber.store(number, ordering: .relaxed)
            }
        }
    }

    deinit {
        restore()
    }

    /// Gives the terminal back (idempotent).
    public func restore() {
        guard isActive else { return }
        isActive = false
        curs_set(1)
        endwin()
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            restoreDefaultHandler(signal)
        }
    }

    private func restoreDefaultHandler(_ number: Int32) {
        _ = cairn_install_signal(number, nil)
    }

    public func draw(_ buffer: Buffer, cursor: Point?) {
        guard isActive else { return }
        for change in BufferDiff.changes(from: previous, to: buffer) {
            put(change.cell, x: change.x, y: change.y)
        }
        previous = buffer
        if let cursor {
            move(Int32(cursor.y), Int32(cursor.x))
            curs_set(1)
        } else {
            curs_set(0)
        }
        refresh()
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        var attributes = cairn_a_normal()
        let style = cell.style
        if style.attributes.contains(.bold) { attributes |= cairn_a_bold() }
        if style.attributes.contains(.dim) { attributes |= cairn_a_dim() }
        if style.attributes.contains(.italic) { attributes |= cairn_a_italic() }
        if style.attributes.contains(.underline) { attributes |= cairn_a_underline() }
        if style.attributes.contains(.reverse) { attributes |= cairn_a_reverse() }
        if style.attributes.contains(.blink) { attributes |= cairn_a_blink() }
        let pair = colorPair(foreground: style.foreground, background: style.background)
        let text = glyphs.isUnicode ? cell.grapheme : GlyphSet.asciiStandIn(for: cell.grapheme)
        let codepoints = text.unicodeScalars.map(\.value)
        // The bottom-right cell reports ERR after drawing (the cursor cannot advance); that is fine.
        _ = cairn_put_cell(Int32(y), Int32(x), codepoints, Int32(codepoints.count), attributes, pair)
    }

    /// The ncurses colour number for a colour at this screen's depth (-1 = default).
    private func colorNumber(_ color: Color?) -> Int32 {
        guard let color = color?.downsampled(to: colorDepth) else { return -1 }
        switch color {
        case .terminalDefault: return -1
        case .basic(let basic): return Int32(basic.index)
        case .indexed(let index): return Int32(index)
        case .rgb(let r, let g, let b):
            // Direct-colour terminfo (e.g. xterm-direct) takes packed RGB as the number.
            if directColor { return Int32(r) << 16 | Int32(g) << 8 | Int32(b) }
            return Int32(Color.nearestIndex(toRed: r, green: g, blue: b))
        }
    }

    private func colorPair(foreground: Color?, background: Color?) -> Int32 {
        guard colorDepth != .monochrome else { return 0 }
        let key = PairKey(foreground: colorNumber(foreground), background: colorNumber(background))
        if key.foreground == -1 && key.background == -1 { return 0 }
        if let pair = pairs[key] { return pair }
        // alloc_pair reuses the least recently allocated pair when the table is full.
        let pair = max(0, alloc_pair(key.foreground, key.background))
        pairs[key] = pair
        return pair
    }

    public func nextInput(timeout: Duration) -> ScreenInput {
        guard isActive else { return .closed(signal: nil) }
        if let signal = pendingSignal() { return .closed(signal: signal) }
        if !pendingMouse.isEmpty { return .event(.mouse(pendingMouse.removeFirst())) }
        let milliseconds = Int32(
            timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        wtimeout(cairn_stdscr(), max(0, milliseconds))
        var value: UInt32 = 0
        let result = cairn_get_wch(&value)
        if result == ERR {
            if let signal = pendingSignal() { return .closed(signal: signal) }
            // A terminal that went away (ssh dropped, tmux pane killed) makes every
            // read fail at once; without this check the loop would spin forever.
            if Self.terminalHungUp() { return .closed(signal: SIGHUP) }
            return .idle
        }
        if result == KEY_CODE_YES {
            return keyCodeInput(Int32(value))
        }
        if value == 0x1B {
            // Esc followed at once by another character is Alt+that character.
            wtimeout(cairn_stdscr(), 0)
            var next: UInt32 = 0
            let nextResult = cairn_get_wch(&next)
            if nextResult == OK, let key = TerminalKeyDecoder.decodeAlt(character: next) {
                return .event(.key(key))
            }
            // Not an Alt combination: keep the following key for the next read.
            cairn_unget(nextResult, next)
            return .event(.key(.escape))
        }
        return TerminalKeyDecoder.decode(character: value).map { .event(.key($0)) } ?? .idle
    }

    private func keyCodeInput(_ code: Int32) -> ScreenInput {
        if code == KEY_RESIZE {
            size = Size(width: Int(cairn_cols()), height: Int(cairn_lines()))
            previous = nil  // redraw everything: the terminal may have scrambled it
            clearok(cairn_stdscr(), true)
            return .event(.resize(size))
        }
        if code == KEY_MOUSE {
            var event = MEVENT()
            guard getmouse(&event) == OK else { return .idle }
            let position = Point(x: Int(event.x), y: Int(event.y))
            let kinds = mouseButtons.events(
                for: TerminalKeyDecoder.decodeMouse(buttonState: UInt64(event.bstate)))
            // One report may stand for a press and a release: the rest wait for the next reads.
            pendingMouse += kinds.map { MouseEvent(kind: $0, position: position) }
            return pendingMouse.isEmpty ? .idle : .event(.mouse(pendingMouse.removeFirst()))
        }
        let name = keyname(code).map { String(cString: $0) }
        return TerminalKeyDecoder.decode(keyCode: code, name: name).map { .event(.key($0)) } ?? .idle
    }

    /// True when standard input reports a hang-up or an error instead of data.
    private static func terminalHungUp() -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) >= 0 else { return false }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    private func pendingSignal() -> Int32? {
        let signal = receivedSignalNumber.load(ordering: .relaxed)
        return signal == 0 ? nil : signal
    }

    /// The process environment as a dictionary.
    public static func processEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}
