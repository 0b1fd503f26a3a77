/// What an action node does.
public enum Action: Sendable, Hashable {
    case send(SendAction)
    /// Set a lead property.
    case update(field: String, value: Value)
    /// Change the lead score by a signed amount.
    case score(by: Double)
    case handoff(HandoffAction)
    /// Tell a person or team (not the lead) something.
    case notify(NotifyAction)
    case webhook(WebhookAction)

    public var typeName: String {
        switch self {
        case .send: return "send"
        case .update: return "update"
        case .score: return "score"
        case .handoff: return "handoff"
        case .notify: return "notify"
        case .webhook: return "webhook"
        }
    }
}

public struct SendAction: Sendable, Hashable {
    public var channel: ChannelChoice
    public var template: String

    public init(channel: ChannelChoice, template: String) {
        self.channel = channel
        self.template = template
    }
}

public enum AgentKind: String, Sendable, Hashable, CaseIterable {
    case bot, human
}

/// Who should take the lead over: a named agent, or any agent matching channel, kind and expertise.
public struct HandoffTarget: Sendable, Hashable {
    public var agent: String?
    public var channel: Channel?
    public var kind: AgentKind?
    public var expertise: [String]

    public init(
        agent: String? = nil, channel: Channel? = nil, kind: AgentKind? = nil, expertise: [String] = []
    ) {
        self.agent = agent
        self.channel = channel
        self.kind = kind
        self.expertise = expertise
    }
}

public struct HandoffAction: Sendable, Hashable {
    public var to: HandoffTarget
    public var reason: String

    public init(to: HandoffTarget, reason: String) {
        self.to = to
        self.reason = reason
    }
}

public struct NotifyAction: Sendable, Hashable {
    /// A team, channel or person name: `sales`, `#leads`, `ana@example.com`.
    public var target: String
    public var message: String

    public init(target: String, message: String) {
        self.target = target
        self.message = message
    }
}

/// A call to an external system; the engine simulates it with a failure rate and retries.
public struct WebhookAction: Sendable, Hashable {
    public var url: String
    public var retries: Int
    public var backoff: JourneyDuration
    /// Simulated failure probability per attempt, 0...1.
    public var failureRate: Double

    public init(
        url: String, retries: Int = 3, backoff: JourneyDuration = .minutes(1), failureRate: Double = 0
    ) {
        self.url = url
        self.retries = retries
        self.backoff = backoff
        self.failureRate = failureRate
    }
}
