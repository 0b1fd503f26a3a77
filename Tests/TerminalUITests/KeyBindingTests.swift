import Testing

@testable import TerminalUI

private enum DemoAction: Hashable, Sendable {
    case quit, help, palette, up, down, delete
}

private let demoKeys = KeyMap<DemoAction>([
    KeyBinding(
        keys: ["k", "up"], action: .up, help: "up", longHelp: "Move the selection up", group: "Navigation"),
    KeyBinding(
        keys: ["j", "down"], action: .down, help: "down", longHelp: "Move the selection down",
        group: "Navigation"),
    KeyBinding(
        keys: ["d"], action: .delete, help: "delete", longHelp: "Delete the selected journey",
        group: "Editing", statusBar: true),
    KeyBinding(keys: ["?"], action: .help, help: "help", longHelp: "Show all keys", statusBar: true),
    KeyBinding(
        keys: [":", "ctrl+p"], action: .palette, help: "commands", longHelp: "Open the command palette",
        statusBar: true, palette: false),
    KeyBinding(keys: ["q", "ctrl+c"], action: .quit, help: "quit", longHelp: "Quit Cairn", statusBar: true),
])

@Suite struct KeyBindingTests {
    @Test func keysParseAndPrintTheSameWay() {
        for text in [
            "q", "?", "ctrl+p", "alt+x", "shift+tab", "up", "pgdn", "f5", "enter", "space", "esc",
            "ctrl+alt+delete", "+",
        ] {
            #expect(Key(parsing: text)?.description == text, "\(text)")
        }
        #expect(Key(parsing: "Ctrl+P") == .ctrl("p"))
        #expect(Key(parsing: "hyper+x") == nil)
        #expect(Key(parsing: "f99") == nil)
        #expect(Key(parsing: "") == nil)
    }

    @Test func oneTableDrivesDispatch() {
        #expect(demoKeys.action(for: .character("k")) == .up)
        #expect(demoKeys.action(for: .up) == .up)
        #expect(demoKeys.action(for: .ctrl("p")) == .palette)
        #expect(demoKeys.action(for: .character("x")) == nil)
        #expect(demoKeys.problems.isEmpty)
    }

    @Test func statusBarHelpAndPaletteComeFromTheSameTable() {
        #expect(demoKeys.statusHints.map(\.help) == ["delete", "help", "commands", "quit"])
        #expect(demoKeys.statusHints.last?.keys == "q/ctrl+c")
        #expect(demoKeys.helpSections.map(\.title) == ["Navigation", "Editing", "General"])
        // Every binding is in the help, with its long text, exactly once.
        let helpTexts = demoKeys.helpSections.flatMap(\.entries).map(\.help)
        #expect(helpTexts.sorted() == demoKeys.bindings.map(\.longHelp).sorted())
        // The palette lists what it may, and choosing one yields the dispatched action.
        for command in demoKeys.paletteCommands {
            let binding = demoKeys.binding(for: command.action)
            #expect(binding.map { demoKeys.action(for: $0.keys[0]) } == command.action)
        }
        #expect(!demoKeys.paletteCommands.contains { $0.action == .palette })
    }

    @Test func markdownListsEveryKey() {
        let markdown = demoKeys.markdown(title: "Journeys")
        for binding in demoKeys.bindings {
            for key in binding.keys {
                #expect(markdown.contains("`\(key)`"))
            }
        }
        #expect(markdown.contains("| `q` `ctrl+c` | Quit Cairn |"))
    }

    @Test func screenKeysCanBeFollowedBySharedKeys() {
        let screen = KeyMap<DemoAction>([KeyBinding(keys: ["d"], action: .delete, help: "delete")])
        let shared = KeyMap<DemoAction>([KeyBinding(keys: ["q"], action: .quit, help: "quit")])
        let combined = screen.followed(by: shared)
        #expect(combined.action(for: .character("d")) == .delete)
        #expect(combined.action(for: .character("q")) == .quit)
        #expect(combined.problems.isEmpty)
        #expect(!screen.followed(by: screen).problems.isEmpty)
    }

    @Test func conflictsAndBadKeysAreReported() {
        let broken = KeyMap<DemoAction>([
            KeyBinding(keys: ["q"], action: .quit, help: "quit"),
            KeyBinding(keys: ["q"], action: .help, help: "help"),
            KeyBinding(keys: ["meta+z"], action: .up, help: "up"),
        ])
        #expect(broken.problems.count == 2)
    }

    @Test func terminalInputDecodesToKeys() {
        #expect(TerminalKeyDecoder.decode(character: 0x10) == .ctrl("p"))
        #expect(TerminalKeyDecoder.decode(character: 0x0D) == .enter)
        #expect(TerminalKeyDecoder.decode(character: 0x7F) == .backspace)
        #expect(TerminalKeyDecoder.decode(character: 0x09) == .tab)
        #expect(TerminalKeyDecoder.decode(character: 0x6A) == .character("j"))
        #expect(TerminalKeyDecoder.decode(character: 0x6F22) == .character("漢"))
        #expect(TerminalKeyDecoder.decodeAlt(character: 0x78) == .alt("x"))
        #expect(TerminalKeyDecoder.decodeExtendedName("kUP5") == Key(.up, modifiers: .ctrl))
        #expect(TerminalKeyDecoder.decodeExtendedName("kLFT3") == Key(.left, modifiers: .alt))
        #expect(TerminalKeyDecoder.decodeExtendedName("kFOO") == nil)
    }
}

@Suite struct MouseDecodingTests {
    typealias Mask = TerminalKeyDecoder.MouseMask

    @Test func pressesReleasesAndTheWheel() {
        #expect(TerminalKeyDecoder.decodeMouse(buttonState: Mask.leftPressed) == [.press(button: 1)])
        // A press and release in one report, or a click, is both: the press, then the release.
        let both: [MouseEvent.Kind] = [.press(button: 1), .release(button: 1)]
        #expect(TerminalKeyDecoder.decodeMouse(buttonState: Mask.leftPressed | Mask.leftReleased) == both)
        #expect(TerminalKeyDecoder.decodeMouse(buttonState: Mask.leftClicked) == both)
        #expect(
            TerminalKeyDecoder.decodeMouse(buttonState: Mask.rightClicked) == [
                .press(button: 3), .release(button: 3),
            ])
        #expect(TerminalKeyDecoder.decodeMouse(buttonState: Mask.leftReleased) == [.release(button: 1)])
        #expect(TerminalKeyDecoder.decodeMouse(buttonState: Mask.wheelUp) == [.wheelUp])
        #expect(TerminalKeyDecoder.decodeMouse(buttonState: Mask.wheelDown) == [.wheelDown])
        #expect(TerminalKeyDecoder.decodeMouse(buttonState: 0).isEmpty)
    }

    /// ncurses folds a press and release read together into a lone release: the press comes back.
    @Test func aLoneReleaseGetsThePressItMissed() {
        var tracker = MouseButtonTracker()
        #expect(tracker.events(for: [.release(button: 1)]) == [.press(button: 1), .release(button: 1)])
        #expect(tracker.events(for: [.press(button: 1)]) == [.press(button: 1)])
        #expect(tracker.events(for: [.release(button: 1)]) == [.release(button: 1)])
        #expect(tracker.events(for: [.wheelUp]) == [.wheelUp])
    }

    /// F1–F4 as xterm (and so tmux), the Linux console and rxvt send them, whatever TERM says.
    @Test func functionKeysOfEveryTerminalFamilyAreKnown() {
        let sequences = Dictionary(
            TerminalKeyDecoder.functionKeySequences.map { ($0.sequence, $0.number) },
            uniquingKeysWith: { a, _ in a })
        #expect(sequences["\u{1B}OP"] == 1)
        #expect(sequences["\u{1B}[[A"] == 1)
        #expect(sequences["\u{1B}[11~"] == 1)
        #expect(sequences["\u{1B}OS"] == 4)
    }
}
