import Foundation
import Testing

@testable import Studio

/// `docs/keys.md` is generated from the screens' key tables; these tests keep it in step and
/// the tables sound.
@Suite struct KeysDocumentTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/keys.md").path

    @Test func docsKeysMatchesTheKeyTables() throws {
        let expected = KeysDocument.markdown
        if ProcessInfo.processInfo.environment["CAIRN_WRITE_KEYS"] == "1" {
            try expected.write(toFile: Self.path, atomically: true, encoding: .utf8)
        }
        let actual = try String(contentsOfFile: Self.path, encoding: .utf8)
        #expect(
            actual == expected,
            "docs/keys.md is out of step; run CAIRN_WRITE_KEYS=1 swift test --filter KeysDocumentTests")
    }

    @Test(arguments: KeysDocument.tables.map(\.title))
    func everyTableIsWellFormedAndLeavesTheSharedKeysAlone(title: String) throws {
        let table = try #require(KeysDocument.tables.first { $0.title == title })
        #expect(table.problems.isEmpty)
        if title != "Every screen", !table.takesEveryKey {
            let shared = Set(SharedKeys.map.bindings.flatMap(\.keys))
            #expect(Set(table.keys).isDisjoint(with: shared), "\(title) rebinds a shared key")
        }
    }
}
