import CairnResources
import Testing

@testable import Studio
@testable import TerminalUI

@Suite struct NodeKindRoleTests {
    @Test(arguments: CairnResources.paths(under: "themes", suffix: ".yaml"))
    func everyShippedThemeColoursEveryNodeKind(path: String) throws {
        let theme = try Theme.parse(yaml: try #require(CairnResources.files[path]), name: path)
        #expect(theme.applicationRoles == ThemeRole.nodeKinds)
    }

    @Test func theFallbacksAreTheDefaultThemesNodeKinds() throws {
        let text = try #require(CairnResources.files["themes/default.yaml"])
        let theme = try Theme.parse(yaml: text, name: "default.yaml")
        for role in ThemeRole.nodeKinds {
            #expect(theme.roles[role] == role.fallback, "\(role)")
        }
        // A theme without them (the built-in fallback) draws the canvas as default.yaml does.
        for depth in ColorDepth.allCases {
            for role in ThemeRole.nodeKinds {
                #expect(Theme.fallback.resolved(for: depth)[role] == theme.resolved(for: depth)[role])
            }
        }
    }
}
