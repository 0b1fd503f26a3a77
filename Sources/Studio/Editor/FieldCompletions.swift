import JourneyModel
import Workspace

/// Names the condition builder completes: the cohort's property names (with the kind of
/// their values where known) and the event types seen.
struct FieldCompletions: Sendable, Hashable {
    var properties: [String] = []
    var eventTypes: [String] = []
    /// What the sampled leads hold in each property, to offer the operators that fit.
    var propertyKinds: [String: CohortVocabulary.PropertyKind] = [:]

    /// The property names and event types across the workspace's cohorts (a bounded sample of
    /// leads and an index walk: cheap even beside a million-lead cohort). Events the engine
    /// knows are offered even when no cohort recorded them.
    static func load(_ workspace: Workspace) throws(WorkspaceError) -> FieldCompletions {
        let vocabulary = try workspace.cohortVocabulary()
        var kinds: [String: CohortVocabulary.PropertyKind] = [:]
        for property in vocabulary.properties { kinds[property.name] = property.kind }
        let events = Set(vocabulary.eventFields).union(KnownEvent.all).union(["lead.created"])
        return FieldCompletions(
            properties: vocabulary.properties.map(\.name), eventTypes: events.sorted(), propertyKinds: kinds)
    }

    /// The names a condition leaf of this type may look at.
    func fields(for type: ConditionType) -> [String] {
        switch type {
        case .property: return properties
        case .behavior: return eventTypes
        case .engagement: return ConditionRules.engagementFields
        case .time: return ConditionRules.timeFields
        }
    }

    /// Up to `limit` names starting with `text` (then containing it), leaving out `text` itself.
    static func matches(_ text: String, among names: [String], limit: Int = 5) -> [String] {
        let typed = text.lowercased()
        let others = names.filter { $0.lowercased() != typed }
        let starting = others.filter { $0.lowercased().hasPrefix(typed) }
        let containing =
            typed.isEmpty
            ? []
            : others.filter {
                !$0.lowercased().hasPrefix(typed) && $0.lowercased().contains(typed)
            }
        return Array((starting + containing).prefix(limit))
    }
}
