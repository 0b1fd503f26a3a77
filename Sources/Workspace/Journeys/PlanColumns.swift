import JourneyModel

/// The original plan's `workflows` columns — `trigger_config`, `conditions`, `actions` — as
/// JSON drawn from a version's journey, so tools written against the plan keep working.
struct PlanColumns: Sendable, Hashable {
    var triggerConfig: String
    var conditions: String
    var actions: String

    init(journey: Journey) {
        let root = JourneyJSON.json(of: journey)
        triggerConfig = JSONText.encode(root["entry"] ?? .null)
        var conditions: [JSON] = []
        if let goal = root["goal"] {
            conditions.append(
                .object(["node": .string("goal"), "kind": .string("journey-goal"), "goal": goal]))
        }
        var actions: [JSON] = []
        if case .array(let nodes)? = root["nodes"] {
            for node in nodes {
                switch node["kind"]?.string {
                case "decision", "split", "goal", "wait": conditions.append(node)
                case "action": actions.append(node)
                default: break
                }
            }
        }
        self.conditions = JSONText.encode(.array(conditions))
        self.actions = JSONText.encode(.array(actions))
    }
}
