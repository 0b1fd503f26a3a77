import TerminalUI
import Workspace

/// Draws a journey's history: the versions on top, the selected version's diff below.
enum HistoryView {
    static func split(_ area: Rect) -> [Rect] {
        Layout.vertical([.percentage(40), .fill(1)]).split(area)
    }

    static func versionRows(in area: Rect) -> Rect {
        split(area)[0].inset(by: 1).inset(top: 2)
    }

    static func render(_ screen: HistoryScreen, in area: Rect, frame: inout Frame) {
        let parts = split(area)
        let block = Block(title: "Versions of \(screen.journey)", focused: true)
        frame.render(block, in: parts[0])
        if let problem = screen.problem {
            frame.render(Paragraph(problem, role: .error), in: block.inner(parts[0]))
            return
        }
        frame.render(
            Table(
                columns: [
                    TableColumn("Ver", width: .length(4), alignment: .trailing),
                    TableColumn("", width: .length(6)),
                    TableColumn("Origin", width: .length(8)), TableColumn("Author", width: .length(10)),
                    TableColumn("When (UTC)", width: .length(16)), TableColumn("Message"),
                ],
                rows: screen.versions.map(cells), state: screen.list),
            in: block.inner(parts[0]))
        let diffBlock = Block(title: "Diff")
        frame.render(diffBlock, in: parts[1])
        let lines = screen.diff.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let inner = diffBlock.inner(parts[1])
        let start = min(screen.diffScroll, max(0, lines.count - inner.height))
        for (row, line) in lines.dropFirst(start).prefix(inner.height).enumerated() {
            let role: ThemeRole =
                line.hasPrefix("+")
                ? .success : line.hasPrefix("-") ? .error : line.hasPrefix("@@") ? .info : .text
            _ = frame.write(
                line, at: Point(x: inner.x, y: inner.y + row), style: frame.theme[role], clip: inner)
        }
    }

    static func cells(_ version: JourneyVersion) -> [String] {
        let when = EpochSeconds.format(version.createdAt)
        let restored = version.restoredFrom.map { " (restores v\($0))" } ?? ""
        return [
            "v\(version.version)", version.isActive ? "active" : "", version.origin.rawValue, version.author,
            String(when.prefix(10)) + " " + String(when.dropFirst(11).prefix(5)),
            (version.message ?? "") + restored,
        ]
    }
}
