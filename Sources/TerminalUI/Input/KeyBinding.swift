/// One declared key binding: which keys do what, and how to explain it. A screen
/// keeps its bindings in one `KeyMap`, which drives dispatch, the status-bar
/// hints, the help overlay, the command palette and the key reference document.
public struct KeyBinding<Action: Hashable & Sendable>: Sendable {
    public var keys: [Key]
    public var action: Action
    /// A couple of words for the status bar and palette ("quit", "next field").
    public var help: String
    /// A sentence for the help overlay and docs.
    public var longHelp: String
    /// Heading the binding is listed under ("Navigation", "Editing").
    public var group: String
    /// Whether the status bar shows it (only the few most useful should).
    public var showsInStatusBar: Bool
    /// Whether the command palette offers it.
    public var showsInPalette: Bool

    public init(
        _ keys: [Key], _ action: Action, help: String, longHelp: String? = nil, group: String = "General",
        statusBar: Bool = false, palette: Bool = true
    ) {
        self.keys = keys
        self.action = action
        self.help = help
        self.longHelp = longHelp ?? help
        self.group = group
        self.showsInStatusBar = statusBar
        self.showsInPalette = palette
    }

    /// Declares keys by their text form (`"ctrl+p"`, `"k"`, `"up"`). A key that
    /// does not parse is a programming error caught by `KeyMap.problems`.
    public init(
        keys: [String], action: Action, help: String, longHelp: String? = nil, group: String = "General",
        statusBar: Bool = false, palette: Bool = true
    ) {
        self.init(
            keys.map { Key(parsing: $0) ?? Key(.character("\u{FFFD}")) }, action, help: help,
            longHelp: longHelp, group: group, statusBar: statusBar, palette: palette)
    }

    /// The keys as shown to people: `k/up`.
    public var keyLabel: String {
        keys.map(\.description).joined(separator: "/")
    }
}

/// A hint in the status bar: `q quit`.
public struct KeyHint: Hashable, Sendable {
    public var keys: String
    public var help: String

    public init(keys: String, help: String) {
        self.keys = keys
        self.help = help
    }
}

/// A group of bindings for the help overlay.
public struct HelpSection: Hashable, Sendable {
    public var title: String
    public var entries: [KeyHint]
}

/// The single table of a screen's key bindings.
public struct KeyMap<Action: Hashable & Sendable>: Sendable {
    public var bindings: [KeyBinding<Action>]

    public init(_ bindings: [KeyBinding<Action>]) {
        self.bindings = bindings
    }

    /// This table followed by `other` (e.g. a screen's keys, then the keys every
    /// screen shares); on a key both bind, this table wins, and `problems` says so.
    public func followed(by other: KeyMap<Action>) -> KeyMap<Action> {
        KeyMap(bindings + other.bindings)
    }

    /// The action a key triggers here, if any (the first binding that lists it).
    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    public func binding(for action: Action) -> KeyBinding<Action>? {
        bindings.first { $0.action == action }
    }

    /// Hints for the status bar, in declaration order.
    public var statusHints: [KeyHint] {
        bindings.filter(\.showsInStatusBar).map { KeyHint(keys: $0.keyLabel, help: $0.help) }
    }

    /// Sections for the help overlay: groups in order of first appearance.
    public var helpSections: [HelpSection] {
        var order: [String] = []
        var entries: [String: [KeyHint]] = [:]
        for binding in bindings {
            if entries[binding.group] == nil {
                order.append(binding.group)
                entries[binding.group] = []
            }
            entries[binding.group]?.append(KeyHint(keys: binding.keyLabel, help: binding.longHelp))
        }
        return order.map { HelpSection(title: $0, entries: entries[$0] ?? []) }
    }

    /// Commands for the palette: what it lists and what choosing one does.
    public var paletteCommands: [PaletteCommand<Action>] {
        bindings.filter(\.showsInPalette).map {
            PaletteCommand(title: $0.help, detail: $0.longHelp, keys: $0.keyLabel, action: $0.action)
        }
    }

    /// Mistakes in the table: keys bound twice, keys that did not parse.
    public var problems: [String] {
        var seen: [Key: String] = [:]
        var problems: [String] = []
        for binding in bindings {
            for key in binding.keys {
                if case .character("\u{FFFD}") = key.code {
                    problems.append("binding \"\(binding.help)\" has a key that does not parse")
                } else if let other = seen[key] {
                    problems.append("\(key) is bound to both \"\(other)\" and \"\(binding.help)\"")
                } else {
                    seen[key] = binding.help
                }
            }
        }
        return problems
    }

    /// A Markdown section for `docs/keys.md`: one table per group.
    public func markdown(title: String) -> String {
        var lines = ["## \(title)", ""]
        for section in helpSections {
            lines += ["### \(section.title)", "", "| keys | action |", "|---|---|"]
            for binding in bindings where binding.group == section.title {
                let keys = binding.keys.map { "`\($0)`" }.joined(separator: " ")
                lines.append("| \(keys) | \(binding.longHelp) |")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}

/// One entry of the command palette.
public struct PaletteCommand<Action: Hashable & Sendable>: Hashable, Sendable {
    public var title: String
    public var detail: String
    public var keys: String
    public var action: Action

    public init(title: String, detail: String = "", keys: String = "", action: Action) {
        self.title = title
        self.detail = detail
        self.keys = keys
        self.action = action
    }
}
