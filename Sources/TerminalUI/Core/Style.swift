/// Text attributes a terminal can show even without colour.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let italic = TextAttributes(rawValue: 1 << 2)
    public static let underline = TextAttributes(rawValue: 1 << 3)
    public static let reverse = TextAttributes(rawValue: 1 << 4)
    public static let blink = TextAttributes(rawValue: 1 << 5)

    /// Names as written in theme files and snapshots, in a fixed order.
    public static let named: [(name: String, attribute: TextAttributes)] = [
        ("bold", .bold), ("dim", .dim), ("italic", .italic),
        ("underline", .underline), ("reverse", .reverse), ("blink", .blink),
    ]

    public var names: [String] {
        Self.named.filter { contains($0.attribute) }.map(\.name)
    }
}

/// How a cell looks. `nil` colours mean "inherit": patching a style onto a cell
/// keeps the cell's colour, so text drawn on a panel keeps the panel's background.
public struct Style: Hashable, Sendable {
    public var foreground: Color?
    public var background: Color?
    public var attributes: TextAttributes

    public init(foreground: Color? = nil, background: Color? = nil, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()

    /// This style with `overlay` drawn on top: overlay colours win where set,
    /// attributes add up.
    public func patched(with overlay: Style) -> Style {
        Style(
            foreground: overlay.foreground ?? foreground,
            background: overlay.background ?? background,
            attributes: attributes.union(overlay.attributes)
        )
    }

    public func adding(_ extra: TextAttributes) -> Style {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }

    /// Compact text for snapshots: `fg=#88c0d0 bg=i236 bold,reverse`; empty for plain.
    public var compactDescription: String {
        var parts: [String] = []
        if let foreground { parts.append("fg=" + foreground.compactDescription) }
        if let background { parts.append("bg=" + background.compactDescription) }
        if !attributes.isEmpty { parts.append(attributes.names.joined(separator: ",")) }
        return parts.joined(separator: " ")
    }
}
