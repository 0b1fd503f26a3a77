import JourneyModel

/// One way a journey can go at a node: a decision's branch (`yes`, `no`, `if 2`, `else`), a
/// wait's `event` or `timeout` edge, or a split's path (`holdout` included). Labels are the
/// ones the engine gives the edges it takes, so a run's edge tally answers for them.
public struct JourneyBranch: Sendable, Hashable, CustomStringConvertible {
    public var node: String
    public var label: String
    public var isSplitPath: Bool

    public init(node: String, label: String, isSplitPath: Bool) {
        self.node = node
        self.label = label
        self.isSplitPath = isSplitPath
    }

    public var description: String { "\(node) → \(label)" }
}

/// Which of a journey's branches a run took: a demo that leaves one unreached does not tell
/// the journey's story.
public enum BranchCoverage {
    /// Every branch of the journey, node by node in file order.
    public static func branches(of journey: Journey) -> [JourneyBranch] {
        journey.nodes.flatMap { node -> [JourneyBranch] in
            switch node.body {
            case .decision:
                return node.edges.map { JourneyBranch(node: node.id, label: $0.label, isSplitPath: false) }
            case .wait(let wait) where wait.timeoutNext != nil:
                return ["event", "timeout"].map {
                    JourneyBranch(node: node.id, label: $0, isSplitPath: false)
                }
            case .split(let split):
                let holdout = (split.holdout ?? 0) > 0 ? [SplitAssignment.holdoutPath] : []
                return (split.paths.map(\.name) + holdout).map {
                    JourneyBranch(node: node.id, label: $0, isSplitPath: true)
                }
            default:
                return []
            }
        }
    }

    /// The branches no lead took in the run `summary` adds up.
    public static func unreached(in journey: Journey, summary: ReplaySummary) -> [JourneyBranch] {
        var taken = Set<JourneyBranch>()
        for (edge, leads) in summary.edges where leads > 0 {
            taken.insert(JourneyBranch(node: edge.from, label: edge.label, isSplitPath: false))
        }
        for (node, paths) in summary.splits {
            for (path, tally) in paths where tally.leads > 0 {
                taken.insert(JourneyBranch(node: node, label: path, isSplitPath: true))
            }
        }
        return branches(of: journey).filter { !taken.contains($0) }
    }
}
