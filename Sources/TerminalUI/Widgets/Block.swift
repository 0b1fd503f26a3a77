/// A bordered box with a title: the frame around panels, dialogs and forms.
public struct Block: Widget {
    public var title: String
    public var footer: String
    public var borderRole: ThemeRole
    public var backgroundRole: ThemeRole?
    public var hasBorder: Bool

    public init(
        title: String = "", footer: String = "", focused: Bool = false, background: ThemeRole? = nil,
        border: Bool = true
    ) {
        self.title = title
        self.footer = footer
        self.borderRole = focused ? .focus : .border
        self.backgroundRole = background
        self.hasBorder = border
    }

    /// The area left for content inside the border.
    public func inner(_ area: Rect) -> Rect {
        hasBorder ? area.inset(by: 1) : area
    }

    public func render(in area: Rect, frame: inout Frame) {
        guard !area.isEmpty else { return }
        if let backgroundRole {
            frame.fill(area, role: backgroundRole)
        }
        guard hasBorder, area.width >= 2, area.height >= 2 else {
            if !title.isEmpty {
                frame.write(title, at: area.origin, style: frame.theme[.title], clip: area)
            }
            return
        }
        let glyphs = frame.glyphs
        let style = frame.theme[borderRole]
        let right = area.maxX - 1
        let bottom = area.maxY - 1
        for x in (area.x + 1)..<right {
            frame.buffer.write(glyphs.horizontal, x: x, y: area.y, style: style)
            frame.buffer.write(glyphs.horizontal, x: x, y: bottom, style: style)
        }
        for y in (area.y + 1)..<bottom {
            frame.buffer.write(glyphs.vertical, x: area.x, y: y, style: style)
            frame.buffer.write(glyphs.vertical, x: right, y: y, style: style)
        }
        frame.buffer.write(glyphs.topLeft, x: area.x, y: area.y, style: style)
        frame.buffer.write(glyphs.topRight, x: right, y: area.y, style: style)
        frame.buffer.write(glyphs.bottomLeft, x: area.x, y: bottom, style: style)
        frame.buffer.write(glyphs.bottomRight, x: right, y: bottom, style: style)
        let labelClip = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: area.height)
        if !title.isEmpty, area.width > 4 {
            let titleStyle = borderRole == .focus ? frame.theme[.focus] : frame.theme[.title]
            frame.write(" \(title) ", at: Point(x: area.x + 1, y: area.y), style: titleStyle, clip: labelClip)
        }
        if !footer.isEmpty, area.width > 4 {
            let text = TextMeasure.truncate(" \(footer) ", toWidth: area.width - 2, ellipsis: glyphs.ellipsis)
            let x = right - DisplayWidth.of(text)
            frame.write(text, at: Point(x: x, y: bottom), style: frame.theme[.muted], clip: labelClip)
        }
    }
}
