extension Theme {
    /// The built-in dark theme, identical to `themes/default.yaml`'s generic roles (a test
    /// keeps them in step). It is what the studio uses when a theme file is bad or absent;
    /// an application's own roles then take their own fallbacks.
    public static let fallback: Theme = {
        func color(_ hex: String, _ index: UInt8? = nil, _ basic: BasicColor? = nil) -> ThemeColor {
            ThemeColor(
                Color(parsing: hex) ?? .terminalDefault,
                palette256: index.map { .indexed($0) },
                basic8: basic.map { .basic($0) }
            )
        }
        let roles: [ThemeRole: RoleAppearance] = [
            .text: RoleAppearance(foreground: color("#d8dee9", 253, .white)),
            .muted: RoleAppearance(foreground: color("#7b88a1", 103, .white), monochrome: .dim),
            .surface: RoleAppearance(
                foreground: color("#d8dee9", 253, .white), background: color("#2e3440", 236, .black)),
            .panel: RoleAppearance(background: color("#3b4252", 238, .black)),
            .border: RoleAppearance(foreground: color("#4c566a", 240, .white), monochrome: .dim),
            .focus: RoleAppearance(foreground: color("#88c0d0", 110, .cyan), attributes: .bold),
            .title: RoleAppearance(foreground: color("#eceff4", 255, .white), attributes: .bold),
            .accent: RoleAppearance(foreground: color("#88c0d0", 110, .cyan), monochrome: .bold),
            .selection: RoleAppearance(
                foreground: color("#2e3440", 236, .black), background: color("#88c0d0", 110, .cyan),
                monochrome: .reverse),
            .success: RoleAppearance(foreground: color("#a3be8c", 144, .green), monochrome: .bold),
            .warning: RoleAppearance(foreground: color("#ebcb8b", 222, .yellow), monochrome: .bold),
            .error: RoleAppearance(
                foreground: color("#bf616a", 131, .red), attributes: .bold, monochrome: .underline),
            .info: RoleAppearance(foreground: color("#81a1c1", 109, .blue)),
            .statusBar: RoleAppearance(
                foreground: color("#d8dee9", 253, .white), background: color("#434c5e", 239, .blue),
                monochrome: .reverse),
            .key: RoleAppearance(foreground: color("#ebcb8b", 222, .yellow), attributes: .bold),
            .input: RoleAppearance(
                foreground: color("#eceff4", 255, .white), background: color("#434c5e", 239, .black),
                monochrome: .underline),
            .chart: RoleAppearance(foreground: color("#81a1c1", 109, .blue)),
        ]
        return Theme(name: "default", description: "Dark, calm blues (the built-in fallback)", roles: roles)
    }()
}
