import Foundation
import GRDB
import Workspace

/// One lead's passage through a run, for `cairn lead` and the lead inspector: each execution
/// with its stays (and every decision explained), messages with their fate, and handoffs with
/// their context. Read by the (run, lead) indexes of the step-log tables.
public struct LeadTimeline: Sendable, Hashable, Codable {
    public struct Execution: Sendable, Hashable, Codable {
        public var rotation: Int
        public var status: String
        public var reason: String?
        public var startedAt: Int64
        public var completedAt: Int64?
        public var stays: [Stay]
        public var messages: [Message]
        public var handoffs: [Handoff]
    }

    public struct Stay: Sendable, Hashable, Codable {
        public var node: String
        public var visit: Int
        public var enteredAt: Int64
        public var exitedAt: Int64?
        public var outcome: String?
        public var next: String?
        /// Each condition leaf: field, operator, expected, actual, matched.
        public var explanation: [Leaf]
    }

    public struct Leaf: Sendable, Hashable, Codable {
        public var field: String
        public var op: String
        public var expected: String
        public var actual: String
        public var matched: Bool
    }

    public struct Message: Sendable, Hashable, Codable {
        public var node: String
        public var channel: String
        public var template: String?
        public var status: String
        public var reason: String?
        public var requestedAt: Int64
        public var sentAt: Int64?
        public var openedAt: Int64?
        public var clickedAt: Int64?
        public var repliedAt: Int64?
        public var unsubscribedAt: Int64?
    }

    public struct Handoff: Sendable, Hashable, Codable {
        public var from: String?
        public var to: String?
        public var reason: String
        public var createdAt: Int64
        public var queueWaitSeconds: Int64?
        /// The context as stored: conversation, score, previous agents, metadata.
        public var context: String
    }

    public var run: Int64
    public var lead: String
    public var executions: [Execution]

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case unknownRun(Int64)
        case leadNotInRun(lead: String, run: Int64)
        case database(String)

        public var description: String {
            switch self {
            case .unknownRun(let id): return "no run \(id) in this workspace (see cairn runs)"
            case .leadNotInRun(let lead, let run): return "lead '\(lead)' did not enter run \(run)"
            case .database(let message): return message
            }
        }
    }

    public static func load(_ workspace: Workspace, run: Int64, lead: String) throws(Failure) -> LeadTimeline
    {
        do {
            return try workspace.query { db in try load(db, run: run, lead: lead) }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .database("cannot read the workspace: \(error)")
        }
    }

    static func load(_ db: Database, run: Int64, lead: String) throws -> LeadTimeline {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM runs WHERE id = ?", arguments: [run]) != nil else {
            throw Failure.unknownRun(run)
        }
        let arguments: StatementArguments = [run, lead]
        let steps =
            try executionSteps(db, arguments) + staySteps(db, arguments) + messageSteps(db, arguments)
            + handoffSteps(db, arguments)
        let timeline = LeadTimeline(run: run, lead: lead, steps: steps)
        guard !timeline.executions.isEmpty else { throw Failure.leadNotInRun(lead: lead, run: run) }
        return timeline
    }

    private static func executionSteps(_ db: Database, _ arguments: StatementArguments) throws -> [LeadStep] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT rotation, status, reason, started_at, completed_at FROM workflow_executions
                WHERE run_id = ? AND lead_id = ? ORDER BY rotation
                """, arguments: arguments
        ).map { row in
            .execution(
                Execution(
                    rotation: row["rotation"], status: row["status"], reason: row["reason"],
                    startedAt: row["started_at"], completedAt: row["completed_at"], stays: [], messages: [],
                    handoffs: []))
        }
    }

    private static func staySteps(_ db: Database, _ arguments: StatementArguments) throws -> [LeadStep] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT rotation, node_id, visit, entered_at, exited_at, outcome, next_node_id, explanation
                FROM node_stays WHERE run_id = ? AND lead_id = ? ORDER BY rotation, entered_at, id
                """, arguments: arguments
        ).map { row in
            .stay(
                rotation: row["rotation"],
                Stay(
                    node: row["node_id"], visit: row["visit"], enteredAt: row["entered_at"],
                    exitedAt: row["exited_at"], outcome: row["outcome"], next: row["next_node_id"],
                    explanation: leaves(row["explanation"])))
        }
    }

    private static func messageSteps(_ db: Database, _ arguments: StatementArguments) throws -> [LeadStep] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT rotation, node_id, channel, template, status, reason, requested_at, sent_at, opened_at,
                       clicked_at, replied_at, unsubscribed_at
                FROM messages WHERE run_id = ? AND lead_id = ? ORDER BY rotation, requested_at, id
                """, arguments: arguments
        ).map { row in
            .message(
                rotation: row["rotation"],
                Message(
                    node: row["node_id"], channel: row["channel"], template: row["template"],
                    status: row["status"], reason: row["reason"], requestedAt: row["requested_at"],
                    sentAt: row["sent_at"], openedAt: row["opened_at"], clickedAt: row["clicked_at"],
                    repliedAt: row["replied_at"], unsubscribedAt: row["unsubscribed_at"]))
        }
    }

    /// Handoffs with the rotation of the execution they belong to.
    private static func handoffSteps(_ db: Database, _ arguments: StatementArguments) throws -> [LeadStep] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT e.rotation, h.from_agent_id, h.to_agent_id, h.handoff_reason, h.created_at,
                       h.queue_wait_seconds, h.context
                FROM agent_handoffs h
                JOIN workflow_executions e
                    ON e.run_id = h.run_id AND e.lead_id = h.lead_id AND e.id = h.execution_id
                WHERE h.run_id = ? AND h.lead_id = ? ORDER BY h.created_at, h.id
                """, arguments: arguments
        ).map { row in
            .handoff(
                rotation: row["rotation"],
                Handoff(
                    from: row["from_agent_id"], to: row["to_agent_id"], reason: row["handoff_reason"],
                    createdAt: row["created_at"], queueWaitSeconds: row["queue_wait_seconds"],
                    context: row["context"]))
        }
    }

    /// The explanation column's JSON leaves; empty when there is none or it does not parse.
    static func leaves(_ text: String?) -> [Leaf] {
        guard let text,
            let items = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
        else { return [] }
        return items.map {
            Leaf(
                field: $0["field"] as? String ?? "", op: $0["operator"] as? String ?? "",
                expected: $0["expected"] as? String ?? "", actual: $0["actual"] as? String ?? "",
                matched: $0["matched"] as? Bool ?? false)
        }
    }
}
