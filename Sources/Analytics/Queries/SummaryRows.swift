import GRDB

/// The rows Analytics reads from the run summaries (docs/schema.md), as GRDB records: each
/// names its columns once, and the queries turn them into the report's types.
enum SummaryRows {
    /// `run_node_summary`: arrivals and conversions at a node.
    struct NodeCounts: Decodable, FetchableRecord {
        var node: String
        var entered: Int
        var converted: Int

        enum CodingKeys: String, CodingKey {
            case node = "node_id"
            case entered, converted
        }
    }

    /// `run_node_summary`: the time spent at a node.
    struct NodeDwell: Decodable, FetchableRecord {
        var node: String
        var count: Int
        var totalSeconds: Int
        var p50: Int?
        var p90: Int?
        var p99: Int?
        var max: Int?
        /// JSON array of counts per `DurationHistogram` bucket.
        var histogram: String

        enum CodingKeys: String, CodingKey {
            case node = "node_id"
            case count = "dwell_count"
            case totalSeconds = "dwell_total_seconds"
            case p50 = "dwell_p50"
            case p90 = "dwell_p90"
            case p99 = "dwell_p99"
            case max = "dwell_max"
            case histogram = "dwell_histogram"
        }
    }

    /// `run_path_summary`: a node sequence (space-separated) and the executions that took it.
    struct Path: Decodable, FetchableRecord {
        var path: String
        var executions: Int

        var nodes: [String] { path.split(separator: " ").map(String.init) }
    }

    /// `run_dropoff_summary`.
    struct Dropoff: Decodable, FetchableRecord {
        var node: String
        var reason: String
        var leads: Int

        enum CodingKeys: String, CodingKey {
            case node = "node_id"
            case reason, leads
        }
    }

    /// `run_split_summary`: one path of a split.
    struct SplitPath: Decodable, FetchableRecord {
        var node: String
        var path: String
        var isHoldout: Bool
        var weight: Double
        var leads: Int
        var conversions: Int

        enum CodingKeys: String, CodingKey {
            case node = "node_id"
            case isHoldout = "is_holdout"
            case path, weight, leads, conversions
        }
    }

    /// `run_channel_summary`.
    struct Channel: Decodable, FetchableRecord {
        var channel: String
        var sent: Int
        var deferred: Int
        var suppressedConsent: Int
        var suppressedFrequencyCap: Int
        var suppressedQuietHours: Int
        var suppressedUnsubscribed: Int
        var opened: Int
        var clicked: Int
        var replied: Int
        var converted: Int
        var unsubscribed: Int

        enum CodingKeys: String, CodingKey {
            case channel, sent, deferred, opened, clicked, replied, converted, unsubscribed
            case suppressedConsent = "suppressed_consent"
            case suppressedFrequencyCap = "suppressed_frequency_cap"
            case suppressedQuietHours = "suppressed_quiet_hours"
            case suppressedUnsubscribed = "suppressed_unsubscribed"
        }
    }

    /// A grouped count: `key` and `n`.
    struct KeyCount: Decodable, FetchableRecord {
        var key: String
        var n: Int
    }

    /// Executions of one status and reason.
    struct StatusReason: Decodable, FetchableRecord {
        var status: String
        var reason: String
        var n: Int
    }
}
