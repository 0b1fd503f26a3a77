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

/// One condition leaf's verdict: field, operator, expected, actual, matched. The texts are
/// computed when read — by the writer, on its own thread — not while the run goes.
public struct LeafVerdict: Sendable, Hashable, CustomStringConvertible {
    /// Which branch's condition this leaf belongs to (0-based).
    public var branchIndex: Int
    public var explanation: LeafExplanation

    public init(branchIndex: Int, explanation: LeafExplanation) {
        self.branchIndex = branchIndex
        self.explanation = explanation
    }

    public var type: String { explanation.leaf.type.rawValue }
    public var field: String { explanation.leaf.field }
    public var op: String { explanation.leaf.op.rawValue }
    public var expected: String { explanation.expected }
    public var actual: String { explanation.actualText }
    public var matched: Bool { explanation.matched }
    /// `email.opened exists: expected —, actual 0 → no`
    public var description: String { explanation.description }
}
