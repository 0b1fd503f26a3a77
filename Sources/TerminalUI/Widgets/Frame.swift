/// What a view draws into: the buffer plus what every widget needs to know
/// about the terminal (theme at its colour depth, glyphs for its locale) and
/// where the text cursor should be left, if anywhere.
public struct Frame: Sendable {
    public var buffer: Buffer
    public var theme: ResolvedTheme
    public var glyphs: GlyphSet
    /// Where the terminal's cursor is shown after drawing (text inputs set it).
    public var cursor: Point?

    public init(size: Size, theme: ResolvedTheme = .fallback(), glyphs: GlyphSet = .unicode) {
        self.buffer = Buffer(size: size)
        self.theme = theme
        self.glyphs = glyphs
    }

    public var size: Size { buffer.size }
    public var area: Rect { buffer.area }

    public mutating func render(_ widget: some Widget, in area: Rect) {
        widget.render(in: area, frame: &self)
    }

    /// Writes text clipped to `area`, truncated with the glyph set's ellipsis.
    @discardableResult
    public mutating func write(_ text: String, at point: Point, style: Style = .plain, clip: Rect) -> Int {
        let room = clip.maxX - point.x
        let fitted = TextMeasure.truncate(text, toWidth: room, ellipsis: glyphs.ellipsis)
        return buffer.write(fitted, x: point.x, y: point.y, style: style, clip: clip)
    }

    /// Fills an area with a role's style (background and all).
    public mutating func fill(_ area: Rect, role: ThemeRole) {
        buffer.fill(area, with: theme[role])
    }
}

/// Something that draws itself into a region of a frame. Widgets are values
/// built fresh by each view; state that outlives a frame (selection, scroll,
/// text being edited) lives in the model and is passed in.
public protocol Widget {
    func render(in area: Rect, frame: inout Frame)
}
