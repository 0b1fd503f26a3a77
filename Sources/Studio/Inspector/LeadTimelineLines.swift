import Analytics
import Foundation
import TerminalUI

/// A lead's timeline as styled lines: the text `cairn lead` prints (so both read the same),
/// each line coloured by what it says, and each handoff followed by the context the agent
/// received (conversation so far, score, previous agents).
enum LeadTimelineLines {
    static func lines(_ timeline: LeadTimeline) -> [Line] {
        let handoffs = timeline.executions.flatMap(\.handoffs)
        var handoffIndex = 0
        var lines: [Line] = []
        let text = LeadTimelineTextRenderer.render(timeline)
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw)
            if number == 0 {
                lines.append(Line(line, role: .title))
            } else if line.hasPrefix("entry ") {
                lines.append(Line(line, role: line.contains("— converted") ? .success : .accent))
            } else if isHandoff(line) {
                lines.append(Line(line, role: .info))
                if handoffs.indices.contains(handoffIndex) {
                    lines += context(handoffs[handoffIndex].context).map { Line("      " + $0, role: .muted) }
                }
                handoffIndex += 1
            } else if line.hasSuffix(" → yes") {
                lines.append(Line(line, role: .success))
            } else if line.hasSuffix(" → no") {
                lines.append(Line(line, role: .muted))
            } else if line.hasPrefix("      "), line.contains("': suppressed") {
                lines.append(Line(line, role: .warning))
            } else if line.hasPrefix("      "), line.contains("': ") {
                lines.append(Line(line, role: .info))
            } else {
                lines.append(Line(line))
            }
        }
        while lines.last?.spans.allSatisfy({ $0.text.isEmpty }) == true { lines.removeLast() }
        return lines
    }

    /// `  2026-06-01 09:30  handoff a → b: reason…` (a stay line has two spaces after its node).
    static func isHandoff(_ line: String) -> Bool {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true)
        return line.hasPrefix("  ") && !line.hasPrefix("      ") && parts.count > 3 && parts[2] == "handoff"
            && !line.contains("handoff  [")
    }

    /// The stored context JSON as lines a person reads; the raw text if it is not JSON.
    static func context(_ json: String) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return json.isEmpty ? [] : ["context: \(json)"]
        }
        var lines: [String] = []
        if let score = object["score"] as? NSNumber { lines.append("score \(score)") }
        if let agents = object["previous_agents"] as? [String], !agents.isEmpty {
            lines.append("previous agents: \(agents.joined(separator: ", "))")
        }
        if let metadata = object["metadata"] as? [String: String], !metadata.isEmpty {
            lines.append(
                metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
        }
        let conversation = object["conversation"] as? [[String: Any]] ?? []
        lines.append(conversation.isEmpty ? "no conversation before the handoff" : "conversation so far:")
        for entry in conversation {
            let at = (entry["at"] as? String).map { $0.replacingOccurrences(of: "T", with: " ") } ?? ""
            let words = [entry["channel"] as? String, entry["type"] as? String, entry["template"] as? String]
                .compactMap { $0 }
            lines.append("  \(at.prefix(16))  \(words.joined(separator: " "))")
        }
        return lines
    }
}
