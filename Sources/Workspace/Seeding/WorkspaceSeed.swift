/// What a new workspace starts with: the sample journeys, the agent roster and a sample cohort.
/// The files come from the binary (the `CairnResources` target) or, in tests, from the
/// repository; keys are paths relative to the repository, such as
/// `sample-journeys/welcome-series.journey.yaml`.
public struct WorkspaceSeed: Sendable {
    public var files: [String: String]

    public init(files: [String: String]) {
        self.files = files
    }

    func plant(in workspace: Workspace) throws(WorkspaceError) {
        for (path, text) in files.sorted(by: { $0.key < $1.key })
        where path.hasPrefix("sample-journeys/") && path.hasSuffix(".journey.yaml") {
            let saved = try workspace.saveJourney(
                yaml: text, file: path, message: "sample journey", origin: .seed, author: "cairn")
            try workspace.activate(saved.journey, version: saved.version, author: "cairn")
        }
    }
}
