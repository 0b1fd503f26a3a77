/// Draws the gallery: a tab row, the current page, the status bar, then any
/// toast and overlay on top.
enum GalleryView {
    static let journeys: [ListItem] = [
        ListItem("Welcome series", detail: "active v4", role: .success),
        ListItem("Trial nurture", detail: "v2"),
        ListItem("Webinar follow-up", detail: "draft", role: .muted),
        ListItem("Re-engagement 🔁", detail: "v7"),
        ListItem("Demo request → sales", detail: "active v3", role: .success),
        ListItem("Churn save (日本)", detail: "v1"),
        ListItem("Event invite", detail: "archived", role: .muted),
        ListItem("Upsell to Pro", detail: "v5"),
        ListItem("Renewal reminder", detail: "v2"),
        ListItem("Onboarding tips", detail: "v9"),
    ]

    static let funnel: [[String]] = [
        ["Entry", "10000", "100.0%"], ["Welcome email opened", "6120", "61.2%"],
        ["Clicked pricing", "2210", "22.1%"],
        ["Demo booked", "410", "4.1%"], ["Converted", "122", "1.2%"], ["Unsubscribed", "87", "0.9%"],
    ]

    /// The sample canvas and funnel colour their boxes with the studio's roles, which the
    /// shipped themes give (sample content, like the journey names above); a theme that
    /// leaves them out draws them plain.
    enum SampleRole {
        static let entry = ThemeRole("node.entry")
        static let decision = ThemeRole("node.decision")
        static let split = ThemeRole("node.split")
        static let wait = ThemeRole("node.wait")
        static let action = ThemeRole("node.action")
        static let goal = ThemeRole("node.goal")
        static let exit = ThemeRole("node.exit")
    }

    static let sampleCanvas: Canvas = {
        var canvas = Canvas()
        canvas.box(Rect(x: 0, y: 3, width: 9, height: 3), title: "entry", role: SampleRole.entry)
        canvas.box(Rect(x: 13, y: 3, width: 12, height: 3), title: "opened?", role: SampleRole.decision)
        canvas.box(Rect(x: 29, y: 0, width: 10, height: 3), title: "A/B", role: SampleRole.split)
        canvas.box(Rect(x: 29, y: 6, width: 10, height: 3), title: "wait 2d", role: SampleRole.wait)
        canvas.box(Rect(x: 43, y: 0, width: 12, height: 3), title: "send sms", role: SampleRole.action)
        canvas.box(Rect(x: 43, y: 6, width: 12, height: 3), title: "demo", role: SampleRole.goal)
        canvas.box(Rect(x: 59, y: 3, width: 8, height: 3), title: "exit", role: SampleRole.exit)
        canvas.line(from: Point(x: 8, y: 4), to: Point(x: 13, y: 4))
        canvas.line(from: Point(x: 24, y: 4), to: Point(x: 29, y: 1))
        canvas.line(from: Point(x: 24, y: 4), to: Point(x: 29, y: 7))
        canvas.line(from: Point(x: 38, y: 1), to: Point(x: 43, y: 1))
        canvas.line(from: Point(x: 38, y: 7), to: Point(x: 43, y: 7))
        canvas.line(from: Point(x: 54, y: 1), to: Point(x: 59, y: 4))
        canvas.line(from: Point(x: 54, y: 7), to: Point(x: 59, y: 4))
        // A back edge drawn as a loop under the graph: wait → decision again.
        canvas.path(
            [Point(x: 33, y: 8), Point(x: 33, y: 10), Point(x: 18, y: 10), Point(x: 18, y: 5)], role: .muted)
        canvas.label("yes", at: Point(x: 25, y: 2), role: .muted)
        canvas.label("no", at: Point(x: 25, y: 7), role: .muted)
        canvas.label("retry", at: Point(x: 22, y: 11), role: .muted)
        return canvas
    }()

    static func tabLabels() -> [(page: GalleryPage, label: String, x: Int)] {
        var x = 0
        return GalleryPage.allCases.map { page in
            let label = " \(page.rawValue + 1) \(page.title) "
            defer { x += DisplayWidth.of(label) }
            return (page, label, x)
        }
    }

    static func page(atColumn column: Int) -> GalleryPage? {
        tabLabels().first { column >= $0.x && column < $0.x + DisplayWidth.of($0.label) }?.page
    }

    static func render(_ model: GalleryModel, into frame: inout Frame) {
        let rows = Layout.vertical([.length(1), .fill(1), .length(1)]).split(frame.area)
        renderTabs(model, in: rows[0], frame: &frame)
        let content = rows[1]
        switch model.page {
        case .text: renderTextPage(in: content, frame: &frame)
        case .lists: renderListsPage(model, in: content, frame: &frame)
        case .forms: renderFormsPage(model, in: content, frame: &frame)
        case .charts: renderChartsPage(model, in: content, frame: &frame)
        case .canvas: renderCanvasPage(model, in: content, frame: &frame)
        case .themes: renderThemesPage(model, in: content, frame: &frame)
        }
        let mode = model.isEditingForm ? "EDIT" : model.page.title
        let hints =
            model.isEditingForm
            ? [KeyHint(keys: "tab", help: "next field"), KeyHint(keys: "esc", help: "done")]
            : WidgetGallery.keyMap.statusHints
        frame.render(StatusBar(leading: mode, hints: hints, trailing: model.theme.name), in: rows[2])
        if let toast = model.toast {
            frame.render(toast, in: content)
        }
        switch model.overlay {
        case .help(let scroll):
            frame.render(
                HelpOverlay(title: "Gallery keys", keyMap: WidgetGallery.keyMap, scroll: scroll),
                in: frame.area)
        case .palette(let state):
            frame.render(
                CommandPalette(state, commands: WidgetGallery.keyMap.paletteCommands), in: frame.area)
        case .confirm(let confirm):
            frame.render(confirm.dialog, in: frame.area)
        case .none:
            break
        }
    }

    private static func renderTabs(_ model: GalleryModel, in area: Rect, frame: inout Frame) {
        frame.buffer.fill(area, with: frame.theme[.panel].patched(with: frame.theme[.muted]))
        for tab in tabLabels() {
            let style = tab.page == model.page ? frame.theme[.selection] : frame.theme[.muted]
            frame.buffer.write(tab.label, x: area.x + tab.x, y: area.y, style: style, clip: area)
        }
    }

    private static func renderTextPage(in area: Rect, frame: inout Frame) {
        let columns = Layout.horizontal([.fill(1), .fill(1)]).split(area)
        let left = Block(title: "Paragraph", background: .panel)
        frame.render(left, in: columns[0])
        let text =
            "Leads who open the welcome email twice within 7 days go to sales; the rest wait 2d. "
            + "Wide text stays aligned: 漢字かな交じり, emoji 🚀👍🏽, accents é and e\u{301}."
        frame.render(Paragraph(text), in: left.inner(columns[0]))
        let right = Block(title: "Lines and table", background: .panel)
        frame.render(right, in: columns[1])
        let inner = right.inner(columns[1])
        let parts = Layout.vertical([.length(3), .fill(1)]).split(inner)
        frame.render(
            Line([
                Span("plan ", role: .accent), Span("equals ", role: .muted), Span("\"gold\"", role: .success),
            ]),
            in: parts[0].row(0))
        frame.render(
            Line([Span("score ", role: .accent), Span("at least ", role: .muted), Span("50", role: .warning)]
            ),
            in: parts[0].row(1))
        frame.render(Line("error: wait must be positive", role: .error), in: parts[0].row(2))
        let columnsSpec = [
            TableColumn("Channel"), TableColumn("Sent", width: .length(5), alignment: .trailing),
            TableColumn("Open", width: .length(5), alignment: .trailing),
        ]
        let rows = [["email", "9120", "61%"], ["sms", "2210", "—"], ["chat", "410", "38%"]]
        frame.render(Table(columns: columnsSpec, rows: rows), in: parts[1])
    }

    private static func renderListsPage(_ model: GalleryModel, in area: Rect, frame: inout Frame) {
        let columns = Layout.horizontal([.fill(1), .fill(1)]).split(area)
        let left = Block(
            title: "Journeys", footer: "\((model.list.selected ?? 0) + 1)/\(journeys.count)", focused: true)
        frame.render(left, in: columns[0])
        frame.render(ListView(journeys, state: model.list), in: left.inner(columns[0]))
        let right = Block(title: "Funnel")
        frame.render(right, in: columns[1])
        let spec = [
            TableColumn("Stage"), TableColumn("Leads", width: .length(6), alignment: .trailing),
            TableColumn("Rate", width: .length(7), alignment: .trailing),
        ]
        frame.render(
            Table(columns: spec, rows: funnel, state: model.table, focused: false),
            in: right.inner(columns[1]))
    }

    private static func renderFormsPage(_ model: GalleryModel, in area: Rect, frame: inout Frame) {
        let block = Block(
            title: model.isEditingForm ? "Node editor (editing)" : "Node editor (enter to edit)",
            focused: model.isEditingForm, background: .panel)
        frame.render(block, in: area)
        let inner = block.inner(area).inset(left: 1, right: 1)
        var state = model.form
        if !model.isEditingForm { state.focus = -1 }
        frame.render(Form(state), in: inner)
        if !model.isEditingForm { frame.cursor = nil }
    }

    private static func renderChartsPage(_ model: GalleryModel, in area: Rect, frame: inout Frame) {
        let rows = Layout.vertical([.fill(1), .length(1), .length(1), .fill(1)]).split(area)
        let top = Layout.horizontal([.fill(1), .fill(1)], spacing: 1).split(rows[0])
        let funnelBars = [
            Bar("entry", value: 10000, role: SampleRole.entry), Bar("opened", value: 6120),
            Bar("clicked", value: 2210),
            Bar("demo", value: 410, role: SampleRole.goal),
        ]
        frame.render(BarChart(funnelBars), in: top[0])
        frame.render(BarChart(funnelBars, orientation: .vertical), in: top[1])
        frame.render(ProgressBar(model.progress, label: "replay"), in: rows[1])
        frame.render(Sparkline(model.samples), in: rows[2])
        let dwell: [Double] = (0..<80).map { Double(($0 * 37) % 23) + Double($0 % 7) }
        frame.render(Histogram(bins: Histogram.bins(of: dwell, count: 8)), in: rows[3])
    }

    private static func renderCanvasPage(_ model: GalleryModel, in area: Rect, frame: inout Frame) {
        let block = Block(title: "Canvas (hjkl scroll)")
        frame.render(block, in: area)
        frame.render(CanvasView(sampleCanvas, viewport: model.viewport), in: block.inner(area))
    }

    private static func renderThemesPage(_ model: GalleryModel, in area: Rect, frame: inout Frame) {
        let columns = Layout.horizontal([.length(20), .fill(1)]).split(area)
        let left = Block(title: "Themes", focused: true)
        frame.render(left, in: columns[0])
        let items = model.themes.map { ListItem($0.name) }
        frame.render(
            ListView(items, state: ListState(selected: model.themeIndex)), in: left.inner(columns[0]))
        let right = Block(title: "Roles at \(depthName(frame.theme.depth))")
        frame.render(right, in: columns[1])
        let inner = right.inner(columns[1])
        let roles = ThemeRole.generic + frame.theme.theme.applicationRoles
        let perColumn = max(1, inner.height)
        let columnWidth = 18
        for (index, role) in roles.enumerated() {
            let x = inner.x + (index / perColumn) * columnWidth
            let y = inner.y + index % perColumn
            guard x + 4 <= inner.maxX else { break }
            frame.buffer.write("██", x: x, y: y, style: frame.theme[role], clip: inner)
            frame.write(
                " " + role.rawValue, at: Point(x: x + 2, y: y), style: frame.theme[role],
                clip: Rect(x: x + 2, y: y, width: columnWidth - 3, height: 1).intersection(inner))
        }
    }

    private static func depthName(_ depth: ColorDepth) -> String {
        switch depth {
        case .truecolor: return "24-bit"
        case .palette256: return "256 colours"
        case .basic8: return "8 colours"
        case .monochrome: return "mono"
        }
    }
}
