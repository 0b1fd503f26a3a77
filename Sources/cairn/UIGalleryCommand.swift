import ArgumentParser
import CairnResources
import Foundation
import TerminalUI

/// `cairn ui-gallery`: every widget and theme of the terminal toolkit, for
/// eyeballing over SSH and for the end-to-end terminal tests. Hidden from help.
struct UIGalleryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ui-gallery",
        abstract: "Show every widget and theme of the terminal toolkit.",
        shouldDisplay: false
    )

    @Option(help: "Theme name (default, light, high-contrast, solarized-dark) or path to a theme YAML file.")
    var theme: String?

    @Option(help: "Folder of theme YAML files (default: the themes built into cairn).")
    var themesDirectory: String?

    @Flag(help: "Leave the mouse to the terminal (no click or wheel handling).")
    var noMouse = false

    /// For the end-to-end tests: quitting throws from inside the screen, to
    /// check that a thrown error restores the terminal too.
    @Flag(help: .hidden)
    var throwOnQuit = false

    struct DeliberateFailure: Error, CustomStringConvertible {
        var description: String { "quit with a deliberate error (--throw-on-quit)" }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let sources = themeSources()
        let requested = theme ?? environment["CAIRN_THEME"].flatMap { $0.isEmpty ? nil : $0 }
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

        var program = WidgetGallery.program(themes: themes, themeName: selected, notice: problems.first)
        let mouse = !noMouse && (environment["CAIRN_NO_MOUSE"] ?? "").isEmpty
        do {
            _ = try NcursesScreen.run(options: NcursesScreen.Options(mouse: mouse)) { screen in
                let outcome = program.run(on: screen)
                if throwOnQuit { throw DeliberateFailure() }
                return outcome
            }
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
