import TerminalUI

/// Pieces of text (figures with their words: `191 handoffs`, `p50 4d`) laid out on lines of a
/// given width, joined by a separator, never cutting a piece: a piece that does not fit on the
/// line goes to the next one; one longer than a whole line is word-wrapped. So a figure is either
/// whole on the screen or, when the lines run out, not there at all.
enum FlowLines {
    static func lines(_ pieces: [String], width: Int, separator: String = " · ") -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for piece in pieces where !piece.isEmpty {
            let joined = line.isEmpty ? piece : line + separator + piece
            if DisplayWidth.of(joined) <= width {
                line = joined
                continue
            }
            if !line.isEmpty { lines.append(line) }
            line = ""
            let wrapped = TextMeasure.wrap(piece, width: width)
            lines += wrapped.dropLast()
            line = wrapped.last ?? ""
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// The pieces that fit whole in `height` lines: later pieces are left out rather than cut.
    static func fitting(_ pieces: [String], width: Int, height: Int, separator: String = " · ") -> [String] {
        var kept = pieces
        while !kept.isEmpty, lines(kept, width: width, separator: separator).count > height {
            kept.removeLast()
        }
        return lines(kept, width: width, separator: separator)
    }
}
