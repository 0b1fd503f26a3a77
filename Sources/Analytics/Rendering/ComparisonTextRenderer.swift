/// Two runs side by side as text: each figure, both values and the difference.
public enum ComparisonTextRenderer {
    public static func render(_ comparison: RunComparison) -> String {
        let a = comparison.first.run
        let b = comparison.second.run
        var lines = [
            "Comparing run \(a.id) (\(a.journey) v\(a.version), \(a.cohort), \(a.mode))\n"
                + "     with run \(b.id) (\(b.journey) v\(b.version), \(b.cohort), \(b.mode))"
        ]
        var section = ""
        var table = TextTable(header: ["", "run \(a.id)", "run \(b.id)", "difference"])
        func flush() {
            if !table.rows.isEmpty { lines.append(section.uppercased() + "\n" + table.render()) }
            table.rows = []
        }
        for row in comparison.rows {
            if row.section != section {
                flush()
                section = row.section
            }
            table.rows.append([
                row.figure, value(row.first, row.unit), value(row.second, row.unit), difference(row),
            ])
        }
        flush()
        return lines.joined(separator: "\n\n") + "\n"
    }

    static func value(_ v: Double?, _ unit: RunComparison.Unit) -> String {
        switch unit {
        case .count: return v.map { ReportFormat.count(Int($0)) } ?? "—"
        case .rate: return ReportFormat.percent(v)
        case .seconds: return ReportFormat.duration(v)
        }
    }

    static func difference(_ row: RunComparison.Row) -> String {
        guard let d = row.difference else { return "—" }
        switch row.unit {
        case .count: return (d > 0 ? "+" : "") + ReportFormat.count(Int(d))
        case .rate: return ReportFormat.points(d)
        case .seconds: return (d < 0 ? "-" : "+") + ReportFormat.duration(abs(d))
        }
    }
}
