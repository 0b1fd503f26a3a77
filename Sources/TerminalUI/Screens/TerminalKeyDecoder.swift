import CNCurses

/// Turns what ncurses' get_wch reports into `Key`s. Kept apart from the
/// screen so the mapping is tested without a terminal.
enum TerminalKeyDecoder {
    /// A character read as text (get_wch returned OK).
    static func decode(character value: UInt32) -> Key? {
        switch value {
        case 0x0A, 0x0D: return .enter
        case 0x09: return .tab
        case 0x1B: return .escape
        case 0x7F, 0x08: return .backspace
        case 0x00: return Key(.character(" "), modifiers: .ctrl)
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(value + 0x60) ?? "?"))
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// Text after an Esc that arrived in the same read: Alt held with the key.
    /// Only printable characters count: Esc then Tab or Enter typed quickly
    /// are two keys far more often than Alt+Tab.
    static func decodeAlt(character value: UInt32) -> Key? {
        guard value >= 0x20, value != 0x7F, var key = decode(character: value) else { return nil }
        key.modifiers.insert(.alt)
        return key
    }

    /// A function key code (get_wch returned KEY_CODE_YES). `name` is ncurses'
    /// keyname for codes without a fixed constant (ctrl/alt/shift + arrows).
    static func decode(keyCode code: Int32, name: String?) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_IC: return Key(.insert)
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_SLEFT: return Key(.left, modifiers: .shift)
        case KEY_SRIGHT: return Key(.right, modifiers: .shift)
        case KEY_SR: return Key(.up, modifiers: .shift)
        case KEY_SF: return Key(.down, modifiers: .shift)
        case KEY_SHOME: return Key(.home, modifiers: .shift)
        case KEY_SEND: return Key(.end, modifiers: .shift)
        default: break
        }
        let f0 = cairn_key_f(0)
        if code > f0 && code <= f0 + 24 {
            return Key(.function(Int(code - f0)))
        }
        return name.flatMap(decodeExtendedName)
    }

    /// A mouse report, as the events it stands for. A press and its release that arrive together
    /// may come as one report with both bits set, or as a click: both are a press then a release.
    static func decodeMouse(buttonState state: UInt64) -> [MouseEvent.Kind] {
        if state & MouseMask.wheelUp != 0 { return [.wheelUp] }
        if state & MouseMask.wheelDown != 0 { return [.wheelDown] }
        var events: [MouseEvent.Kind] = []
        for (button, pressed, released, clicked) in [
            (1, MouseMask.leftPressed, MouseMask.leftReleased, MouseMask.leftClicked),
            (3, MouseMask.rightPressed, MouseMask.rightReleased, MouseMask.rightClicked),
        ] {
            if state & (pressed | clicked) != 0 { events.append(.press(button: button)) }
            if state & (released | clicked) != 0 { events.append(.release(button: button)) }
        }
        return events
    }

    /// ncurses' mouse bits (their values differ between mouse protocol versions).
    enum MouseMask {
        static let leftPressed = UInt64(cairn_button1_pressed())
        static let leftReleased = UInt64(cairn_button1_released())
        static let leftClicked = UInt64(cairn_button1_clicked())
        static let rightPressed = UInt64(cairn_button3_pressed())
        static let rightReleased = UInt64(cairn_button3_released())
        static let rightClicked = UInt64(cairn_button3_clicked())
        static let wheelUp = UInt64(cairn_button4_pressed())
        static let wheelDown = UInt64(cairn_button5_pressed())
    }

    /// Function keys as other terminals send them, for ncurses to know whatever `TERM` says:
    /// tmux sends xterm's F1–F4 (`ESC O P`…) even to a pane whose `TERM` is `linux`, whose own
    /// are `ESC [ [ A`…; rxvt and the VT220 send `ESC [ 11 ~`….
    static let functionKeySequences: [(sequence: String, number: Int)] =
        ["P", "Q", "R", "S"].enumerated().map { ("\u{1B}O\($1)", $0 + 1) }
        + ["A", "B", "C", "D", "E"].enumerated().map { ("\u{1B}[[\($1)", $0 + 1) }
        + [11, 12, 13, 14, 15].enumerated().map { ("\u{1B}[\($1)~", $0 + 1) }

    /// xterm's modified keys as ncurses names them: `kUP5` is ctrl+up; the
    /// digit is 1 + (shift 1, alt 2, ctrl 4).
    static func decodeExtendedName(_ name: String) -> Key? {
        let bases: [(String, KeyCode)] = [
            ("kUP", .up), ("kDN", .down), ("kLFT", .left), ("kRIT", .right),
            ("kHOM", .home), ("kEND", .end), ("kPRV", .pageUp), ("kNXT", .pageDown), ("kDC", .delete),
        ]
        for (prefix, code) in bases where name.hasPrefix(prefix) {
            guard let digit = Int(name.dropFirst(prefix.count)), (2...8).contains(digit) else { return nil }
            let bits = digit - 1
            var modifiers: KeyModifiers = []
            if bits & 1 != 0 { modifiers.insert(.shift) }
            if bits & 2 != 0 { modifiers.insert(.alt) }
            if bits & 4 != 0 { modifiers.insert(.ctrl) }
            return Key(code, modifiers: modifiers)
        }
        return nil
    }
}
