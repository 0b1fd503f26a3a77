/// Width-aware cutting, padding and wrapping of text for fixed-width cells.
public enum TextMeasure {
    /// The text cut to at most `width` columns; when it had to cut, the last
    /// column(s) show `ellipsis` so the reader knows there is more.
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        guard ellipsisWidth <= width else { return prefix(text, width: width) }
        return prefix(text, width: width - ellipsisWidth) + ellipsis
    }

    /// The longest prefix that fits in `width` columns (a wide character that
    /// would straddle the edge is left out).
    public static func prefix(_ text: String, width: Int) -> String {
        var used = 0
        var result = ""
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > width { break }
            used += w
            result.append(character)
        }
        return result
    }

    public enum Alignment: Sendable {
        case leading, center, trailing
    }

    /// Truncated and padded with spaces to exactly `width` columns.
    public static func fit(
        _ text: String, width: Int, alignment: Alignment = .leading, ellipsis: String = "…"
    ) -> String {
        let cut = truncate(text, toWidth: width, ellipsis: ellipsis)
        let gap = max(0, width - DisplayWidth.of(cut))
        switch alignment {
        case .leading: return cut + String(repeating: " ", count: gap)
        case .trailing: return String(repeating: " ", count: gap) + cut
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + cut + String(repeating: " ", count: gap - left)
        }
    }

    /// Word-wrapped lines of at most `width` columns. Words longer than a line
    /// are broken; explicit newlines are kept as paragraph breaks.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var remaining = String(word)
                var wordWidth = DisplayWidth.of(remaining)
                let needed = lineWidth == 0 ? wordWidth : lineWidth + 1 + wordWidth
                if needed <= width {
                    line += lineWidth == 0 ? remaining : " " + remaining
                    lineWidth = needed
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                while wordWidth > width {
                    let head = prefix(remaining, width: width)
                    guard !head.isEmpty else { break }  // a wide char in a 1-column line
                    lines.append(head)
                    remaining = String(remaining.dropFirst(head.count))
                    wordWidth = DisplayWidth.of(remaining)
                }
                line = remaining
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        return lines
    }
}
