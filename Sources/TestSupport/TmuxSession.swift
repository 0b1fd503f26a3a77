import Foundation
import TerminalUI

/// Runs a command in a private, detached tmux server of a given size, for
/// end-to-end tests of the real binary: send keys, wait for text, capture the
/// screen, resize, and read the exit status — including whether the program
/// gave the terminal back in the state it found it.
///
/// Each session has its own tmux socket, so tests never touch a user's tmux.
public final class TmuxSession {
    public enum Failure: Error, CustomStringConvertible {
        case tmuxMissing
        case commandFailed(arguments: [String], status: Int32, output: String)
        case timedOut(waitingFor: String, screen: String)

        public var description: String {
            switch self {
            case .tmuxMissing:
                return "tmux is not installed"
            case .commandFailed(let arguments, let status, let output):
                return "tmux \(arguments.joined(separator: " ")) failed (\(status)): \(output)"
            case .timedOut(let text, let screen):
                return "timed out waiting for \"\(text)\"; the screen was:\n\(screen)"
            }
        }
    }

    /// How the command ended.
    public struct Exit: Hashable, Sendable {
        /// The shell's status: the exit code, or 128 + signal number.
        public var status: Int32
        /// True when `stty` settings after the run equal those before it.
        public var terminalSettingsRestored: Bool
        /// True when the pane left the alternate screen, hid no cursor and
        /// stopped mouse reporting — what an unrestored curses program leaves on.
        public var screenModesRestored: Bool
    }

    /// `nil` when tmux can be used; otherwise why not (for skipping tests).
    public static var unavailableReason: String? {
        executablePath == nil ? "tmux is not installed; skipping end-to-end terminal tests" : nil
    }

    private static var executablePath: String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for directory in paths + ["/usr/bin", "/usr/local/bin"] {
            let candidate = "\(directory)/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    private let tmux: String
    private let socket: String
    private let target = "main"
    private var isTerminated = false
    private static let exitMarker = "__TMUX_SESSION_EXIT__"

    /// Starts `command` (program and arguments) in a `size` terminal with the
    /// given extra environment (`TERM` defaults to `tmux-256color`).
    public init(
        command: [String], size: Size, environment: [String: String] = [:], workingDirectory: String? = nil
    )
        throws
    {
        guard let tmux = Self.executablePath else { throw Failure.tmuxMissing }
        self.tmux = tmux
        self.socket = "tui-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        // A wrapper shell records the tty settings before and after, then the
        // status, and stays alive so the final screen can still be read: `cat`
        // waits on the terminal and ends with it. Its traps keep it alive through
        // the Ctrl-C meant for the program (which, being exec'd, gets the default
        // handling back).
        let wrapper = """
            trap 'true' INT HUP TERM; before=$(stty -g); "$@"; status=$?; after=$(stty -g); \
            if [ "$before" = "$after" ]; then tty=restored; else tty=changed; fi; \
            printf '\\n%s %d %s\\n' \(Self.exitMarker) "$status" "$tty"; exec cat >/dev/null
            """
        var arguments = [
            "-f", "/dev/null", "new-session", "-d", "-s", target, "-x", "\(size.width)", "-y",
            "\(size.height)",
        ]
        var env = ["TERM": "tmux-256color", "LANG": "C.UTF-8"]
        env.merge(environment) { _, new in new }
        for (key, value) in env.sorted(by: { $0.key < $1.key }) {
            arguments += ["-e", "\(key)=\(value)"]
        }
        if let workingDirectory { arguments += ["-c", workingDirectory] }
        arguments += ["sh", "-c", wrapper, "sh"] + command
        // The server started here would inherit an output pipe and keep it open forever.
        try run(arguments, capturingOutput: false)
    }

    deinit {
        terminate()
    }

    /// Sends tmux key names: `"q"`, `"Down"`, `"C-c"`, `"Escape"`, `"Enter"`, `"BTab"`.
    public func send(keys: String...) throws {
        try run(["send-keys", "-t", target] + keys)
    }

    /// Types text literally.
    public func type(_ text: String) throws {
        try run(["send-keys", "-t", target, "-l", text])
    }

    /// Clicks the left button at a cell (0-based), as a terminal reports it in
    /// the xterm normal mouse protocol that ncurses asks for (`kmous=\E[M`).
    /// The press and the release go in one write, so the program reads them together (as a
    /// fast click or a busy program does); the screen must still see the press.
    public func click(at point: Point) throws {
        try type(Self.mouseReport(button: 0, at: point) + Self.mouseReport(button: 3, at: point))
    }

    /// Turns the wheel one notch at a cell.
    public func wheel(up: Bool, at point: Point) throws {
        try type(Self.mouseReport(button: up ? 64 : 65, at: point))
    }

    private static func mouseReport(button: Int, at point: Point) -> String {
        // Each value is sent as one byte offset by 32, so this protocol stops at column 223.
        func byte(_ value: Int) -> String {
            String(UnicodeScalar(UInt8(min(255, 32 + value))))
        }
        return "\u{1B}[M" + byte(button) + byte(point.x + 1) + byte(point.y + 1)
    }

    /// The visible screen as text, one line per row; with `escapes`, including
    /// the colour and attribute escape sequences.
    public func capture(escapes: Bool = false) throws -> String {
        try run(["capture-pane", "-p"] + (escapes ? ["-e"] : []) + ["-t", target])
    }

    /// Polls the screen until it contains `text`; returns that screen.
    @discardableResult
    public func waitFor(_ text: String, timeout: Duration = .seconds(10)) throws -> String {
        let deadline = ContinuousClock.now + timeout
        var screen = ""
        while ContinuousClock.now < deadline {
            screen = (try? capture()) ?? ""
            if screen.contains(text) { return screen }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure.timedOut(waitingFor: text, screen: screen)
    }

    /// Resizes the terminal (the program gets SIGWINCH).
    public func resize(to size: Size) throws {
        try run(["resize-window", "-t", target, "-x", "\(size.width)", "-y", "\(size.height)"])
    }

    /// Sends a signal to the program (e.g. SIGTERM) rather than a key.
    public func signal(_ number: Int32) throws {
        for child in try programProcessIDs() {
            kill(child, number)
        }
    }

    /// The process ids of the running program (the wrapper shell's children).
    public func programProcessIDs() throws -> [Int32] {
        let pane = try run(["display-message", "-p", "-t", target, "#{pane_pid}"])
        guard let shell = Int32(pane.trimmingCharacters(in: .whitespacesAndNewlines)) else { return [] }
        let children =
            (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").compactMap { Int32($0) }
    }

    /// Waits for the command to end and reports how.
    public func waitForExit(timeout: Duration = .seconds(10)) throws -> Exit {
        let screen = try waitFor(Self.exitMarker, timeout: timeout)
        let line = screen.split(separator: "\n").last { $0.hasPrefix(Self.exitMarker) } ?? ""
        let parts = line.split(separator: " ")
        let status = parts.count > 1 ? Int32(parts[1]) ?? -1 : -1
        let ttyRestored = parts.count > 2 && parts[2] == "restored"
        let modes = try run([
            "display-message", "-p", "-t", target, "#{alternate_on} #{cursor_flag} #{mouse_any_flag}",
        ]).trimmingCharacters(in: .whitespacesAndNewlines)
        return Exit(
            status: status, terminalSettingsRestored: ttyRestored, screenModesRestored: modes == "0 1 0")
    }

    /// Ends the private tmux server and everything in it (idempotent).
    public func terminate() {
        guard !isTerminated else { return }
        isTerminated = true
        _ = try? run(["kill-session", "-t", target])
        _ = try? run(["kill-server"])
        // tmux leaves the socket file of a server that exits with its last session.
        let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        try? FileManager.default.removeItem(atPath: "\(directory)/tmux-\(getuid())/\(socket)")
    }

    @discardableResult
    private func run(_ arguments: [String], capturingOutput: Bool = true) throws -> String {
        // tmux itself must run in a UTF-8 locale or it replaces wide characters.
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = nil
        environment["LANG"] = "C.UTF-8"
        environment["TMUX"] = nil
        let result = try ChildProcess.run(
            tmux, arguments: ["-L", socket] + arguments, environment: environment,
            capturingOutput: capturingOutput)
        guard result.status == 0 else {
            throw Failure.commandFailed(arguments: arguments, status: result.status, output: result.output)
        }
        return result.output
    }
}
