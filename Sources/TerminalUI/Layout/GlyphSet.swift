/// The characters widgets draw lines, bars and marks with. `unicode` needs a
/// UTF-8 locale; `ascii` works on any terminal.
public struct GlyphSet: Hashable, Sendable {
    public var horizontal: String
    public var vertical: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    public var teeDown: String  // ┬
    public var teeUp: String  // ┴
    public var teeRight: String  // ├
    public var teeLeft: String  // ┤
    public var cross: String
    /// Eight steps of a partial cell, lowest first (bar charts, sparklines).
    public var verticalSteps: [String]
    /// Eight steps of a partial cell, narrowest first (horizontal bars).
    public var horizontalSteps: [String]
    public var full: String
    public var shade: String
    public var ellipsis: String
    public var checked: String
    public var unchecked: String
    public var radioOn: String
    public var radioOff: String
    public var pointer: String
    public var arrowUp: String
    public var arrowDown: String
    public var arrowLeft: String
    public var arrowRight: String
    public var times: String
    public var bullet: String
    public var isUnicode: Bool

    public static let unicode = GlyphSet(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        teeDown: "┬", teeUp: "┴", teeRight: "├", teeLeft: "┤", cross: "┼",
        verticalSteps: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        horizontalSteps: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"],
        full: "█", shade: "░", ellipsis: "…", checked: "[x]", unchecked: "[ ]",
        radioOn: "(•)", radioOff: "( )", pointer: "›", arrowUp: "↑", arrowDown: "↓",
        arrowLeft: "←", arrowRight: "→", times: "×", bullet: "•", isUnicode: true
    )

    public static let ascii = GlyphSet(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        teeDown: "+", teeUp: "+", teeRight: "+", teeLeft: "+", cross: "+",
        verticalSteps: [".", ".", ":", ":", "|", "|", "#", "#"],
        horizontalSteps: ["-", "-", "=", "=", "=", "#", "#", "#"],
        full: "#", shade: ".", ellipsis: "~", checked: "[x]", unchecked: "[ ]",
        radioOn: "(*)", radioOff: "( )", pointer: ">", arrowUp: "^", arrowDown: "v",
        arrowLeft: "<", arrowRight: ">", times: "x", bullet: "*", isUnicode: false
    )

    /// The line glyph joining the given directions, so crossing lines and boxes
    /// merge into tees and crosses instead of overwriting each other.
    public func line(_ directions: LineDirections) -> String {
        switch directions {
        case []: return " "
        case [.left], [.right], [.left, .right]: return horizontal
        case [.up], [.down], [.up, .down]: return vertical
        case [.down, .right]: return topLeft
        case [.down, .left]: return topRight
        case [.up, .right]: return bottomLeft
        case [.up, .left]: return bottomRight
        case [.left, .right, .down]: return teeDown
        case [.left, .right, .up]: return teeUp
        case [.up, .down, .right]: return teeRight
        case [.up, .down, .left]: return teeLeft
        default: return cross
        }
    }
}

/// Which neighbours a line cell connects to.
public struct LineDirections: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let up = LineDirections(rawValue: 1)
    public static let down = LineDirections(rawValue: 2)
    public static let left = LineDirections(rawValue: 4)
    public static let right = LineDirections(rawValue: 8)

}

extension GlyphSet {
    /// What an ASCII terminal shows for a cell's text: ASCII as it is, common punctuation as its
    /// ASCII look-alike (`—` as `-`, `›` as `>`), anything else as `?` — never a blank that hides
    /// that something was there.
    public static func asciiStandIn(for grapheme: String) -> String {
        if grapheme.allSatisfy(\.isASCII) { return grapheme }
        switch grapheme {
        case "—", "–", "─", "━", "·", "•", "‐": return "-"
        case "…": return "."
        case "›", "→", "▶", "»", "⟶": return ">"
        case "‹", "←", "«": return "<"
        case "↑", "▲": return "^"
        case "↓", "▼": return "v"
        case "×": return "x"
        case "“", "”", "„": return "\""
        case "‘", "’": return "'"
        case "│", "┃": return "|"
        case "≤": return "<"
        case "≥": return ">"
        default: return grapheme.isEmpty ? grapheme : "?"
        }
    }
}
