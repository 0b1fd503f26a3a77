/// Modifier keys held with a key.
public struct KeyModifiers: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let ctrl = KeyModifiers(rawValue: 1)
    public static let alt = KeyModifiers(rawValue: 2)
    public static let shift = KeyModifiers(rawValue: 4)
}

/// Which key, independent of modifiers.
public enum KeyCode: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case insert, delete
    case enter, tab, backTab, backspace, escape
    case function(Int)
}

/// One key press. Written and read as text in binding tables and docs:
/// `q`, `?`, `ctrl+p`, `alt+x`, `shift+tab`, `up`, `pgdn`, `f1`, `enter`, `space`.
public struct Key: Hashable, Sendable, CustomStringConvertible {
    public var code: KeyCode
    public var modifiers: KeyModifiers

    public init(_ code: KeyCode, modifiers: KeyModifiers = []) {
        self.code = code
        self.modifiers = modifiers
    }

    public static func character(_ character: Character) -> Key {
        Key(.character(character))
    }

    public static func ctrl(_ character: Character) -> Key {
        Key(.character(Character(character.lowercased())), modifiers: .ctrl)
    }

    public static func alt(_ character: Character) -> Key {
        Key(.character(character), modifiers: .alt)
    }

    public static let up = Key(.up)
    public static let down = Key(.down)
    public static let left = Key(.left)
    public static let right = Key(.right)
    public static let enter = Key(.enter)
    public static let escape = Key(.escape)
    public static let tab = Key(.tab)
    public static let backTab = Key(.backTab)
    public static let backspace = Key(.backspace)
    public static let delete = Key(.delete)
    public static let home = Key(.home)
    public static let end = Key(.end)
    public static let pageUp = Key(.pageUp)
    public static let pageDown = Key(.pageDown)

    private static let namedCodes: [(String, KeyCode)] = [
        ("up", .up), ("down", .down), ("left", .left), ("right", .right),
        ("home", .home), ("end", .end), ("pgup", .pageUp), ("pgdn", .pageDown),
        ("insert", .insert), ("delete", .delete), ("enter", .enter), ("tab", .tab),
        ("backspace", .backspace), ("esc", .escape), ("space", .character(" ")),
    ]

    /// Parses the text form (see the type's documentation); `nil` if malformed.
    public init?(parsing text: String) {
        var parts = text.split(separator: "+", omittingEmptySubsequences: false).map(String.init)
        // "+" itself, or "ctrl++", ends with an empty part pair: keep a literal plus.
        if text.hasSuffix("++") || text == "+" {
            parts = Array(parts.dropLast(2)) + ["+"]
        }
        guard let last = parts.last, !last.isEmpty else { return nil }
        var modifiers: KeyModifiers = []
        for part in parts.dropLast() {
            switch part.lowercased() {
            case "ctrl": modifiers.insert(.ctrl)
            case "alt": modifiers.insert(.alt)
            case "shift": modifiers.insert(.shift)
            default: return nil
            }
        }
        let lowered = last.lowercased()
        if lowered == "tab" && modifiers.contains(.shift) {
            self.init(.backTab, modifiers: modifiers.subtracting(.shift))
        } else if let named = Key.namedCodes.first(where: { $0.0 == lowered }) {
            self.init(named.1, modifiers: modifiers)
        } else if lowered.hasPrefix("f"), lowered.count > 1, let number = Int(lowered.dropFirst()),
            (1...24).contains(number)
        {
            self.init(.function(number), modifiers: modifiers)
        } else if last.count == 1, let character = last.first {
            let normalized = modifiers.contains(.ctrl) ? Character(character.lowercased()) : character
            self.init(.character(normalized), modifiers: modifiers)
        } else {
            return nil
        }
    }

    /// The text form, which `init(parsing:)` reads back.
    public var description: String {
        var prefix = ""
        if modifiers.contains(.ctrl) { prefix += "ctrl+" }
        if modifiers.contains(.alt) { prefix += "alt+" }
        if modifiers.contains(.shift) { prefix += "shift+" }
        switch code {
        case .backTab: return prefix + "shift+tab"
        case .function(let number): return prefix + "f\(number)"
        case .character(let character):
            if character == " " { return prefix + "space" }
            return prefix + String(character)
        default:
            let name = Key.namedCodes.first(where: { $0.1 == code })?.0 ?? "?"
            return prefix + name
        }
    }

    /// The printable character this key types into a text field, if any.
    public var typedCharacter: Character? {
        guard modifiers.isDisjoint(with: [.ctrl, .alt]), case .character(let character) = code else {
            return nil
        }
        return character
    }
}
