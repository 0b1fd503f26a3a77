import Testing

@testable import TerminalUI

/// A tiny counter program: keys change a number, `l` loads a value through an
/// off-thread effect, `q` quits.
private struct Counter: Sendable {
    var count = 0
    var loaded: String?
    var ticks = 0
    var lastMouse: Point?
}

private enum CounterMessage: Sendable {
    case increment, decrement, load
    case loaded(String)
    case quit, tick
    case clicked(Point)
}

private func counterProgram(minimum: Size = Size(width: 10, height: 3)) -> Program<Counter, CounterMessage> {
    let keys = KeyMap<CounterMessage.Action>([
        KeyBinding(keys: ["+", "k"], action: .increment, help: "more", statusBar: true),
        KeyBinding(keys: ["-", "j"], action: .decrement, help: "less", statusBar: true),
        KeyBinding(keys: ["l"], action: .load, help: "load"),
        KeyBinding(keys: ["q"], action: .quit, help: "quit", statusBar: true),
    ])
    return Program(
        model: Counter(), minimumSize: minimum,
        translate: { event, _ in
            switch event {
            case .key(let key): return keys.action(for: key)?.message
            case .mouse(let mouse): return .clicked(mouse.position)
            case .tick: return .tick
            case .resize: return nil
            }
        },
        update: { model, message in
            switch message {
            case .increment: model.count += 1
            case .decrement: model.count -= 1
            case .load:
                return [.task { .loaded("from a background task") }]
            case .loaded(let text): model.loaded = text
            case .quit: return [.quit]
            case .tick: model.ticks += 1
            case .clicked(let point): model.lastMouse = point
            }
            return []
        },
        view: { model, frame in
            let rows = Layout.vertical([.fill(1), .length(1)]).split(frame.area)
            frame.render(Paragraph("count \(model.count)\n\(model.loaded ?? "")"), in: rows[0])
            frame.render(StatusBar(hints: keys.statusHints), in: rows[1])
        })
}

extension CounterMessage {
    /// Hashable stand-in used as the key-map action.
    enum Action: Hashable, Sendable {
        case increment, decrement, load, quit
        var message: CounterMessage {
            switch self {
            case .increment: return .increment
            case .decrement: return .decrement
            case .load: return .load
            case .quit: return .quit
            }
        }
    }
}

@Suite struct ProgramTests {
    @Test func keysUpdateTheModelAndEachChangeIsDrawn() {
        var program = counterProgram()
        let screen = TestScreen(width: 30, height: 4, events: Event.keys("+", "+", "k", "-"))
        let result = program.run(on: screen)
        #expect(result.model.count == 2)
        #expect(result.ending == .inputClosed)
        #expect(screen.frames.count == 5)  // the first frame, then one per event
        #expect(screen.lastFrame.text(ofRow: 0).hasPrefix("count 2"))
    }

    @Test func quitEndsTheLoopAndIgnoresLaterInput() {
        var program = counterProgram()
        let screen = TestScreen(width: 30, height: 4, events: Event.keys("+", "q", "+"))
        let result = program.run(on: screen)
        #expect(result.ending == .quit)
        #expect(result.model.count == 1)
    }

    @Test func effectsRunOffTheLoopAndComeBackAsMessages() {
        var program = counterProgram()
        let screen = TestScreen(width: 30, height: 4, events: Event.keys("l", "+"))
        let result = program.run(on: screen)
        #expect(result.model.loaded == "from a background task")
        #expect(screen.lastFrame.text(ofRow: 1).hasPrefix("from a background task"))
    }

    @Test func tooSmallShowsTheMinimumSizeNoticeUntilResized() {
        var program = counterProgram(minimum: Size(width: 30, height: 6))
        let screen = TestScreen(
            width: 20, height: 4, events: [.key(.character("+")), .resize(Size(width: 40, height: 8))])
        let result = program.run(on: screen)
        #expect(screen.frames[1].plainText.contains("needs at least 30×6"))
        #expect(screen.frames[1].plainText.contains("now 20×4"))
        #expect(result.model.count == 1)  // keys still work while the notice shows
        #expect(screen.lastFrame.size == Size(width: 40, height: 8))
        #expect(screen.lastFrame.text(ofRow: 0).hasPrefix("count 1"))
    }

    @Test func ticksAndMouseEventsReachUpdate() {
        var program = counterProgram()
        let click = MouseEvent(kind: .press(button: 1), position: Point(x: 3, y: 2))
        let screen = TestScreen(width: 30, height: 4, events: [.tick, .tick, .mouse(click)])
        let result = program.run(on: screen)
        #expect(result.model.ticks == 2)
        #expect(result.model.lastMouse == Point(x: 3, y: 2))
    }

    @Test func wholeScreenSnapshot() {
        var program = counterProgram()
        let screen = TestScreen(width: 30, height: 4, events: Event.keys("+", "l"))
        _ = program.run(on: screen)
        var frame = Frame(size: screen.size)
        frame.buffer = screen.lastFrame
        assertSnapshot(frame, named: "program-counter")
    }
}

@Suite struct WidgetStateTests {
    @Test func textInputEditsLikeReadline() {
        var input = TextInputState()
        for event in Event.typing("hello world") {
            if case .key(let key) = event { _ = input.handle(key) }
        }
        _ = input.handle(.ctrl("w"))
        #expect(input.text == "hello ")
        _ = input.handle(.home)
        _ = input.handle(.character(">"))
        #expect(input.text == ">hello ")
        #expect(input.cursor == 1)
        _ = input.handle(.ctrl("k"))
        #expect(input.text == ">")
        _ = input.handle(.backspace)
        #expect(input.text.isEmpty)
        let enterUsed = input.handle(.enter)
        #expect(!enterUsed)
    }

    @Test func aPrefilledTextIsReplacedByTheFirstCharacterTyped() {
        var input = TextInputState(text: "report-run1.txt", selected: true)
        #expect(input.isSelected)
        for event in Event.typing("report.csv") {
            if case .key(let key) = event { _ = input.handle(key) }
        }
        #expect(input.text == "report.csv")
        #expect(!input.isSelected)
        // Backspace clears a selected text whole; an arrow keeps it for editing.
        var cleared = TextInputState(text: "report-run1.txt", selected: true)
        _ = cleared.handle(.backspace)
        #expect(cleared.text.isEmpty)
        var kept = TextInputState(text: "report-run1.txt", selected: true)
        _ = kept.handle(.left)
        _ = kept.handle(.character("x"))
        #expect(kept.text == "report-run1.txxt")
        // A key the input does not use (Enter) leaves the selection alone.
        var waiting = TextInputState(text: "a", selected: true)
        _ = waiting.handle(.enter)
        #expect(waiting.isSelected)
    }

    @Test func textInputHistoryBrowsesAndRestoresTheDraft() {
        var input = TextInputState()
        input.text = "first"
        input.commit()
        input.text = "second"
        input.commit()
        input.text = "draft"
        _ = input.handle(.up)
        #expect(input.text == "second")
        _ = input.handle(.up)
        _ = input.handle(.up)
        #expect(input.text == "first")
        _ = input.handle(.down)
        _ = input.handle(.down)
        #expect(input.text == "draft")
    }

    @Test func formMovesFocusWithTabAndRoutesKeysToTheField() {
        var form = FormState(fields: [
            FormField("Name", value: .text(TextInputState())),
            FormField("Channel", value: .choice(SelectState(options: ["email", "sms"]))),
            FormField("Holdout", value: .toggle(false)),
        ])
        _ = form.handle(.character("A"))
        _ = form.handle(.tab)
        _ = form.handle(.right)
        _ = form.handle(.tab)
        _ = form.handle(.character(" "))
        _ = form.handle(.backTab)
        #expect(form.focus == 1)
        #expect(form.fields[0].textValue == "A")
        if case .choice(let choice) = form.fields[1].value { #expect(choice.value == "sms") }
        #expect(form.fields[2].value == .toggle(true))
        _ = form.handle(.tab)
        _ = form.handle(.tab)
        #expect(form.focus == 0)
    }

    @Test func confirmDefaultsToNo() {
        var confirm = ConfirmState(question: "Delete?")
        let straightEnter = confirm.handle(.enter)
        #expect(straightEnter == .cancelled)
        _ = confirm.handle(.left)
        let enterOnYes = confirm.handle(.enter)
        #expect(enterOnYes == .confirmed)
        var other = ConfirmState(question: "Delete?")
        let typedYes = other.handle(.character("y"))
        let escaped = other.handle(.escape)
        #expect(typedYes == .confirmed)
        #expect(escaped == .cancelled)
    }

    @Test func paletteFiltersFuzzilyAndRunsTheChoice() {
        let commands = ["Replay cohort", "Open dashboard", "Export YAML"].map {
            PaletteCommand(title: $0, action: $0)
        }
        var palette = PaletteState()
        for character in "dsh" { _ = palette.handle(.character(character), commands: commands) }
        #expect(palette.filtered(commands).map(\.command.title) == ["Open dashboard"])
        let outcome = palette.handle(.enter, commands: commands)
        #expect(outcome == .run("Open dashboard"))
        #expect(FuzzyMatch.match("rc", in: "Replay cohort")?.positions == [0, 7])
        #expect(FuzzyMatch.match("zz", in: "Replay cohort") == nil)
        let ranked = FuzzyMatch.rank("ex", ["Next step", "Export YAML"]).map(\.index)
        #expect(ranked == [1, 0])  // a word-start match beats one inside a word
    }

    @Test func listStateClampsAndKeepsTheSelectionVisible() {
        var list = ListState(selected: 0)
        let used = list.handle(.character("G"), count: 50, pageSize: 10)
        #expect(used)
        #expect(list.selected == 49)
        #expect(list.visibleOffset(height: 10, count: 50) == 40)
        _ = list.handle(.pageUp, count: 50, pageSize: 10)
        #expect(list.selected == 39)
        _ = list.handle(.up, count: 0, pageSize: 10)
        #expect(list.selected == nil)
    }

    @Test func canvasViewportStaysInsideTheDrawing() {
        var viewport = CanvasViewport()
        viewport.scroll(
            dx: 100, dy: -5, extent: Size(width: 60, height: 20), viewport: Size(width: 40, height: 10))
        #expect(viewport.offset == Point(x: 20, y: 0))
        viewport.reveal(Rect(x: 2, y: 15, width: 5, height: 3), viewport: Size(width: 40, height: 10))
        #expect(viewport.offset == Point(x: 2, y: 8))
    }

    @Test func progressDerivesRateAndETA() {
        let progress = Progress(completed: 250, total: 1000, elapsed: 5)
        #expect(progress.rate == 50)
        #expect(progress.remaining == 15)
        #expect(progress.summary == "250/1k · 50/s · ETA 0:15")
        #expect(Progress(completed: 0, total: 10, elapsed: 0).summary == "0/10")
    }
}
