/// A journey: an entry, a graph of nodes, an optional goal and a coordination policy.
public struct Journey: Sendable, Hashable {
    /// Slug id: lowercase letters, digits and dashes.
    public var id: String
    public var name: String
    public var description: String?
    public var entry: Entry
    public var goal: JourneyGoal?
    public var policy: Policy
    public var nodes: [JourneyNode]

    public init(
        id: String, name: String, description: String? = nil, entry: Entry, goal: JourneyGoal? = nil,
        policy: Policy = Policy(), nodes: [JourneyNode]
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.entry = entry
        self.goal = goal
        self.policy = policy
        self.nodes = nodes
    }

    /// The node with this id (the first, if ids repeat in an invalid journey).
    public func node(_ id: String) -> JourneyNode? {
        nodes.first { $0.id == id }
    }

    /// The id the entry takes in graph algorithms and on the canvas.
    public static let entryID = "entry"
}

extension Journey {
    /// What a journey or node id may be made of, as error messages say it.
    public static let slugPattern = "lowercase letters, digits, '-' and '_', starting with a letter"

    /// Whether `text` may be a journey or node id.
    public static func isSlug(_ text: String) -> Bool {
        guard let first = text.first, first.isASCII, first.isLowercase else { return false }
        return text.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" || $0 == "_" }
    }
}
