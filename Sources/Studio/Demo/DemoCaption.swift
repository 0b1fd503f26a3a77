import Analytics
import Foundation

/// Fills a caption's figures from a run's counts: `{in:node}`, `{pct:node}`, `{entries}`,
/// `{conversions}`. Without counts (before the replay), a figure reads `…`.
enum DemoCaption {
    static func fill(_ text: String, counts: RunCounts?) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            result += figure(String(rest[rest.index(after: open)..<close]), counts: counts)
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    static func figure(_ name: String, counts: RunCounts?) -> String {
        guard let counts else { return "…" }
        let entries = counts.arrivals["entry"] ?? 0
        let parts = name.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first ?? "", parts.count > 1 ? parts[1] : "") {
        case ("entries", _): return ReportFormat.count(entries)
        case ("conversions", _): return ReportFormat.count(counts.conversions["entry"] ?? 0)
        case ("in", let node): return ReportFormat.count(counts.arrivals[node] ?? 0)
        case ("pct", let node):
            let leads = counts.arrivals[node] ?? 0
            return ReportFormat.percent(entries == 0 ? nil : Double(leads) / Double(entries))
        default: return "{\(name)}"
        }
    }
}
