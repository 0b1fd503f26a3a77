import Foundation
import JourneyModel

/// Ending an execution, however it ends.
extension JourneyEngine {
    /// The lead converted where it is: at a goal node, or by meeting the journey's goal.
    func convert(_ state: LeadState, goalName: String? = nil) {
        guard let execution = state.execution else { return }
        let goal = goalName ?? journey.goal?.name
        emit(
            .conversion(
                ConversionRecord(
                    execution: execution.key, at: now, nodeID: execution.nodeID, afterExit: false,
                    splitPaths: execution.splitPaths, goal: goal, lastChannel: state.lastSentChannel)),
            of: state)
        endExecution(state, status: .converted, reason: goal ?? "goal", outcome: .converted, at: now)
    }

    /// Closes the stay at the current node, the messages still open, the agent and queued
    /// handoffs, and records the end. An unconverted execution that went through a split stays
    /// watched for conversion, so the split's lift counts control and treatment alike.
    func endExecution(
        _ state: LeadState, status: ExecutionStatus, reason: String?, outcome: StayOutcome, at time: Date
    ) {
        guard let execution = state.execution else { return }
        state.execution = nil
        emitStay(
            of: execution, exitedAt: outcome == .waiting ? nil : time, outcome: outcome, next: nil,
            label: nil,
            of: state)
        state.openMessages.removeAll { message in
            emit(.message(onWallClock ? closing(message, for: state) : message), of: state)
        }
        // Everything of an execution comes before its end, so a writer can close the row
        // there: handoffs still queued leave the queue now.
        if state.queuedHandoffs > 0 {
            state.queuedHandoffs = 0
            for withdrawn in router.withdraw(slot: state.slot) {
                var record = withdrawn.record
                record.outcome = .abandoned
                emit(.handoff(record), of: state)
            }
            scheduleRouter()
        }
        emit(
            .executionEnded(
                ExecutionEnded(
                    execution: execution.key, status: status, reason: reason, startedAt: execution.startedAt,
                    endedAt: time, nodeID: execution.nodeID, steps: execution.steps)), of: state)
        if status != .converted, status != .active, !execution.splitPaths.isEmpty {
            state.conversionWatch = ConversionWatch(
                execution: execution.key, splitPaths: execution.splitPaths)
        }
        let freed = releaseAgent(of: state)
        if freed { serveHandoffQueue() }
    }
}
