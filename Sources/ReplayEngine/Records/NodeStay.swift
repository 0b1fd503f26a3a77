import Foundation

/// A lead's stay at one node: when it came, when it left, and which way.
public struct NodeStay: Sendable, Hashable {
    public var execution: ExecutionKey
    public var nodeID: String
    /// 1 for the first visit of this node in this rotation, 2 for the next, ...
    public var visit: Int
    public var enteredAt: Date
    /// Nil when the lead was still there at the end of the run.
    public var exitedAt: Date?
    public var outcome: StayOutcome
    /// The node taken next, when it moved on.
    public var nextNodeID: String?
    /// The edge's label as the canvas shows it: `yes`, `else`, `timeout`, a split path...
    public var edgeLabel: String?
    /// The number the engine gave `nodeID` for this run (one id, one number, numbers from 0 up),
    /// so that a recorder can tell nodes apart without hashing their ids; `unnumbered` when
    /// the engine gave none.
    public var nodeNumber: Int
    /// `nextNodeID`'s number, as `nodeNumber`.
    public var nextNodeNumber: Int

    public static let unnumbered = -1

    public init(
        execution: ExecutionKey, nodeID: String, visit: Int, enteredAt: Date, exitedAt: Date?,
        outcome: StayOutcome, nextNodeID: String?, edgeLabel: String?, nodeNumber: Int = unnumbered,
        nextNodeNumber: Int = unnumbered
    ) {
        self.execution = execution
        self.nodeID = nodeID
        self.visit = visit
        self.enteredAt = enteredAt
        self.exitedAt = exitedAt
        self.outcome = outcome
        self.nextNodeID = nextNodeID
        self.edgeLabel = edgeLabel
        self.nodeNumber = nodeNumber
        self.nextNodeNumber = nextNodeNumber
    }

    /// exited − entered in whole seconds, each time taken to its second as the step log stores
    /// it (`node_stays.exited_at - entered_at`); nil while the lead is still here.
    public var dwellSeconds: Int64? { Self.dwell(from: enteredAt, to: exitedAt) }

    /// Whole seconds from `enteredAt` to `exitedAt`, nil while the stay has not ended.
    static func dwell(from enteredAt: Date, to exitedAt: Date?) -> Int64? {
        exitedAt.map { wholeSeconds($0) - wholeSeconds(enteredAt) }
    }

    /// Seconds since 1970, rounded down: how the workspace stores a time.
    static func wholeSeconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }
}

/// How a stay at a node ended.
public enum StayOutcome: String, Sendable, Hashable, CaseIterable {
    /// Moved on along an edge.
    case next
    /// An event wait's event came.
    case event
    /// An event wait's timeout passed first.
    case timeout
    /// The journey's goal was met here, or this is a goal node.
    case converted
    /// An exit node, or the end of a path.
    case completed
    /// Held out by a split.
    case holdout
    case halted
    case failed
    /// Still here when the run ended.
    case waiting
}
