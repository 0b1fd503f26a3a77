import Testing

@testable import TerminalUI

/// Every widget rendered at two sizes and compared with its golden file.
@Suite struct WidgetSnapshotTests {
    static let sizes = [Size(width: 40, height: 12), Size(width: 24, height: 8)]

    private func check(_ name: String, _ draw: (inout Frame) -> Void) {
        for size in Self.sizes {
            var frame = makeFrame(size.width, size.height)
            draw(&frame)
            assertSnapshot(frame, named: "\(name)-\(size)")
        }
    }

    @Test func block() {
        check("block") { frame in
            frame.render(
                Block(title: "Journeys", footer: "3 of 12", focused: true, background: .panel),
                in: frame.area.inset(by: 1))
        }
    }

    @Test func paragraphWrapsAndAligns() {
        check("paragraph") { frame in
            let halves = Layout.vertical([.fill(1), .fill(1)]).split(frame.area)
            frame.render(
                Paragraph(
                    "Leads who opened the welcome email twice in 7 days go to the sales branch; the rest wait."
                ),
                in: halves[0])
            frame.render(Paragraph("centred 漢字 text", role: .accent, alignment: .center), in: halves[1])
        }
    }

    @Test func styledLine() {
        check("line") { frame in
            frame.render(
                Line([
                    Span("plan", role: .muted), Span(" equals ", role: .text),
                    Span("\"gold\"", role: .success, attributes: .bold),
                ]),
                in: frame.area.row(0))
            frame.render(
                Line("a line far too long to fit in the narrow terminal, cut", role: .warning),
                in: frame.area.row(2))
        }
    }

    @Test func listScrollsToTheSelection() {
        let items = (1...20).map { ListItem("Journey \($0)", detail: "v\($0 % 4 + 1)") }
        check("list") { frame in
            let block = Block(title: "List", background: .panel)
            frame.render(block, in: frame.area)
            frame.render(ListView(items, state: ListState(selected: 12)), in: block.inner(frame.area))
        }
    }

    @Test func tableAlignsColumns() {
        let columns = [
            TableColumn("Stage", width: .fill(1)),
            TableColumn("Leads", width: .length(6), alignment: .trailing),
            TableColumn("Rate", width: .length(6), alignment: .trailing),
        ]
        let rows = [
            ["Entry", "10000", "100%"], ["Opened 📧", "6120", "61.2%"], ["Clicked", "2210", "22.1%"],
            ["Demo booked 予約", "410", "4.1%"], ["Converted", "122", "1.2%"], ["Exit", "9878", "98.8%"],
            ["Extra row", "1", "0%"], ["Another", "2", "0%"],
        ]
        check("table") { frame in
            frame.render(Table(columns: columns, rows: rows, state: ListState(selected: 1)), in: frame.area)
        }
    }

    @Test func textInputScrollsAndPlacesTheCursor() {
        var state = TextInputState(text: "clicked at least 2 times in 7d")
        _ = state.handle(.left)
        check("text-input") { frame in
            frame.render(TextInput(state), in: Rect(x: 1, y: 1, width: frame.size.width - 2, height: 1))
            frame.render(
                TextInput(TextInputState(), placeholder: "field name", focused: false),
                in: Rect(x: 1, y: 3, width: 16, height: 1))
        }
    }

    @Test func selectOpenAndClosed() {
        var open = SelectState(options: ["email", "sms", "chat", "best"], selected: 1)
        _ = open.handle(.enter)
        _ = open.handle(.down)
        check("select") { frame in
            frame.render(
                Select(SelectState(options: ["recorded", "simulated", "mixed"]), focused: false),
                in: Rect(x: 1, y: 0, width: 14, height: 1))
            frame.render(Select(open), in: Rect(x: 1, y: 2, width: 14, height: 1))
        }
    }

    @Test func checkboxes() {
        check("checkbox") { frame in
            frame.render(Checkbox("Holdout group", checked: true, focused: true), in: frame.area.row(0))
            frame.render(Checkbox("Respect quiet hours", checked: false), in: frame.area.row(1))
        }
    }

    @Test func formWithInlineErrors() {
        let state = FormState(
            fields: [
                FormField("Name", value: .text(TextInputState(text: "Welcome series"))),
                FormField(
                    "Wait", value: .text(TextInputState(text: "3x")),
                    error: "expected a duration like 3d or 12h"),
                FormField("Channel", value: .choice(SelectState(options: ["email", "sms"]))),
                FormField("Holdout", value: .toggle(true)),
            ], focus: 1)
        check("form") { frame in
            frame.render(Form(state), in: frame.area.inset(by: 1))
        }
    }

    @Test func barChartsBothWays() {
        let bars = [
            Bar("entry", value: 1000, role: SampleRoles.entry), Bar("opened", value: 612),
            Bar("clicked", value: 221),
            Bar("converted", value: 45, role: SampleRoles.goal),
        ]
        check("bar-chart-horizontal") { frame in
            frame.render(BarChart(bars), in: frame.area)
        }
        check("bar-chart-vertical") { frame in
            frame.render(BarChart(bars, orientation: .vertical), in: frame.area)
        }
    }

    @Test func histogramAndSparkline() {
        let values: [Double] = [1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 6, 6, 7, 9, 12]
        check("histogram") { frame in
            frame.render(Histogram(bins: Histogram.bins(of: values, count: 6)), in: frame.area.inset(top: 1))
            frame.render(Sparkline(values), in: frame.area.row(0))
        }
    }

    @Test func progressBarShowsRateAndETA() {
        check("progress") { frame in
            frame.render(
                ProgressBar(Progress(completed: 1234, total: 5000, elapsed: 3)), in: frame.area.row(0))
            frame.render(
                ProgressBar(Progress(completed: 50, total: 200, elapsed: 10), label: "replay"),
                in: frame.area.row(2))
            frame.render(ProgressBar(Progress(completed: 0, total: 10, elapsed: 0)), in: frame.area.row(4))
        }
    }

    @Test func confirmDefaultsToNo() {
        check("confirm") { frame in
            frame.render(Paragraph("The screen behind the dialog stays visible around it."), in: frame.area)
            frame.render(
                ConfirmState(title: "Delete", question: "Delete journey \"Welcome series\"?").dialog,
                in: frame.area)
        }
    }

    @Test func toastAndStatusBar() {
        let hints = [
            KeyHint(keys: "?", help: "help"), KeyHint(keys: "enter", help: "open"),
            KeyHint(keys: "d", help: "delete"), KeyHint(keys: "q", help: "quit"),
        ]
        check("status-toast") { frame in
            let rows = Layout.vertical([.fill(1), .length(1)]).split(frame.area)
            frame.render(Toast("Saved version 4", kind: .success), in: rows[0])
            frame.render(StatusBar(leading: "Journeys", hints: hints, trailing: "v0.1"), in: rows[1])
        }
    }

    @Test func helpOverlay() {
        let sections = [
            HelpSection(
                title: "Navigation",
                entries: [KeyHint(keys: "k/up", help: "Move up"), KeyHint(keys: "j/down", help: "Move down")]),
            HelpSection(
                title: "General",
                entries: [KeyHint(keys: "?", help: "Show keys"), KeyHint(keys: "q", help: "Quit")]),
        ]
        check("help-overlay") { frame in
            frame.render(HelpOverlay(sections: sections), in: frame.area)
        }
    }

    @Test func commandPaletteHighlightsMatches() {
        let commands = ["Replay cohort", "Open dashboard", "Rename journey", "Export YAML"].map {
            PaletteCommand(title: $0, keys: "", action: $0)
        }
        let state = PaletteState(query: "re")
        check("palette") { frame in
            frame.render(CommandPalette(state, commands: commands), in: frame.area)
        }
    }

    @Test func canvasMergesJunctions() {
        var canvas = Canvas()
        canvas.box(Rect(x: 0, y: 2, width: 9, height: 3), title: "entry", role: SampleRoles.entry)
        canvas.box(Rect(x: 14, y: 0, width: 10, height: 3), title: "email", role: SampleRoles.action)
        canvas.box(Rect(x: 14, y: 5, width: 10, height: 3), title: "wait 3d", role: SampleRoles.wait)
        canvas.line(from: Point(x: 8, y: 3), to: Point(x: 14, y: 1))
        canvas.line(from: Point(x: 8, y: 3), to: Point(x: 14, y: 6))
        canvas.path([Point(x: 4, y: 4), Point(x: 4, y: 9), Point(x: 30, y: 9)], role: .muted)
        canvas.label("yes", at: Point(x: 8, y: 1), role: .muted)
        check("canvas") { frame in
            frame.render(CanvasView(canvas), in: frame.area)
        }
        check("canvas-scrolled") { frame in
            frame.render(
                CanvasView(canvas, viewport: CanvasViewport(offset: Point(x: 6, y: 1))), in: frame.area)
        }
    }

    @Test func asciiGlyphsWhenTheLocaleIsNotUTF8() {
        var frame = makeFrame(30, 6, glyphs: .ascii)
        frame.render(Block(title: "ASCII", background: .panel), in: frame.area)
        frame.render(
            ProgressBar(Progress(completed: 5, total: 8, elapsed: 1)),
            in: Rect(x: 1, y: 2, width: 28, height: 1))
        frame.render(Line("truncated for sure yes", role: .text), in: Rect(x: 1, y: 3, width: 10, height: 1))
        assertSnapshot(frame, named: "ascii-glyphs")
    }

    @Test func monochromeUsesAttributesOnly() {
        var frame = makeFrame(30, 5, depth: .monochrome)
        frame.render(
            ListView([ListItem("first"), ListItem("second", role: .error)], state: ListState(selected: 0)),
            in: frame.area)
        assertSnapshot(frame, named: "monochrome")
    }

    @Test func minimumSizeNotice() {
        var frame = makeFrame(24, 6)
        frame.render(MinimumSizeNotice(minimum: Size(width: 80, height: 24)), in: frame.area)
        assertSnapshot(frame, named: "minimum-size")
    }
}

/// Application roles (the studio's node kinds, as an application would declare them)
/// with their own fallbacks, since the toolkit's fallback theme has no such roles.
private enum SampleRoles {
    static let entry = role("node.entry", "#a3be8c", 144, .green, .bold)
    static let action = role("node.action", "#88c0d0", 110, .cyan)
    static let wait = role("node.wait", "#81a1c1", 109, .blue)
    static let goal = role("node.goal", "#d08770", 173, .red, .bold, monochrome: .underline)

    static func role(
        _ name: String, _ hex: String, _ index: UInt8, _ basic: BasicColor, _ attributes: TextAttributes = [],
        monochrome: TextAttributes = []
    ) -> ThemeRole {
        let color = ThemeColor(
            Color(parsing: hex) ?? .terminalDefault, palette256: .indexed(index), basic8: .basic(basic))
        return ThemeRole(
            name, fallback: RoleAppearance(foreground: color, attributes: attributes, monochrome: monochrome))
    }
}
