/// One terminal cell. A wide character occupies its own cell plus a following
/// *continuation* cell (empty grapheme, width 0) that screens skip when drawing.
public struct Cell: Hashable, Sendable {
    public var grapheme: String
    public var width: Int
    public var style: Style

    public init(_ grapheme: String, width: Int? = nil, style: Style = .plain) {
        self.grapheme = grapheme
        self.width = width ?? DisplayWidth.of(grapheme)
        self.style = style
    }

    public static let blank = Cell(" ", width: 1)

    static func continuation(style: Style) -> Cell {
        Cell("", width: 0, style: style)
    }

    public var isContinuation: Bool { width == 0 && grapheme.isEmpty }
}
