import TerminalUI

/// A dashboard table that never cuts a figure: every column is as wide as its title and its
/// widest cell, except the first (a node's or a channel's name), which takes what is left and
/// may shorten with an ellipsis. When the figures do not fit beside a name of `nameWidth`
/// columns, the columns of lowest `priority` are left out, one at a time.
struct FittedTable {
    struct Column {
        var title: String
        var alignment: TextMeasure.Alignment = .trailing
        /// Higher stays longer; the name column always stays.
        var priority: Int = 0
    }

    var columns: [Column]
    var rows: [[String]]
    var state = ListState(selected: nil)
    /// The least room the name column keeps before figures are dropped.
    var nameWidth = 8

    /// The indices of the columns shown in `area` and their widths.
    func layout(in area: Rect) -> [(index: Int, width: Int)] {
        let scrolls = rows.count > area.height - 2
        let room = area.width - (scrolls ? 1 : 0)
        var shown = Array(columns.indices)
        func natural(_ column: Int) -> Int {
            rows.map { column < $0.count ? DisplayWidth.of($0[column]) : 0 }.reduce(
                DisplayWidth.of(columns[column].title), max)
        }
        func figures(_ indices: [Int]) -> Int {
            indices.dropFirst().map(natural).reduce(0, +) + indices.count - 1
        }
        let name = min(natural(0), nameWidth)
        while shown.count > 1, figures(shown) + name > room,
            let drop = shown.dropFirst().min(by: { columns[$0].priority < columns[$1].priority })
        {
            shown.removeAll { $0 == drop }
        }
        let nameRoom = max(0, min(natural(0), room - figures(shown)))
        return shown.map { ($0, $0 == 0 ? nameRoom : natural($0)) }
    }

    func render(in area: Rect, frame: inout Frame) {
        let chosen = layout(in: area)
        let table = Table(
            columns: chosen.map {
                TableColumn(
                    columns[$0.index].title, width: .length($0.width), alignment: columns[$0.index].alignment)
            },
            rows: rows.map { row in chosen.map { $0.index < row.count ? row[$0.index] : "" } }, state: state)
        frame.render(table, in: area)
    }
}
