/// `[x] label`: a boolean field.
public struct Checkbox: Widget {
    public var label: String
    public var checked: Bool
    public var focused: Bool

    public init(_ label: String, checked: Bool, focused: Bool = false) {
        self.label = label
        self.checked = checked
        self.focused = focused
    }

    /// Space or Enter toggles.
    public static func toggles(on key: Key) -> Bool {
        key.modifiers.isEmpty && (key.code == .character(" ") || key.code == .enter)
    }

    public func render(in area: Rect, frame: inout Frame) {
        guard !area.isEmpty else { return }
        let box = checked ? frame.glyphs.checked : frame.glyphs.unchecked
        let boxStyle = focused ? frame.theme[.focus] : frame.theme[.accent]
        let used = frame.buffer.write(box, x: area.x, y: area.y, style: boxStyle, clip: area)
        let labelStyle = focused ? frame.theme[.text].adding(.bold) : frame.theme[.text]
        frame.write(" " + label, at: Point(x: area.x + used, y: area.y), style: labelStyle, clip: area)
    }
}
