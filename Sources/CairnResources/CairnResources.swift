import Foundation

/// The sample journeys, cohorts, rosters, profiles and themes, as they were in the
/// repository's `sample-journeys/` and `themes/` folders when the binary was built, and the
/// HTTP API's description `docs/openapi.yaml`.
public enum CairnResources {
    /// Relative path (`sample-journeys/welcome-series.journey.yaml`) → file text.
    public static let files: [String: String] = {
        var files: [String: String] = [:]
        for (path, base64) in encodedFiles {
            if let data = Data(base64Encoded: base64) { files[path] = String(decoding: data, as: UTF8.self) }
        }
        return files
    }()

    /// The files under a folder, sorted by path: `paths(under: "sample-journeys", suffix: ".journey.yaml")`.
    public static func paths(under folder: String, suffix: String = "") -> [String] {
        files.keys.filter { $0.hasPrefix(folder + "/") && $0.hasSuffix(suffix) }.sorted()
    }
}
