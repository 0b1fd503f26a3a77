import Foundation
import JourneyModel

/// A decision evaluated on a lead's arrival, with every leaf it looked at.
public struct DecisionRecord: Sendable, Hashable {
    public var execution: ExecutionKey
    public var nodeID: String
    public var at: Date
    /// The branch taken (0-based), or nil for `else`.
    public var branchIndex: Int?
    public var nextNodeID: String?
    /// The leaves of every branch tried, in order: the first that held and all before it.
    public var explanation: [LeafVerdict]

    public init(
        execution: ExecutionKey, nodeID: String, at: Date, branchIndex: Int?, nextNodeID: String?,
        explanation: [LeafVerdict]
    ) {
        self.execution = execution
        self.nodeID = nodeID
        self.at = at
        self.branchIndex = branchIndex
        self.nextNodeID = nextNodeID
        self.explanation = explanation
    }
}

/// One condition leaf's verdict as text, ready to store and print: field, operator,
/// expected, actual, matched.
public struct LeafVerdict: Sendable, Hashable, CustomStringConvertible {
    /// Which branch's condition this leaf belongs to (0-based).
    public var branchIndex: Int
    public var type: String
    public var field: String
    public var op: String
    public var expected: String
    public var actual: String
    public var matched: Bool
    /// `email.opened exists: expected —, actual 0 → no`
    public var description: String

    public init(branchIndex: Int, explanation: LeafExplanation) {
        self.branchIndex = branchIndex
        self.type = explanation.leaf.type.rawValue
        self.field = explanation.leaf.field
        self.op = explanation.leaf.op.rawValue
        self.expected = explanation.expected
        self.actual = explanation.actualText
        self.matched = explanation.matched
        self.description = explanation.description
    }
}
