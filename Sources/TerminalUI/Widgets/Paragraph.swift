/// A run of text in one role, part of a `Line`.
public struct Span: Hashable, Sendable {
    public var text: String
    public var role: ThemeRole?
    public var attributes: TextAttributes

    public init(_ text: String, role: ThemeRole? = nil, attributes: TextAttributes = []) {
        self.text = text
        self.role = role
        self.attributes = attributes
    }
}

/// One row of differently styled spans (no wrapping), e.g. `field  equals  "gold"`.
public struct Line: Widget, Hashable, Sendable {
    public var spans: [Span]

    public init(_ spans: [Span]) {
        self.spans = spans
    }

    public init(_ text: String, role: ThemeRole? = nil) {
        self.spans = [Span(text, role: role)]
    }

    public var width: Int {
        spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
    }

    public func render(in area: Rect, frame: inout Frame) {
        guard !area.isEmpty else { return }
        var x = area.x
        for (index, span) in spans.enumerated() {
            let style = (span.role.map { frame.theme[$0] } ?? .plain).adding(span.attributes)
            let isLast = index == spans.count - 1
            let remaining = area.maxX - x
            guard remaining > 0 else { break }
            // Only the span that overflows gets the ellipsis.
            let text =
                isLast || DisplayWidth.of(span.text) > remaining
                ? TextMeasure.truncate(span.text, toWidth: remaining, ellipsis: frame.glyphs.ellipsis)
                : span.text
            x += frame.buffer.write(text, x: x, y: area.y, style: style, clip: area)
        }
    }
}

/// Text wrapped (or cut) to an area, with optional vertical scroll.
public struct Paragraph: Widget {
    public var text: String
    public var role: ThemeRole
    public var alignment: TextMeasure.Alignment
    public var wraps: Bool
    /// Lines skipped at the top (scrolling).
    public var scroll: Int

    public init(
        _ text: String, role: ThemeRole = .text, alignment: TextMeasure.Alignment = .leading,
        wraps: Bool = true, scroll: Int = 0
    ) {
        self.text = text
        self.role = role
        self.alignment = alignment
        self.wraps = wraps
        self.scroll = scroll
    }

    /// The lines this paragraph shows at a given width (for sizing and scroll limits).
    public func lines(width: Int) -> [String] {
        wraps ? TextMeasure.wrap(text, width: width) : text.split(separator: "\n").map(String.init)
    }

    public func render(in area: Rect, frame: inout Frame) {
        guard !area.isEmpty else { return }
        let visible = lines(width: area.width).dropFirst(max(0, scroll)).prefix(area.height)
        let style = frame.theme[role]
        for (row, line) in visible.enumerated() {
            let fitted = TextMeasure.fit(
                line, width: area.width, alignment: alignment, ellipsis: frame.glyphs.ellipsis)
            frame.buffer.write(fitted, x: area.x, y: area.y + row, style: style, clip: area)
        }
    }
}
