/// One step of a journey graph. The entry is not a node: it lives on `Journey.entry`.
public struct JourneyNode: Sendable, Hashable, Identifiable {
    public var id: String
    /// Optional human name shown on the canvas; the id is used when absent.
    public var label: String?
    public var body: NodeBody

    public init(id: String, label: String? = nil, body: NodeBody) {
        self.id = id
        self.label = label
        self.body = body
    }

    public var kind: NodeKind { body.kind }

    /// Every outgoing edge, in file order, with what it is called on the canvas.
    public var edges: [JourneyEdge] { body.edges }
}

public enum NodeKind: String, Sendable, Hashable, CaseIterable {
    case entry, decision, split, wait, action, goal, exit

    /// Kinds that may appear in the `nodes:` list (the entry is separate).
    public static let listable: [NodeKind] = [.decision, .split, .wait, .action, .goal, .exit]
}

public enum NodeBody: Sendable, Hashable {
    case decision(Decision)
    case split(Split)
    case wait(Wait)
    case action(ActionStep)
    /// Reaching it converts the lead and ends its journey.
    case goal(GoalStep)
    case exit(ExitStep)

    public var kind: NodeKind {
        switch self {
        case .decision: return .decision
        case .split: return .split
        case .wait: return .wait
        case .action: return .action
        case .goal: return .goal
        case .exit: return .exit
        }
    }

    public var edges: [JourneyEdge] {
        switch self {
        case .decision(let d):
            var edges = d.branches.enumerated().map { index, branch in
                JourneyEdge(label: d.branches.count == 1 ? "yes" : "if \(index + 1)", target: branch.next)
            }
            if let otherwise = d.otherwise {
                edges.append(JourneyEdge(label: d.branches.count == 1 ? "no" : "else", target: otherwise))
            }
            return edges
        case .split(let s):
            return s.paths.map { JourneyEdge(label: "\($0.name) \($0.weight)%", target: $0.next) }
        case .wait(let w):
            var edges: [JourneyEdge] = []
            if let next = w.next {
                edges.append(JourneyEdge(label: w.timeoutNext == nil ? "" : "event", target: next))
            }
            if let timeout = w.timeoutNext { edges.append(JourneyEdge(label: "timeout", target: timeout)) }
            return edges
        case .action(let a):
            return a.next.map { [JourneyEdge(label: "", target: $0)] } ?? []
        case .goal, .exit:
            return []
        }
    }
}

/// A directed edge to the node with id `target`.
public struct JourneyEdge: Sendable, Hashable {
    public var label: String
    public var target: String

    public init(label: String, target: String) {
        self.label = label
        self.target = target
    }
}

/// Condition branches tried in order; the first that holds is taken, else `otherwise`.
public struct Decision: Sendable, Hashable {
    public var branches: [DecisionBranch]
    public var otherwise: String?

    public init(branches: [DecisionBranch], otherwise: String?) {
        self.branches = branches
        self.otherwise = otherwise
    }
}

public struct DecisionBranch: Sendable, Hashable {
    public var condition: Condition
    public var next: String

    public init(condition: Condition, next: String) {
        self.condition = condition
        self.next = next
    }
}

/// Weighted A/B/n paths. Weights are percentages; with the holdout they sum to 100.
public struct Split: Sendable, Hashable {
    public var paths: [SplitPath]
    /// Percentage of leads held out: they leave the journey as a control group,
    /// and their conversions are still watched so lift can be measured.
    public var holdout: Int?

    public init(paths: [SplitPath], holdout: Int? = nil) {
        self.paths = paths
        self.holdout = holdout
    }
}

public struct SplitPath: Sendable, Hashable {
    public var name: String
    public var weight: Int
    public var next: String

    public init(name: String, weight: Int, next: String) {
        self.name = name
        self.weight = weight
        self.next = next
    }
}

public struct Wait: Sendable, Hashable {
    public var condition: WaitCondition
    /// Where the lead goes when the wait ends (for an event wait: when the event happens).
    public var next: String?
    /// Event waits only: where the lead goes when the timeout passes first.
    public var timeoutNext: String?

    public init(condition: WaitCondition, next: String?, timeoutNext: String? = nil) {
        self.condition = condition
        self.next = next
        self.timeoutNext = timeoutNext
    }
}

public enum WaitCondition: Sendable, Hashable {
    /// A fixed span of time.
    case duration(JourneyDuration)
    /// Until the lead does the event (a behavior field such as `email.opened`), or the timeout.
    case event(String, timeout: JourneyDuration)
    /// Until the lead's local time lies in the window (e.g. weekdays 09:00-17:00).
    case window(TimeWindow)
}

/// A daily window of local time, optionally on some weekdays only; it may wrap midnight.
public struct TimeWindow: Sendable, Hashable {
    public var from: TimeOfDay
    public var to: TimeOfDay
    public var days: [Weekday]

    public init(from: TimeOfDay, to: TimeOfDay, days: [Weekday] = []) {
        self.from = from
        self.to = to
        self.days = days
    }
}

public struct ActionStep: Sendable, Hashable {
    public var action: Action
    public var next: String?

    public init(action: Action, next: String?) {
        self.action = action
        self.next = next
    }
}

public struct GoalStep: Sendable, Hashable {
    public var name: String?
    public init(name: String? = nil) { self.name = name }
}

public struct ExitStep: Sendable, Hashable {
    public var reason: String?
    public init(reason: String? = nil) { self.reason = reason }
}
