import Foundation
import Testing

@testable import CairnResources

/// The binary carries exactly what the repository's folders hold, byte for byte.
@Suite struct CairnResourcesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func filesOnDisk(_ folder: String) -> [String] {
        let base = root.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
            return []
        }
        var paths: [String] = []
        for case let url as URL in walker {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            guard !isDirectory.boolValue, !url.lastPathComponent.hasPrefix(".") else { continue }
            paths.append(folder + "/" + url.path.dropFirst(base.path.count + 1))
        }
        return paths.sorted()
    }

    @Test func embedsEverySampleAndTheme() throws {
        let onDisk = Self.filesOnDisk("sample-journeys") + Self.filesOnDisk("themes") + ["docs/openapi.yaml"]
        #expect(!onDisk.isEmpty)
        #expect(CairnResources.files.keys.sorted() == onDisk.sorted())
        for path in onDisk {
            let text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
            #expect(CairnResources.files[path] == text, "\(path) differs from the embedded copy")
        }
    }

    @Test func listsByFolderAndSuffix() {
        let journeys = CairnResources.paths(under: "sample-journeys", suffix: ".journey.yaml")
        #expect(journeys.contains("sample-journeys/welcome-series.journey.yaml"))
        #expect(journeys == journeys.sorted())
        #expect(journeys.allSatisfy { $0.hasSuffix(".journey.yaml") })
    }
}
