/// The run's totals and the summary tables, written once when the run ends.
public struct RunSummaries: Sendable {
    public var counts = RunCounts()
    /// Rows of `run_node_summary`, `run_edge_summary`, ...: column name → value, in the
    /// documented columns (run_id is added). Keeping them as column maps lets the engine and
    /// Analytics grow a summary without a new type here for each.
    public var nodes: [[String: SummaryValue]] = []
    public var edges: [[String: SummaryValue]] = []
    public var dropoffs: [[String: SummaryValue]] = []
    public var splits: [[String: SummaryValue]] = []
    public var channels: [[String: SummaryValue]] = []
    public var handoffs: [[String: SummaryValue]] = []

    public init() {}
}

public enum SummaryValue: Sendable, Hashable, ExpressibleByIntegerLiteral, ExpressibleByStringLiteral,
    ExpressibleByFloatLiteral
{
    case integer(Int64)
    case real(Double)
    case text(String)
    case null

    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(stringLiteral value: String) { self = .text(value) }
    public init(floatLiteral value: Double) { self = .real(value) }

    var sqlValue: SQLValue {
        switch self {
        case .integer(let n): return .integer(n)
        case .real(let x): return .real(x)
        case .text(let s): return .text(s)
        case .null: return .null
        }
    }
}

/// The totals on the `runs` row.
public struct RunCounts: Sendable, Hashable {
    public var leads = 0
    public var entries = 0
    public var conversions = 0
    public var executionsFailed = 0
    public var executionsHalted = 0
    public var messagesSent = 0
    public var messagesSuppressed = 0
    public var handoffs = 0

    public init() {}
}
