import TerminalUI

/// The canvas colours each journey node kind with a theme role of the studio's own
/// (`node.entry`, ...): theme files colour them like the toolkit's roles, and a theme
/// that leaves one out (the built-in fallback does) gets the look of `themes/default.yaml`
/// given here (a test keeps the two in step).
extension ThemeRole {
    public static let nodeEntry = ThemeRole("node.entry", fallback: appearance("#a3be8c", 144, .green, .bold))
    public static let nodeDecision = ThemeRole("node.decision", fallback: appearance("#ebcb8b", 222, .yellow))
    public static let nodeSplit = ThemeRole("node.split", fallback: appearance("#b48ead", 139, .magenta))
    public static let nodeWait = ThemeRole("node.wait", fallback: appearance("#81a1c1", 109, .blue))
    public static let nodeAction = ThemeRole("node.action", fallback: appearance("#88c0d0", 110, .cyan))
    public static let nodeGoal = ThemeRole(
        "node.goal", fallback: appearance("#d08770", 173, .red, .bold, monochrome: .underline))
    public static let nodeExit = ThemeRole(
        "node.exit", fallback: appearance("#7b88a1", 103, .white, monochrome: .dim))

    /// The node-kind roles in the order theme files list them.
    public static let nodeKinds: [ThemeRole] = [
        .nodeEntry, .nodeDecision, .nodeSplit, .nodeWait, .nodeAction, .nodeGoal, .nodeExit,
    ]

    private static func appearance(
        _ hex: String, _ index: UInt8, _ basic: BasicColor, _ attributes: TextAttributes = [],
        monochrome: TextAttributes = []
    ) -> RoleAppearance {
        let color = ThemeColor(
            Color(parsing: hex) ?? .terminalDefault, palette256: .indexed(index), basic8: .basic(basic))
        return RoleAppearance(foreground: color, attributes: attributes, monochrome: monochrome)
    }
}
