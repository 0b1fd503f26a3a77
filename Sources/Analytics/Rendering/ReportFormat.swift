import Foundation

/// How figures read in reports: thousands separated, rates as percentages with one decimal,
/// durations in the two largest units, bars in eighths of a block.
public enum ReportFormat {
    public static func count(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (index, ch) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    public static func percent(_ rate: Double?) -> String {
        guard let rate else { return "—" }
        return String(format: "%.1f%%", rate * 100)
    }

    /// Signed percentage points: `+4.1 pts`.
    public static func points(_ difference: Double?) -> String {
        guard let difference else { return "—" }
        return String(format: "%+.1f pts", difference * 100)
    }

    /// `45s`, `12m`, `3h 20m`, `2d 4h`.
    public static func duration(_ seconds: Double?) -> String {
        guard let seconds else { return "—" }
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s)s" }
        if s < 3600 { return "\(s / 60)m" + (s % 60 == 0 || s >= 600 ? "" : " \(s % 60)s") }
        if s < 86_400 { return "\(s / 3600)h" + (s % 3600 / 60 == 0 ? "" : " \(s % 3600 / 60)m") }
        return "\(s / 86_400)d" + (s % 86_400 / 3600 == 0 ? "" : " \(s % 86_400 / 3600)h")
    }

    public static func duration(_ seconds: Int?) -> String { duration(seconds.map(Double.init)) }

    /// A bar `width` cells wide at full scale, drawn with eighth blocks.
    public static func bar(_ value: Double, of maximum: Double, width: Int) -> String {
        guard maximum > 0, value > 0 else { return "" }
        let eighths = Int((value / maximum * Double(width * 8)).rounded())
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
    }
}

/// A text table with aligned columns: text left, figures right. The reports and the command
/// line's lists (`cairn journeys`, `runs`, ...) print with it.
public struct TextTable {
    public var header: [String]
    public var rows: [[String]] = []
    /// Columns aligned left (by index); the rest align right.
    public var leftAligned: Set<Int> = [0]

    public init(header: [String], rows: [[String]] = [], leftAligned: Set<Int> = [0]) {
        self.header = header
        self.rows = rows
        self.leftAligned = leftAligned
    }

    /// Every column left-aligned, no indent, a line each: the command line's lists.
    public static func list(_ header: [String], _ rows: [[String]]) -> String {
        TextTable(header: header, rows: rows, leftAligned: Set(header.indices)).render(indent: "") + "\n"
    }

    public func render(indent: String = "  ") -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in
            all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
        }
        return all.map { row in
            let cells = row.enumerated().map { column, text in
                let pad = String(repeating: " ", count: max(0, widths[column] - text.count))
                return leftAligned.contains(column) ? text + pad : pad + text
            }
            return indent
                + cells.joined(separator: "  ").replacingOccurrences(
                    of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n")
    }
}
