import Analytics
import TerminalUI
import Workspace

/// One lead's path through a run: each step with its virtual time, every decision leaf
/// explained, messages with their fate, handoffs with their context, the final status.
/// `/` searches the timeline.
struct LeadInspectorScreen: StudioScreen {
    enum Action: Hashable, Sendable {
        case down, up, pageDown, pageUp, top, bottom, search, nextMatch, confirm, close
    }

    enum Message: Sendable {
        case loaded(Result<LeadTimeline, LeadTimeline.Failure>)
    }

    var lead: String
    var run: Int64
    var lines: [Line]?
    var problem: String?
    var scroll = 0
    /// The search being typed, while `/` is open.
    var searchInput: TextInputState?
    var query = ""

    init(lead: String, run: Int64) {
        self.lead = lead
        self.run = run
    }

    var title: String { "Lead \(lead)" }

    static let keys = KeyMap<Action>([
        KeyBinding(keys: ["j", "down"], action: .down, help: "down", group: "Moving", palette: false),
        KeyBinding(keys: ["k", "up"], action: .up, help: "up", group: "Moving", palette: false),
        KeyBinding(
            keys: ["pgdn", "space"], action: .pageDown, help: "page down", longHelp: "Scroll a page down",
            group: "Moving", palette: false),
        KeyBinding(
            keys: ["pgup"], action: .pageUp, help: "page up", longHelp: "Scroll a page up", group: "Moving",
            palette: false),
        KeyBinding(
            keys: ["g", "home"], action: .top, help: "top", longHelp: "Go to the top", group: "Moving"),
        KeyBinding(
            keys: ["G", "end"], action: .bottom, help: "bottom", longHelp: "Go to the end", group: "Moving"),
        KeyBinding(
            keys: ["/"], action: .search, help: "search", longHelp: "Search the timeline", group: "Search",
            statusBar: true),
        KeyBinding(
            keys: ["n"], action: .nextMatch, help: "next match", longHelp: "Go to the next match",
            group: "Search"),
    ])

    static let searchKeys = KeyMap<Action>([
        KeyBinding(
            keys: ["enter"], action: .confirm, help: "find", longHelp: "Go to the first match",
            group: "Search",
            statusBar: true),
        KeyBinding(
            keys: ["esc"], action: .close, help: "cancel", longHelp: "Close the search", group: "Search"),
    ])

    static var keyTables: [KeyTable] {
        [
            KeyTable("Lead inspector", keys),
            KeyTable("Lead inspector: search", searchKeys, takesEveryKey: true),
        ]
    }

    var keyMap: KeyMap<Action> { searchInput == nil ? Self.keys : Self.searchKeys }
    var statusMode: String { searchInput == nil ? "" : "SEARCH" }

    func onAppear(_ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        let workspace = environment.workspace
        let (lead, run) = (lead, run)
        return [
            .load {
                Message.loaded(
                    Result { () throws(LeadTimeline.Failure) in
                        try LeadTimeline.load(workspace, run: run, lead: lead)
                    })
            }
        ]
    }

    mutating func intercept(_ key: Key, _ environment: StudioEnvironment) -> [Effect<StudioMessage>]? {
        guard var input = searchInput else { return nil }
        if let action = Self.searchKeys.action(for: key) { return perform(action, environment) }
        _ = input.handle(key)
        searchInput = input
        return []
    }

    /// Rows the timeline gets: the screen's content less its border.
    private func pageSize(_ environment: StudioEnvironment) -> Int {
        max(1, environment.contentSize.height - 2)
    }

    mutating func perform(_ action: Action, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        let page = pageSize(environment)
        switch action {
        case .down: scrollBy(1, page: page)
        case .up: scrollBy(-1, page: page)
        case .pageDown: scrollBy(page, page: page)
        case .pageUp: scrollBy(-page, page: page)
        case .top: scroll = 0
        case .bottom: scrollBy(Int.max / 2, page: page)
        case .search: searchInput = TextInputState(text: query, selected: true)
        case .close: searchInput = nil
        case .confirm:
            query = searchInput?.text ?? ""
            searchInput = nil
            return find(from: scroll, page: page)
        case .nextMatch: return find(from: scroll + 1, page: page)
        }
        return []
    }

    private mutating func scrollBy(_ delta: Int, page: Int) {
        let count = lines?.count ?? 0
        scroll = max(0, min(max(0, count - page), scroll + delta))
    }

    /// Scrolls so the first line at or after `start` containing the query is on top.
    private mutating func find(from start: Int, page: Int) -> [Effect<StudioMessage>] {
        guard !query.isEmpty, let lines else { return [] }
        let texts = lines.map { $0.spans.map(\.text).joined().lowercased() }
        let needle = query.lowercased()
        let order = Array(start..<texts.count) + Array(0..<min(start, texts.count))
        guard let hit = order.first(where: { texts[$0].contains(needle) }) else {
            return [.toast("No “\(query)” in this timeline", .warning)]
        }
        scroll = hit
        return []
    }

    mutating func receive(_ message: Message, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        switch message {
        case .loaded(.success(let timeline)):
            lines = LeadTimelineLines.lines(timeline)
            problem = nil
        case .loaded(.failure(let failure)):
            problem = failure.description
        }
        return []
    }

    mutating func mouse(_ event: MouseEvent, in area: Rect, _ environment: StudioEnvironment)
        -> [Effect<StudioMessage>]
    {
        switch event.kind {
        case .wheelDown: scrollBy(3, page: pageSize(environment))
        case .wheelUp: scrollBy(-3, page: pageSize(environment))
        default: break
        }
        return []
    }

    func view(in area: Rect, frame: inout Frame, _ environment: StudioEnvironment) {
        let block = Block(title: "Lead \(lead) · run #\(run)", focused: true)
        frame.render(block, in: area)
        var inner = block.inner(area)
        if let searchInput {
            let row = Rect(x: inner.x, y: inner.maxY - 1, width: inner.width, height: 1)
            _ = frame.write("/", at: row.origin, style: frame.theme[.key], clip: row)
            frame.render(TextInput(searchInput), in: row.inset(left: 1))
            inner = inner.inset(bottom: 1)
        }
        guard let lines else {
            let text = problem.map { "Nothing to show: \($0)." } ?? "Loading…"
            frame.render(Paragraph(text, role: problem == nil ? .muted : .error), in: inner)
            return
        }
        for (offset, line) in lines.dropFirst(scroll).prefix(inner.height).enumerated() {
            frame.render(line, in: inner.row(offset))
        }
        ScrollMarkers(above: scroll > 0, below: scroll + inner.height < lines.count).render(
            in: Rect(x: inner.maxX, y: inner.y, width: 1, height: inner.height), frame: &frame)
    }
}
