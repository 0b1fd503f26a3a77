import ArgumentParser
import CairnResources
import Foundation
import TerminalUI

/// The options of every command that draws a screen: theme, theme folder, mouse.
struct ScreenOptions: ParsableArguments {
    @Option(help: "Theme name (default, light, high-contrast, solarized-dark) or path to a theme YAML file.")
    var theme: String?

    @Option(help: "Folder of theme YAML files (default: the themes built into cairn).")
    var themesDirectory: String?

    @Flag(help: "Leave the mouse to the terminal (no click or wheel handling).")
    var noMouse = false

    /// Mouse handling, unless `--no-mouse` or `CAIRN_NO_MOUSE` says otherwise.
    var mouse: Bool {
        !noMouse && (ProcessInfo.processInfo.environment["CAIRN_NO_MOUSE"] ?? "").isEmpty
    }

    /// Every theme available (the default first) and the one asked for (`--theme`, else
    /// `CAIRN_THEME`). A bad or unknown theme is reported on standard error and in `problems`;
    /// the default is used instead.
    func themes() -> (themes: [Theme], selected: String?, problems: [String]) {
        let sources = themeSources()
        let requested =
            theme ?? ProcessInfo.processInfo.environment["CAIRN_THEME"].flatMap { $0.isEmpty ? nil : $0 }
        var themes: [Theme] = []
        var problems: [String] = []
        for name in sources.keys.sorted(by: Self.defaultFirst) {
            let loaded = ThemeLoader.load(yaml: sources[name] ?? "", fileName: "\(name).yaml")
            if let problem = loaded.problem {
                problems.append(problem)
            } else {
                themes.append(loaded.theme)
            }
        }
        var selected = requested
        if let path = requested, path.contains("/") || path.hasSuffix(".yaml") {
            // A path: load that file, reporting its located error if it is bad.
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                let loaded = ThemeLoader.load(yaml: text, fileName: path)
                if let problem = loaded.problem { problems.append(problem) }
                if loaded.problem == nil {
                    themes.insert(loaded.theme, at: 0)
                    selected = loaded.theme.name
                } else {
                    selected = nil
                }
            } else {
                problems.append("cannot read theme file \(path) (using the default theme)")
                selected = nil
            }
        } else if let name = requested, !themes.contains(where: { $0.name == name }) {
            problems.append("unknown theme \"\(name)\" (using the default theme)")
            selected = nil
        }
        if !themes.contains(where: { $0.name == "default" }) {
            themes.insert(.fallback, at: 0)
        }
        for problem in problems {
            FileHandle.standardError.write(Data("cairn: \(problem)\n".utf8))
        }
        return (themes, selected, problems)
    }

    /// The one theme a screen uses: the one asked for, else the default.
    func selectedTheme() -> (theme: Theme, problem: String?) {
        let (themes, selected, problems) = themes()
        let theme = themes.first { $0.name == selected } ?? themes.first { $0.name == "default" } ?? .fallback
        return (theme, problems.first)
    }

    /// Runs `body` on the terminal; a terminal that cannot be set up is a usage error.
    static func onTerminal<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as NcursesScreenError {
            throw ValidationError(error.description)
        }
    }

    private static func defaultFirst(_ a: String, _ b: String) -> Bool {
        if a == "default" { return b != "default" }
        if b == "default" { return false }
        return a < b
    }

    /// Theme texts by name: the files of --themes-directory when given (for editing a theme
    /// and seeing it at once), else the themes the binary carries (`themes/` at build time).
    private func themeSources() -> [String: String] {
        var sources: [String: String] = [:]
        if let themesDirectory {
            let folder = URL(fileURLWithPath: themesDirectory)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for file in files where file.hasSuffix(".yaml") {
                sources[String(file.dropLast(5))] = try? String(
                    contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            }
            return sources
        }
        for path in CairnResources.paths(under: "themes", suffix: ".yaml") {
            let name = String(path.dropFirst("themes/".count).dropLast(".yaml".count))
            sources[name] = CairnResources.files[path]
        }
        return sources
    }
}
