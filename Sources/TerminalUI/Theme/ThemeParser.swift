import YAMLSource
import Yams

extension Theme {
    /// Parses a theme file. `name` is how errors name the file (a path or
    /// `default.yaml`). Roles left out inherit from `Theme.fallback`; unknown
    /// roles, keys, colours and attributes are errors, so typos do not pass silently.
    ///
    /// ```yaml
    /// name: light
    /// roles:
    ///   text: { fg: "#2e3440", fg256: 236, fg8: black }
    ///   selection: { fg: "#ffffff", bg: "#5e81ac", mono: [reverse] }
    /// ```
    public static func parse(yaml: String, name: String) throws(ThemeError) -> Theme {
        let parser = ThemeFileParser(file: name)
        return try parser.parse(yaml)
    }
}

private struct ThemeFileParser {
    let file: String

    func parse(_ yaml: String) throws(ThemeError) -> Theme {
        let kind = YAMLFileKind(
            tooLarge: "file is over \(YAMLLoader.maxSizeText); a theme file may be at most that large",
            empty: "the theme file is empty")
        let root: Node
        switch YAMLLoader.load(yaml, file: file, kind: kind) {
        case .success(let node): root = node
        case .failure(let loadError): throw located(loadError)
        }
        guard let mapping = root.mapping else {
            throw error(at: root.mark, "a theme is a mapping with `name` and `roles`")
        }
        var name = (file.split(separator: "/").last.map(String.init) ?? file)
        if name.hasSuffix(".yaml") { name = String(name.dropLast(5)) }
        var description = ""
        var roles: [ThemeRole: RoleAppearance] = [:]
        var applicationRoles: [ThemeRole] = []
        for (keyNode, valueNode) in mapping {
            switch keyNode.string ?? "" {
            case "name":
                name = try scalar(valueNode, what: "the theme name")
            case "description":
                description = try scalar(valueNode, what: "the description")
            case "roles":
                roles = try parseRoles(valueNode)
                applicationRoles = (valueNode.mapping.map(Array.init) ?? [])
                    .compactMap { ThemeRole(rawValue: $0.key.string ?? "") }.filter { !$0.isGeneric }
            case let other:
                throw error(at: keyNode.mark, "unknown key \"\(other)\" (expected name, description, roles)")
            }
        }
        return Theme(name: name, description: description, roles: roles, applicationRoles: applicationRoles)
    }

    private func parseRoles(_ node: Node) throws(ThemeError) -> [ThemeRole: RoleAppearance] {
        guard let mapping = node.mapping else {
            throw error(at: node.mark, "`roles` must map role names to appearances")
        }
        var roles: [ThemeRole: RoleAppearance] = [:]
        for (keyNode, valueNode) in mapping {
            let key = keyNode.string ?? ""
            guard let role = ThemeRole(rawValue: key) else {
                let known = ThemeRole.generic.map(\.rawValue).joined(separator: ", ")
                throw error(
                    at: keyNode.mark,
                    "unknown role \"\(key)\" (known roles: \(known); an application's own are prefix.name)")
            }
            roles[role] = try parseAppearance(valueNode)
        }
        return roles
    }

    private func parseAppearance(_ node: Node) throws(ThemeError) -> RoleAppearance {
        guard let mapping = node.mapping else {
            throw error(at: node.mark, "a role is a mapping such as { fg: \"#ffffff\", attrs: [bold] }")
        }
        var appearance = RoleAppearance()
        var foreground: (Color?, Color?, Color?) = (nil, nil, nil)
        var background: (Color?, Color?, Color?) = (nil, nil, nil)
        for (keyNode, valueNode) in mapping {
            switch keyNode.string ?? "" {
            case "fg": foreground.0 = try color(valueNode)
            case "fg256": foreground.1 = try color(valueNode)
            case "fg8": foreground.2 = try color(valueNode)
            case "bg": background.0 = try color(valueNode)
            case "bg256": background.1 = try color(valueNode)
            case "bg8": background.2 = try color(valueNode)
            case "attrs": appearance.attributes = try attributes(valueNode)
            case "mono": appearance.monochromeAttributes = try attributes(valueNode)
            case let other:
                throw error(
                    at: keyNode.mark,
                    "unknown key \"\(other)\" (expected fg, fg256, fg8, bg, bg256, bg8, attrs, mono)")
            }
        }
        appearance.foreground = try themeColor(foreground, at: node.mark)
        appearance.background = try themeColor(background, at: node.mark)
        return appearance
    }

    private func themeColor(_ parts: (Color?, Color?, Color?), at mark: Mark?) throws(ThemeError)
        -> ThemeColor?
    {
        if let truecolor = parts.0 {
            return ThemeColor(truecolor, palette256: parts.1, basic8: parts.2)
        }
        if parts.1 != nil || parts.2 != nil {
            throw error(at: mark, "fg256/fg8 and bg256/bg8 refine fg/bg, which must be given too")
        }
        return nil
    }

    private func color(_ node: Node) throws(ThemeError) -> Color {
        let text = try scalar(node, what: "a colour")
        guard let color = Color(parsing: text) else {
            throw error(
                at: node.mark,
                "unknown colour \"\(text)\" (use #rrggbb, 0-255, default or one of "
                    + BasicColor.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        return color
    }

    private func attributes(_ node: Node) throws(ThemeError) -> TextAttributes {
        let items: [Node]
        if let sequence = node.sequence {
            items = Array(sequence)
        } else {
            items = [node]
        }
        var result: TextAttributes = []
        for item in items {
            let name = try scalar(item, what: "an attribute")
            guard let attribute = TextAttributes.named.first(where: { $0.name == name })?.attribute else {
                let known = TextAttributes.named.map(\.name).joined(separator: ", ")
                throw error(at: item.mark, "unknown attribute \"\(name)\" (known: \(known))")
            }
            result.insert(attribute)
        }
        return result
    }

    private func scalar(_ node: Node, what: String) throws(ThemeError) -> String {
        guard let text = node.scalar?.string else {
            throw error(at: node.mark, "expected \(what) here")
        }
        return text
    }

    private func error(at mark: Mark?, _ message: String) -> ThemeError {
        ThemeError(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message)
    }

    /// A theme's YAML errors keep their own words: `invalid YAML: <the parser's problem>`.
    private func located(_ loadError: YAMLLoadError) -> ThemeError {
        let message: String
        switch loadError.reason {
        case .syntax(let problem, _): message = "invalid YAML: \(problem)"
        default: message = loadError.message
        }
        let location = loadError.location
        return ThemeError(file: location.file, line: location.line, column: location.column, message: message)
    }
}
