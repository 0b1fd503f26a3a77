import Foundation
import Testing

@testable import TerminalUI

private let themesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes")

private func shippedTheme(_ name: String) throws -> String {
    try String(contentsOf: themesDirectory.appendingPathComponent(name + ".yaml"), encoding: .utf8)
}

@Suite struct ThemeTests {
    static let shipped = ["default", "light", "high-contrast", "solarized-dark"]

    @Test(arguments: shipped)
    func shippedThemesParseAndDefineEveryRole(name: String) throws {
        let theme = try Theme.parse(yaml: try shippedTheme(name), name: name + ".yaml")
        #expect(theme.name == name)
        let missing = ThemeRole.generic.filter { theme.roles[$0] == nil }
        #expect(missing.isEmpty, "\(name) leaves out \(missing)")
    }

    @Test func defaultFileMatchesTheBuiltInFallback() throws {
        let theme = try Theme.parse(yaml: try shippedTheme("default"), name: "default.yaml")
        #expect(theme.roles.filter(\.key.isGeneric) == Theme.fallback.roles)
        #expect(theme.name == Theme.fallback.name && theme.description == Theme.fallback.description)
    }

    @Test func applicationRolesAreDottedKeptInOrderAndFallBackToTheirOwnLook() throws {
        let theme = try Theme.parse(
            yaml: "roles:\n  app.zeta: { fg: \"#ff0000\" }\n  app.alpha: { fg: \"#00ff00\" }\n",
            name: "t.yaml")
        #expect(theme.applicationRoles.map(\.rawValue) == ["app.zeta", "app.alpha"])
        #expect(theme.resolved(for: .truecolor)[ThemeRole("app.zeta")].foreground == .rgb(0xFF, 0, 0))
        let own = ThemeRole("app.other", fallback: RoleAppearance(attributes: .bold))
        #expect(theme.resolved(for: .truecolor)[own] == Style(attributes: .bold))
        #expect(Theme.fallback.resolved(for: .truecolor)[ThemeRole("app.none")] == .plain)
        for bad in ["nodeentry", ".entry", "node."] {
            #expect(throws: ThemeError.self) {
                try Theme.parse(yaml: "roles:\n  \(bad): { fg: \"#ff0000\" }\n", name: "t.yaml")
            }
        }
    }

    @Test func resolvesEachDepth() {
        let theme = Theme.fallback
        #expect(theme.resolved(for: .truecolor)[.accent].foreground == .rgb(0x88, 0xC0, 0xD0))
        #expect(theme.resolved(for: .palette256)[.accent].foreground == .indexed(110))
        #expect(theme.resolved(for: .basic8)[.accent].foreground == .basic(.cyan))
        let mono = theme.resolved(for: .monochrome)
        #expect(mono[.accent] == Style(attributes: .bold))
        #expect(mono[.selection] == Style(attributes: .reverse))
        #expect(mono[.error] == Style(attributes: [.bold, .underline]))
    }

    @Test func stepsDownColoursThatHaveNoHandPickedStandIn() throws {
        let theme = try Theme.parse(yaml: "roles:\n  accent: { fg: \"#ff0000\" }\n", name: "t.yaml")
        #expect(theme.resolved(for: .palette256)[.accent].foreground == .indexed(196))
        #expect(theme.resolved(for: .basic8)[.accent].foreground == .basic(.red))
        // Roles the file leaves out come from the fallback.
        #expect(theme.resolved(for: .truecolor)[.muted] == Theme.fallback.resolved(for: .truecolor)[.muted])
    }

    @Test func noColorForcesMonochrome() {
        #expect(
            ColorDepth.detect(environment: ["NO_COLOR": "1", "COLORTERM": "truecolor"], terminalColors: 256)
                == .monochrome)
        #expect(ColorDepth.detect(environment: ["NO_COLOR": ""], terminalColors: 256) == .palette256)
        #expect(ColorDepth.detect(environment: [:], terminalColors: 8) == .basic8)
        #expect(ColorDepth.detect(environment: [:], terminalColors: 0) == .monochrome)
        #expect(
            ColorDepth.detect(environment: ["COLORTERM": "truecolor"], terminalColors: 16_777_216)
                == .truecolor)
        #expect(ColorDepth.detect(environment: [:], terminalColors: 16_777_216) == .palette256)
    }

    @Test func aBadColourIsReportedWithItsLocation() {
        let yaml = "name: broken\nroles:\n  text: { fg: \"#zzzzzz\" }\n"
        #expect {
            try Theme.parse(yaml: yaml, name: "themes/broken.yaml")
        } throws: { error in
            (error as? ThemeError)?.description.hasPrefix("themes/broken.yaml:3:15: error: unknown colour")
                == true
        }
    }

    @Test func unknownRolesKeysAndAttributesAreErrors() {
        let cases: [(String, String)] = [
            ("roles:\n  txet: { fg: red }\n", "broken.yaml:2:3: error: unknown role \"txet\""),
            ("roles:\n  text: { colour: red }\n", "broken.yaml:2:11: error: unknown key \"colour\""),
            ("roles:\n  text: { attrs: [blod] }\n", "broken.yaml:2:19: error: unknown attribute \"blod\""),
            ("roles:\n  text: { fg8: red }\n", "broken.yaml:2:9: error: fg256/fg8"),
            ("roles: [\n", "broken.yaml:2:1: error: invalid YAML"),
        ]
        for (yaml, expectedPrefix) in cases {
            do {
                _ = try Theme.parse(yaml: yaml, name: "broken.yaml")
                Issue.record("expected an error for \(yaml)")
            } catch {
                #expect(error.description.hasPrefix(expectedPrefix), "got \(error.description)")
            }
        }
    }

    @Test func loaderFallsBackToTheDefaultWithTheProblem() {
        let loader = ThemeLoader(sources: ["light": "roles:\n  text: { fg: nope }\n"])
        let bad = loader.load(named: "light")
        #expect(bad.theme == Theme.fallback)
        #expect(bad.problem?.hasPrefix("light.yaml:2:15: error: unknown colour \"nope\"") == true)
        let unknown = loader.load(named: "neon")
        #expect(unknown.theme == Theme.fallback)
        #expect(unknown.problem?.contains("unknown theme \"neon\"") == true)
        #expect(loader.load(named: nil).problem == nil)
    }

    @Test func nearestPaletteEntries() {
        #expect(Color.nearestIndex(toRed: 0, green: 0, blue: 0) == 16)
        #expect(Color.nearestIndex(toRed: 255, green: 255, blue: 255) == 231)
        #expect(Color.nearestIndex(toRed: 128, green: 128, blue: 128) == 244)
        #expect(Color.rgb(0x20, 0x20, 0x20).downsampled(to: .basic8) == .basic(.black))
        #expect(Color.indexed(196).downsampled(to: .basic8) == .basic(.red))
        #expect(Color.rgb(1, 2, 3).downsampled(to: .monochrome) == nil)
    }
}
