import Workspace

/// What the replay form asks for: a replay, and first a cohort to synthesise if the user
/// chose a new one.
struct ReplayRequest: Sendable, Hashable {
    struct Synthesis: Sendable, Hashable {
        var cohort: String
        var profileName: String
        var profileYAML: String
        var size: Int
        var seed: Int64
    }

    var order: ReplayOrder
    var synthesis: Synthesis?
}
