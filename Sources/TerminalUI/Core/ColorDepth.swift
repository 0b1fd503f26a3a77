/// How many colours the terminal can show; themes resolve to one of these.
public enum ColorDepth: Int, Comparable, CaseIterable, Sendable {
    /// Attributes only (bold, reverse, …): `NO_COLOR`, or a terminal without colour.
    case monochrome = 0
    case basic8 = 8
    case palette256 = 256
    case truecolor = 16_777_216

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    /// What the environment allows: `NO_COLOR` (non-empty) forces monochrome,
    /// `COLORTERM=truecolor|24bit` asks for 24-bit; the result never exceeds
    /// what the terminal reports (`terminalColors`, ncurses' COLORS).
    public static func detect(environment: [String: String], terminalColors: Int) -> ColorDepth {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty {
            return .monochrome
        }
        let terminalDepth = ColorDepth.fitting(colorCount: terminalColors)
        let wantsTruecolor = ["truecolor", "24bit"].contains(environment["COLORTERM"]?.lowercased() ?? "")
        if wantsTruecolor && terminalDepth == .truecolor {
            return .truecolor
        }
        return min(terminalDepth, .palette256)
    }

    /// The deepest depth a terminal with this many colours can show.
    public static func fitting(colorCount: Int) -> ColorDepth {
        switch colorCount {
        case 16_777_216...: return .truecolor
        case 256...: return .palette256
        case 8...: return .basic8
        default: return .monochrome
        }
    }
}
