import Foundation

/// A terminal colour as a widget or theme asks for it. The screen steps it down
/// to what the terminal can show (see `ColorDepth` and `Color.downsampled(to:)`).
public enum Color: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// One of the eight basic colours, which every colour terminal has.
    case basic(BasicColor)
    /// An entry of the xterm 256-colour palette.
    case indexed(UInt8)
    /// A 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)

    /// Parses `#rrggbb`, a basic colour name (`red`) or a palette index (`208`).
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if trimmed == "default" {
            self = .terminalDefault
        } else if let basic = BasicColor(rawValue: trimmed) {
            self = .basic(basic)
        } else if trimmed.hasPrefix("#"), trimmed.count == 7,
            let value = UInt32(trimmed.dropFirst(), radix: 16)
        {
            self = .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
        } else if let index = UInt8(trimmed) {
            self = .indexed(index)
        } else {
            return nil
        }
    }

    /// The colour as close as the given depth can show it; `nil` means "no colour"
    /// (monochrome), which the screen draws with the terminal's defaults.
    public func downsampled(to depth: ColorDepth) -> Color? {
        switch (self, depth) {
        case (_, .monochrome):
            return nil
        case (.terminalDefault, _), (.basic, _):
            return self
        case (.indexed, .truecolor), (.indexed, .palette256), (.rgb, .truecolor):
            return self
        case (.indexed(let index), .basic8):
            return .basic(Color.nearestBasic(to: Color.rgbComponents(ofIndex: index)))
        case (.rgb(let r, let g, let b), .palette256):
            return .indexed(Color.nearestIndex(toRed: r, green: g, blue: b))
        case (.rgb(let r, let g, let b), .basic8):
            return .basic(Color.nearestBasic(to: (r, g, b)))
        }
    }

    /// Short text for snapshots and errors: `#88c0d0`, `i208`, `red`, `default`.
    public var compactDescription: String {
        switch self {
        case .terminalDefault: return "default"
        case .basic(let basic): return basic.rawValue
        case .indexed(let index): return "i\(index)"
        case .rgb(let r, let g, let b):
            return "#"
                + [r, g, b].map { byte in
                    let hex = String(byte, radix: 16)
                    return hex.count == 1 ? "0" + hex : hex
                }.joined()
        }
    }
}

/// The eight colours of the basic ANSI set, in their terminal numbering.
public enum BasicColor: String, CaseIterable, Hashable, Sendable {
    case black, red, green, yellow, blue, magenta, cyan, white

    public var index: Int {
        Self.allCases.firstIndex(of: self) ?? 0
    }

    /// A typical rendering, used only to pick the nearest basic colour.
    var approximateRGB: (Int, Int, Int) {
        switch self {
        case .black: return (0, 0, 0)
        case .red: return (205, 0, 0)
        case .green: return (0, 205, 0)
        case .yellow: return (205, 205, 0)
        case .blue: return (0, 0, 238)
        case .magenta: return (205, 0, 205)
        case .cyan: return (0, 205, 205)
        case .white: return (229, 229, 229)
        }
    }
}

extension Color {
    /// The six levels of each channel in the xterm 6×6×6 colour cube.
    private static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// Nearest entry among palette indices 16…255 (the cube and the grey ramp);
    /// 0…15 are skipped because users re-theme them freely.
    static func nearestIndex(toRed red: UInt8, green: UInt8, blue: UInt8) -> UInt8 {
        let target = (Int(red), Int(green), Int(blue))
        func nearestLevel(_ value: Int) -> Int {
            var best = 0
            for (i, level) in cubeLevels.enumerated() where abs(level - value) < abs(cubeLevels[best] - value)
            {
                best = i
            }
            return best
        }
        let (ri, gi, bi) = (nearestLevel(target.0), nearestLevel(target.1), nearestLevel(target.2))
        let cubeIndex = 16 + 36 * ri + 6 * gi + bi
        let cubeColor = (cubeLevels[ri], cubeLevels[gi], cubeLevels[bi])
        let average = (target.0 + target.1 + target.2) / 3
        let greyStep = max(0, min(23, (average - 8 + 5) / 10))
        let greyLevel = 8 + 10 * greyStep
        let greyColor = (greyLevel, greyLevel, greyLevel)
        if distance(greyColor, target) < distance(cubeColor, target) {
            return UInt8(232 + greyStep)
        }
        return UInt8(cubeIndex)
    }

    /// The RGB value xterm gives a palette index (basic entries approximated).
    static func rgbComponents(ofIndex index: UInt8) -> (UInt8, UInt8, UInt8) {
        let value = Int(index)
        switch value {
        case 0..<8:
            let rgb = BasicColor.allCases[value].approximateRGB
            return (UInt8(rgb.0), UInt8(rgb.1), UInt8(rgb.2))
        case 8..<16:
            let rgb = BasicColor.allCases[value - 8].approximateRGB
            return (UInt8(min(255, rgb.0 + 50)), UInt8(min(255, rgb.1 + 50)), UInt8(min(255, rgb.2 + 50)))
        case 16..<232:
            let cube = value - 16
            return (
                UInt8(cubeLevels[cube / 36]), UInt8(cubeLevels[cube / 6 % 6]), UInt8(cubeLevels[cube % 6])
            )
        default:
            let level = UInt8(8 + 10 * (value - 232))
            return (level, level, level)
        }
    }

    /// Nearest basic colour; dark greys go to black and light greys to white.
    static func nearestBasic(to rgb: (UInt8, UInt8, UInt8)) -> BasicColor {
        let target = (Int(rgb.0), Int(rgb.1), Int(rgb.2))
        var best = BasicColor.black
        var bestDistance = Int.max
        for candidate in BasicColor.allCases {
            let d = distance(candidate.approximateRGB, target)
            if d < bestDistance {
                best = candidate
                bestDistance = d
            }
        }
        return best
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        // Weighted for the eye's sensitivity, cheap and good enough to pick a palette entry.
        let dr = a.0 - b.0
        let dg = a.1 - b.1
        let db = a.2 - b.2
        return 3 * dr * dr + 4 * dg * dg + 2 * db * db
    }
}
