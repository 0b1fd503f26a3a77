/// A colour as a theme gives it, with optional hand-picked stand-ins for
/// shallower terminals (otherwise the nearest colour is computed).
public struct ThemeColor: Hashable, Sendable {
    public var truecolor: Color
    public var palette256: Color?
    public var basic8: Color?

    public init(_ truecolor: Color, palette256: Color? = nil, basic8: Color? = nil) {
        self.truecolor = truecolor
        self.palette256 = palette256
        self.basic8 = basic8
    }

    public func resolved(for depth: ColorDepth) -> Color? {
        switch depth {
        case .truecolor: return truecolor
        case .palette256: return palette256 ?? truecolor.downsampled(to: .palette256)
        case .basic8: return (basic8 ?? palette256 ?? truecolor).downsampled(to: .basic8)
        case .monochrome: return nil
        }
    }
}

/// How one role looks: colours, attributes at every depth, and the attributes
/// that stand in for colour on a monochrome terminal.
public struct RoleAppearance: Hashable, Sendable {
    public var foreground: ThemeColor?
    public var background: ThemeColor?
    public var attributes: TextAttributes
    public var monochromeAttributes: TextAttributes

    public init(
        foreground: ThemeColor? = nil, background: ThemeColor? = nil,
        attributes: TextAttributes = [], monochrome: TextAttributes = []
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
        self.monochromeAttributes = monochrome
    }

    public func style(for depth: ColorDepth) -> Style {
        if depth == .monochrome {
            return Style(attributes: attributes.union(monochromeAttributes))
        }
        return Style(
            foreground: foreground?.resolved(for: depth),
            background: background?.resolved(for: depth),
            attributes: attributes
        )
    }
}

/// A named set of role appearances. Load one with `Theme.parse(yaml:name:)` or
/// `ThemeLoader`; `Theme.fallback` is built in and always works.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var description: String
    public var roles: [ThemeRole: RoleAppearance]
    /// The application roles (`prefix.name`) the theme gives, in the order it gives them.
    public var applicationRoles: [ThemeRole]

    public init(
        name: String, description: String = "", roles: [ThemeRole: RoleAppearance],
        applicationRoles: [ThemeRole]? = nil
    ) {
        self.name = name
        self.description = description
        self.roles = roles
        self.applicationRoles =
            applicationRoles ?? roles.keys.filter { !$0.isGeneric }.sorted { $0.rawValue < $1.rawValue }
    }

    /// The appearance of a role; a role the theme leaves out looks like the fallback's,
    /// or like the application role's own fallback.
    public func appearance(of role: ThemeRole) -> RoleAppearance {
        roles[role] ?? Theme.fallback.roles[role] ?? role.fallback ?? RoleAppearance()
    }

    /// Styles ready to draw at one colour depth.
    public func resolved(for depth: ColorDepth) -> ResolvedTheme {
        ResolvedTheme(theme: self, depth: depth)
    }
}

/// A theme fixed at one colour depth: what widgets draw with.
public struct ResolvedTheme: Hashable, Sendable {
    public let theme: Theme
    public let depth: ColorDepth
    private let styles: [ThemeRole: Style]

    public init(theme: Theme, depth: ColorDepth) {
        self.theme = theme
        self.depth = depth
        var styles: [ThemeRole: Style] = [:]
        for role in ThemeRole.generic + theme.applicationRoles {
            styles[role] = theme.appearance(of: role).style(for: depth)
        }
        self.styles = styles
    }

    public subscript(role: ThemeRole) -> Style {
        styles[role] ?? theme.appearance(of: role).style(for: depth)
    }

    public func style(_ role: ThemeRole) -> Style {
        self[role]
    }

    /// The built-in dark theme at the given depth; handy in tests and previews.
    public static func fallback(_ depth: ColorDepth = .truecolor) -> ResolvedTheme {
        Theme.fallback.resolved(for: depth)
    }
}
