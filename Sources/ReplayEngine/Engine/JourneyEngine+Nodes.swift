import Foundation
import JourneyModel

/// Moving a lead through nodes.
extension JourneyEngine {
    /// Runs the lead's execution until it waits, is deferred, or ends. After every step the
    /// goal and the journey's handoff rules are checked.
    func advance(_ state: LeadState) {
        while let execution = state.execution, execution.pending == nil {
            step(state)
            guard state.execution != nil else { return }
            if reachesGoal(state, event: nil) {
                convert(state)
                return
            }
            applyHandoffRules(state)
        }
    }

    /// Puts the lead at a node and counts the visit against the safety limits; false when the
    /// lead was halted instead.
    @discardableResult
    func arrive(_ state: LeadState, at nodeID: String) -> Bool {
        guard let execution = state.execution else { return false }
        execution.nodeID = nodeID
        execution.nodeEnteredAt = now
        let visit = execution.visits[nodeID, default: 0] + 1
        execution.visits[nodeID] = visit
        execution.visit = visit
        execution.pending = nil
        let halt = safety.visit(nodeID, at: now, in: execution)
        if let halt {
            endExecution(state, status: .halted, reason: halt, outcome: .halted, at: now)
            return false
        }
        return true
    }

    /// Leaves the current node along an edge; with no edge the path ends and so does the
    /// execution, completed.
    func moveOn(_ state: LeadState, outcome: StayOutcome = .next, to next: String?, label: String) {
        guard let execution = state.execution else { return }
        guard let next else {
            endExecution(
                state, status: .completed, reason: "end of path at \(execution.nodeID)", outcome: .completed,
                at: now)
            return
        }
        emit(
            .nodeStay(
                NodeStay(
                    execution: execution.key, nodeID: execution.nodeID, visit: execution.visit,
                    enteredAt: execution.nodeEnteredAt, exitedAt: now, outcome: outcome, nextNodeID: next,
                    edgeLabel: label)))
        arrive(state, at: next)
    }

    /// Does what the current node does, once.
    private func step(_ state: LeadState) {
        guard let execution = state.execution else { return }
        guard let node = nodes[execution.nodeID] else {
            endExecution(
                state, status: .failed, reason: "no node \(execution.nodeID) in the journey",
                outcome: .failed,
                at: now)
            return
        }
        switch node.body {
        case .decision(let decision):
            decide(decision, at: node, for: state)
        case .split(let split):
            assign(split, at: node, for: state)
        case .wait(let wait):
            startWait(wait, for: state)
        case .action(let action):
            perform(action, at: node, for: state)
        case .goal(let goal):
            convert(state, goalName: goal.name ?? node.label ?? node.id)
        case .exit(let exit):
            endExecution(state, status: .completed, reason: exit.reason, outcome: .completed, at: now)
        }
    }

    /// Tries the branches in order against the lead as it is now, and records every leaf seen.
    private func decide(_ decision: Decision, at node: JourneyNode, for state: LeadState) {
        guard let execution = state.execution else { return }
        let context = state.context(at: now)
        var verdicts: [LeafVerdict] = []
        var taken: Int?
        for (index, branch) in decision.branches.enumerated() {
            let evaluation = ConditionEvaluator.evaluate(branch.condition, in: context)
            verdicts += evaluation.leaves.map { LeafVerdict(branchIndex: index, explanation: $0) }
            if evaluation.matched {
                taken = index
                break
            }
        }
        let next = taken.map { decision.branches[$0].next } ?? decision.otherwise
        emit(
            .decision(
                DecisionRecord(
                    execution: execution.key, nodeID: node.id, at: now, branchIndex: taken, nextNodeID: next,
                    explanation: verdicts)))
        let single = decision.branches.count == 1
        let label = taken.map { single ? "yes" : "if \($0 + 1)" } ?? (single ? "no" : "else")
        moveOn(state, to: next, label: label)
    }

    /// Assigns a path by a stable hash of (seed, lead, node): a lead that re-enters gets the
    /// same variant, and no lead's variant depends on any other lead.
    private func assign(_ split: Split, at node: JourneyNode, for state: LeadState) {
        guard let execution = state.execution else { return }
        var random = StableRandom(
            seed: configuration.seed, lead: state.id, node: node.id, attempt: 0, purpose: .split)
        let holdout = max(split.holdout ?? 0, 0)
        let total = split.paths.reduce(0) { $0 + max($1.weight, 0) } + holdout
        let roll = random.unit() * Double(total)
        var cumulative = 0.0
        var chosen: SplitPath?
        for path in split.paths {
            cumulative += Double(max(path.weight, 0))
            if roll < cumulative {
                chosen = path
                break
            }
        }
        if chosen == nil, holdout == 0 { chosen = split.paths.first }
        let name = chosen?.name ?? SplitAssignment.holdoutPath
        emit(
            .splitAssignment(
                SplitAssignment(
                    execution: execution.key, nodeID: node.id, path: name, isHoldout: chosen == nil, at: now))
        )
        state.execution?.splitPaths.append(SplitChoice(nodeID: node.id, path: name))
        guard let chosen else {
            endExecution(state, status: .exited, reason: "holdout at \(node.id)", outcome: .holdout, at: now)
            return
        }
        moveOn(state, to: chosen.next, label: chosen.name)
    }

    private func startWait(_ wait: Wait, for state: LeadState) {
        switch wait.condition {
        case .duration(let span):
            state.execution?.pending = .waitUntil(now.addingTimeInterval(TimeInterval(span.seconds)))
        case .event(let field, let timeout):
            state.execution?.pending = .waitForEvent(
                field: field, timeoutAt: now.addingTimeInterval(TimeInterval(timeout.seconds)))
        case .window(let window):
            let opening = LocalTime.nextInstant(
                atOrAfter: now, inWindow: window.from, to: window.to, days: Set(window.days),
                zone: state.lead.timeZone)
            if opening <= now {
                moveOn(state, to: wait.next, label: "")
            } else {
                state.execution?.pending = .waitUntil(opening)
            }
        }
    }

    /// The lead's pending step is due: a wait ends, a deferred send or a webhook retry runs.
    func resumePending(_ state: LeadState) {
        guard let execution = state.execution, let pending = execution.pending,
            let node = nodes[execution.nodeID]
        else { return }
        state.execution?.pending = nil
        switch (pending, node.body) {
        case (.waitUntil, .wait(let wait)):
            moveOn(state, to: wait.next, label: "")
        case (.waitForEvent, .wait(let wait)):
            let label = wait.timeoutNext == nil ? "" : "timeout"
            moveOn(state, outcome: .timeout, to: wait.timeoutNext ?? wait.next, label: label)
        case (.retrySend(_, let channel, let chosenAsBest), .action(let step)):
            if case .send(let send) = step.action {
                deliver(send, on: channel, chosenAsBest: chosenAsBest, at: node, next: step.next, for: state)
            }
        case (.retryWebhook(_, let attempt), .action(let step)):
            // A retry is an action too: a webhook with many retries and no backoff is stopped
            // by the rate limit instead of spinning at one instant.
            if let halt = safety.action(at: now, in: execution) {
                endExecution(state, status: .halted, reason: halt, outcome: .halted, at: now)
            } else if case .webhook(let hook) = step.action {
                call(hook, attempt: attempt, at: node, next: step.next, for: state)
            }
        default:
            break
        }
        advance(state)
    }
}
