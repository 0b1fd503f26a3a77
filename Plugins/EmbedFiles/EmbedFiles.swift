import Foundation
import PackagePlugin

/// Carries the top-level `sample-journeys/` and `themes/` folders and the API description
/// `docs/openapi.yaml` — the editable sources of truth — into the binary, so `cairn` works
/// from any directory once installed.
@main
struct EmbedFiles: BuildToolPlugin {
    static let folders = ["sample-journeys", "themes"]
    static let singleFiles = ["docs/openapi.yaml"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var relativePaths: [String] = []
        for folder in Self.folders {
            let base = root.appendingPathComponent(folder)
            guard
                let walker = FileManager.default.enumerator(
                    at: base, includingPropertiesForKeys: [.isRegularFileKey])
            else { continue }
            for case let url as URL in walker {
                let isFile = (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) ?? false
                guard isFile, !url.lastPathComponent.hasPrefix(".") else { continue }
                let relative = String(
                    url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
                relativePaths.append(relative)
            }
        }
        relativePaths += Self.singleFiles.filter {
            FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path)
        }
        relativePaths.sort()
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(relativePaths.count) sample, theme and document files",
                executable: try context.tool(named: "embed-files").url,
                arguments: [root.path, output.path] + relativePaths,
                inputFiles: relativePaths.map { root.appendingPathComponent($0) },
                outputFiles: [output]
            )
        ]
    }
}
