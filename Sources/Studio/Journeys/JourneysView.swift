import TerminalUI
import Workspace

/// Draws home: the journeys table on top, cohorts and recent runs side by side below.
enum JourneysView {
    static func render(_ screen: JourneysScreen, in area: Rect, frame: inout Frame) {
        renderLists(screen, in: area, frame: &frame)
        switch screen.mode {
        case .browsing: break
        case .pickTemplate(let state): renderTemplates(state, in: area, frame: &frame)
        case .prompt(let prompt, _): prompt.render(in: area, frame: &frame)
        case .confirmArchive(let confirm, _): frame.render(confirm.dialog, in: area)
        }
    }

    /// The journeys on top, taking what the cohorts and runs below leave: those get a third of
    /// the height, at least 7 rows (three of each), so at 80×24 every pre-built journey shows.
    static func sections(_ area: Rect) -> [Rect] {
        Layout.vertical([.fill(1), .length(max(7, area.height / 3))]).split(area)
    }

    /// The journeys table's rows: below the block's border and the table's header and rule.
    static func journeyRows(in area: Rect) -> Rect {
        let top = sections(area)[0].inset(by: 1)
        return top.inset(top: 2)
    }

    /// The journey under a click, if any.
    static func journeyIndex(at point: Point, in area: Rect, _ screen: JourneysScreen) -> Int? {
        let rows = journeyRows(in: area)
        guard rows.contains(point), let count = screen.overview?.journeys.count else { return nil }
        return point.y - rows.y + screen.list.visibleOffset(height: rows.height, count: count)
    }

    private static func renderTemplates(_ state: ListState, in area: Rect, frame: inout Frame) {
        let templates = JourneyTemplate.all
        let box = area.centered(
            Size(width: min(area.width - 4, 72), height: min(area.height - 2, templates.count + 5)))
        let block = Block(
            title: "New journey from…", footer: "enter use · esc cancel", focused: true, background: .panel)
        frame.render(block, in: box)
        let inner = block.inner(box)
        let parts = Layout.vertical([.fill(1), .length(2)]).split(inner)
        frame.render(ListView(templates.map { ListItem($0.name) }, state: state), in: parts[0])
        let description = state.selected.map { templates[$0].description } ?? ""
        frame.render(Paragraph(description, role: .muted), in: parts[1].inset(left: 1, right: 1))
    }

    private static func renderLists(_ screen: JourneysScreen, in area: Rect, frame: inout Frame) {
        let rows = sections(area)
        let journeysBlock = Block(title: "Journeys", footer: activationNote(screen.selected), focused: true)
        frame.render(journeysBlock, in: rows[0])
        let inner = journeysBlock.inner(rows[0])
        guard let overview = screen.overview else {
            let text = screen.problem.map { "Cannot read the workspace: \($0)" } ?? "Loading…"
            frame.render(Paragraph(text, role: screen.problem == nil ? .muted : .error), in: inner)
            return
        }
        if overview.journeys.isEmpty {
            frame.render(Paragraph("No journeys yet.", role: .muted), in: inner)
        } else {
            frame.render(
                Table(
                    columns: [
                        TableColumn("Journey", width: .fill(2)),
                        TableColumn("Active", width: .length(6), alignment: .trailing),
                        TableColumn("Latest", width: .length(6), alignment: .trailing),
                        TableColumn("Last run", width: .length(9), alignment: .trailing),
                        TableColumn("Converted", width: .length(9), alignment: .trailing),
                    ],
                    rows: overview.journeys.map(journeyCells), state: screen.list),
                in: inner)
        }
        let lower = Layout.horizontal([.fill(1), .fill(1)]).split(rows[1])
        let cohortsBlock = Block(title: "Cohorts")
        frame.render(cohortsBlock, in: lower[0])
        frame.render(
            Table(
                columns: [
                    TableColumn("Name"), TableColumn("Leads", width: .length(9), alignment: .trailing),
                    TableColumn("From", width: .length(9)),
                ],
                rows: overview.cohorts.map { [$0.name, $0.leads.formatted(), $0.origin] }),
            in: cohortsBlock.inner(lower[0]))
        let runsBlock = Block(title: "Recent runs")
        frame.render(runsBlock, in: lower[1])
        frame.render(
            Table(
                columns: [
                    TableColumn("Run", width: .length(5), alignment: .trailing), TableColumn("Journey"),
                    TableColumn("Status", width: .length(9)),
                ],
                rows: overview.runs.prefix(20).map {
                    ["\($0.id)", "\($0.journey) v\($0.version)", $0.state]
                }),
            in: runsBlock.inner(lower[1]))
    }

    /// Under the journeys: says when the selected journey has no active version (a new one), and
    /// how to activate it; nothing runs live until it is.
    static func activationNote(_ row: JourneyRow?) -> String {
        guard let summary = row?.summary, summary.activeVersion == nil else { return "" }
        return "\(summary.journey) is not active: press a to activate v\(summary.latestVersion)"
    }

    static func journeyCells(_ row: JourneyRow) -> [String] {
        let summary = row.summary
        let name = summary.name == summary.journey ? summary.journey : "\(summary.journey) — \(summary.name)"
        let conversion = row.lastRun.map { run in
            run.entries == 0
                ? "—" : String(format: "%.1f%%", Double(run.conversions) / Double(run.entries) * 100)
        }
        return [
            name, summary.activeVersion.map { "v\($0)" } ?? "—", "v\(summary.latestVersion)",
            row.lastRun.map { "#\($0.id)" } ?? "—", conversion ?? "—",
        ]
    }
}
