/// What a piece of the screen *means*; themes say how each meaning looks, so
/// widgets and applications never pick raw colours.
///
/// The toolkit's own roles are generic (`text`, `accent`, `status-bar`...). An
/// application adds roles of its own, named `prefix.name` (the studio's node kinds
/// are `node.entry`, `node.goal`...), each with the appearance it has when a theme
/// leaves it out; theme files may then colour them like any other role.
public struct ThemeRole: Hashable, Sendable, CustomStringConvertible {
    /// The name theme files use.
    public let rawValue: String
    /// How an application role looks when the theme does not say (generic roles
    /// take theirs from `Theme.fallback`).
    public let fallback: RoleAppearance?

    public init(_ name: String, fallback: RoleAppearance? = nil) {
        self.rawValue = name
        self.fallback = fallback
    }

    /// A role of the toolkit, or an application's role (a name with a dot) without a
    /// fallback of its own; any other name is not a role.
    public init?(rawValue: String) {
        if let generic = Self.generic.first(where: { $0.rawValue == rawValue }) {
            self = generic
        } else if Self.isApplicationRoleName(rawValue) {
            self.init(rawValue)
        } else {
            return nil
        }
    }

    /// Whether this is one of the toolkit's generic roles.
    public var isGeneric: Bool { Self.generic.contains(self) }

    public var description: String { rawValue }

    public static func == (lhs: ThemeRole, rhs: ThemeRole) -> Bool { lhs.rawValue == rhs.rawValue }

    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// `prefix.name`, both parts non-empty.
    static func isApplicationRoleName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { !$0.isEmpty }
    }

    public static let text = ThemeRole("text")
    public static let muted = ThemeRole("muted")
    public static let surface = ThemeRole("surface")
    public static let panel = ThemeRole("panel")
    public static let border = ThemeRole("border")
    public static let focus = ThemeRole("focus")
    public static let title = ThemeRole("title")
    public static let accent = ThemeRole("accent")
    public static let selection = ThemeRole("selection")
    public static let success = ThemeRole("success")
    public static let warning = ThemeRole("warning")
    public static let error = ThemeRole("error")
    public static let info = ThemeRole("info")
    public static let statusBar = ThemeRole("status-bar")
    public static let key = ThemeRole("key")
    public static let input = ThemeRole("input")
    public static let chart = ThemeRole("chart")

    /// The toolkit's roles, in the order the gallery lists them.
    public static let generic: [ThemeRole] = [
        .text, .muted, .surface, .panel, .border, .focus, .title, .accent, .selection, .success, .warning,
        .error, .info, .statusBar, .key, .input, .chart,
    ]
}
