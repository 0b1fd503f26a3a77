import CairnResources
import Foundation
import Workspace

/// The throw-away workspace of `cairn demo`: the pre-built journeys, cohorts and agents, plus
/// a synthetic cohort to replay, in a temporary folder removed when the demo ends.
public final class DemoWorkspace: Sendable {
    static let profilePath = "sample-journeys/cohorts/b2b-saas.profile.yaml"

    public let folder: URL
    public let workspace: Workspace

    /// Creates the folder and the workspace, and synthesises `leads` leads (seed 1) as the
    /// cohort `DemoScreen.cohort`.
    public init(leads: Int) throws(WorkspaceError) {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cairn-demo-\(getpid())-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotOpen(path: folder.path, reason: error.localizedDescription)
        }
        do {
            workspace = try Workspace.open(at: folder.appendingPathComponent("demo.db").path, seed: .bundled)
            let yaml = CairnResources.files[Self.profilePath] ?? ""
            let profile = try ProfileReader.read(yaml, file: Self.profilePath).get()
            try workspace.synthesizeCohort(
                name: DemoScreen.cohort, profile: profile, profileYAML: yaml, size: leads, seed: 1)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
    }

    /// Removes the folder and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
