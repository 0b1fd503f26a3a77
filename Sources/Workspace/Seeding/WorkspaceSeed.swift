import CairnResources

/// What a new workspace starts with: the sample journeys (active), the agent roster, the
/// sample cohort and a small synthetic cohort. The files come from the binary
/// (`CairnResources`) or, in tests, from the repository; keys are paths relative to the
/// repository, such as `sample-journeys/welcome-series.journey.yaml`.
public struct WorkspaceSeed: Sendable {
    public var files: [String: String]

    public init(files: [String: String]) {
        self.files = files
    }

    /// The samples carried inside the binary.
    public static var bundled: WorkspaceSeed { WorkspaceSeed(files: CairnResources.files) }

    static let rosterPath = "sample-journeys/agents.yaml"
    static let cohortPath = "sample-journeys/cohorts/sample.jsonl"
    static let profilePath = "sample-journeys/cohorts/b2b-saas.profile.yaml"
    public static let sampleCohort = "sample"
    public static let syntheticCohort = "sample-synthetic"
    static let syntheticSize = 2000
    static let syntheticSeed: Int64 = 1

    /// Every step is idempotent, so an interrupted seeding finishes on the next open.
    func plant(in workspace: Workspace) throws(WorkspaceError) {
        for (path, text) in files.sorted(by: { $0.key < $1.key })
        where path.hasPrefix("sample-journeys/") && path.hasSuffix(".journey.yaml") {
            let saved = try workspace.saveJourney(
                yaml: text, file: path, message: "sample journey", origin: .seed, author: "cairn")
            if saved.created {
                try workspace.activate(saved.journey, version: saved.version, author: "cairn")
            }
        }
        if let roster = files[Self.rosterPath] {
            try workspace.importAgents(yaml: roster, file: Self.rosterPath)
        }
        let existing = Set(try workspace.cohorts().map(\.name))
        if let cohort = files[Self.cohortPath], !existing.contains(Self.sampleCohort) {
            try workspace.importCohort(
                name: Self.sampleCohort, inputs: [.text(cohort, name: Self.cohortPath)], author: "cairn")
        }
        if let profileText = files[Self.profilePath], !existing.contains(Self.syntheticCohort) {
            let profile = try ProfileReader.read(profileText, file: Self.profilePath).get()
            try workspace.synthesizeCohort(
                name: Self.syntheticCohort, profile: profile, profileYAML: profileText,
                size: Self.syntheticSize,
                seed: Self.syntheticSeed, author: "cairn")
        }
    }
}
