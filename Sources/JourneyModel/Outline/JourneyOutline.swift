/// An indented text outline of a journey's graph, for `cairn show`: the entry, then each
/// node under the one that leads to it, branches labelled, loops and joins marked.
public enum JourneyOutline {
    public static func render(_ journey: Journey) -> String {
        var lines = ["\(journey.id) — \(journey.name)"]
        if let description = journey.description { lines.append(description) }
        var entry = "entry: \(NodeSummary.trigger(journey.entry.trigger))"
        if let audience = journey.entry.audience { entry += ", if " + ConditionText.describe(audience) }
        entry += " (reentry: \(journey.entry.reentry))"
        lines.append(entry)
        if let goal = journey.goal {
            lines.append("goal\(goal.name.map { " '\($0)'" } ?? ""): " + ConditionText.describe(goal.when))
        }
        var printed: Set<String> = []
        walk(
            journey.entry.next, label: "", journey: journey, prefix: "", last: true, path: [],
            printed: &printed,
            lines: &lines)
        let unreached = journey.nodes.filter { !printed.contains($0.id) }
        if !unreached.isEmpty {
            lines.append("unreachable: " + unreached.map(\.id).joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func walk(
        _ id: String, label: String, journey: Journey, prefix: String, last: Bool, path: [String],
        printed: inout Set<String>, lines: inout [String]
    ) {
        let branch = last ? "└─ " : "├─ "
        let tag = label.isEmpty ? "" : "[\(label)] "
        guard let node = journey.node(id) else {
            lines.append(prefix + branch + tag + "\(id) ?? unknown node")
            return
        }
        if path.contains(id) {
            lines.append(prefix + branch + tag + "↺ back to \(id)")
            return
        }
        if printed.contains(id) {
            lines.append(prefix + branch + tag + "→ \(id) (joins above)")
            return
        }
        printed.insert(id)
        let title = node.label.map { "\(id) “\($0)”" } ?? id
        lines.append(prefix + branch + tag + "\(title)  \(NodeSummary.line(node))")
        let edges = node.edges
        let childPrefix = prefix + (last ? "   " : "│  ")
        for (index, edge) in edges.enumerated() {
            walk(
                edge.target, label: edge.label, journey: journey, prefix: childPrefix,
                last: index == edges.count - 1,
                path: path + [id], printed: &printed, lines: &lines)
        }
    }
}
