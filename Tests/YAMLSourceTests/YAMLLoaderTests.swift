import Testing
import YAMLSource
import Yams

/// The one YAML entry point: each file kind's words for its refusals, and every other error
/// located and worded the same whoever reads (journeys, rosters, profiles, themes).
@Suite struct YAMLLoaderTests {
    let kind = YAMLFileKind(tooLarge: "too large for a roster", empty: "expected a roster")

    func error(_ text: String) -> String? {
        guard case .failure(let error) = YAMLLoader.load(text, file: "f.yaml", kind: kind) else { return nil }
        return error.description
    }

    @Test func theCallerWordsSizeAndEmptiness() {
        #expect(error("") == "f.yaml:1:1: error: expected a roster")
        #expect(error("# only a comment\n---\n") == "f.yaml:1:1: error: expected a roster")
        let big = String(repeating: "# padding\n", count: YAMLLoader.maxBytes / 10 + 1)
        #expect(error(big) == "f.yaml:1:1: error: too large for a roster")
    }

    @Test func syntaxErrorsAreLocatedWithTheParsersReason() throws {
        let result = YAMLLoader.load("a: [1, 2\nb: 3\n", file: "f.yaml", kind: kind)
        guard case .failure(let error) = result else {
            Issue.record("expected a syntax error")
            return
        }
        guard case .syntax(let problem, _) = error.reason else {
            Issue.record("expected a syntax reason, got \(error.reason)")
            return
        }
        #expect(error.message.hasPrefix("YAML syntax: \(problem)"))
        #expect(error.location.file == "f.yaml" && error.location.line == 2)
    }

    @Test func duplicateKeysAndHostileBytesAreRefusedWithOneLocatedError() {
        #expect(error("a: 1\na: 2\n") == "f.yaml:1:1: error: duplicate key 'a' in a mapping")
        let nul = YAMLLoader.load(Array("a: 1\nb: x".utf8) + [0], file: "f.yaml", kind: kind)
        if case .failure(let error) = nul {
            #expect(
                error.description == "f.yaml:2:5: error: file looks binary (NUL byte); expected YAML text")
        } else {
            Issue.record("a NUL byte was accepted")
        }
        let deep = "a: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(error(deep) == "f.yaml:1:68: error: nesting is too deep (more than 64 levels of [ or {)")
    }

    @Test func nodesAreLocatedOneBased() throws {
        guard case .success(let root) = YAMLLoader.load("a:\n  b: 1\n", file: "f.yaml", kind: kind) else {
            Issue.record("expected a document")
            return
        }
        let inner = try #require(root["a"]?["b"])
        #expect(YAMLLoader.location(of: inner, file: "f.yaml").description == "f.yaml:2:6")
        #expect(YAMLLoader.location(of: nil, file: "f.yaml").description == "f.yaml:1:1")
    }
}
