/// One piece of a lead's passage, whether read from the step log's rows (`cairn lead`, the
/// inspector, the API) or from a replay's records (test replays): both sources become these
/// steps, and one builder (`LeadTimeline.init(run:lead:steps:)`) turns steps into a timeline.
enum LeadStep: Sendable, Hashable {
    /// An execution as it ended; its stays, messages and handoffs come as steps of their own.
    case execution(LeadTimeline.Execution)
    case stay(rotation: Int, LeadTimeline.Stay)
    case message(rotation: Int, LeadTimeline.Message)
    case handoff(rotation: Int, LeadTimeline.Handoff)
}

extension LeadTimeline {
    /// One lead's timeline from its steps: executions in rotation order, each with its stays,
    /// messages and handoffs in the order the steps give them.
    init(run: Int64, lead: String, steps: [LeadStep]) {
        var executions: [Execution] = []
        var stays: [Int: [Stay]] = [:]
        var messages: [Int: [Message]] = [:]
        var handoffs: [Int: [Handoff]] = [:]
        for step in steps {
            switch step {
            case .execution(let execution): executions.append(execution)
            case .stay(let rotation, let stay): stays[rotation, default: []].append(stay)
            case .message(let rotation, let message): messages[rotation, default: []].append(message)
            case .handoff(let rotation, let handoff): handoffs[rotation, default: []].append(handoff)
            }
        }
        self.init(
            run: run, lead: lead,
            executions: executions.sorted { $0.rotation < $1.rotation }.map { execution in
                var execution = execution
                execution.stays = stays[execution.rotation] ?? []
                execution.messages = messages[execution.rotation] ?? []
                execution.handoffs = handoffs[execution.rotation] ?? []
                return execution
            })
    }
}
