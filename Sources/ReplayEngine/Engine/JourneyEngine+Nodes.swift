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

    /// Puts the lead at a node (by its index in the table) and counts the visit against the
    /// safety limits; false when the lead was halted instead.
    @discardableResult
    func arrive(_ state: LeadState, at index: Int) -> Bool {
        guard let execution = state.execution else { return false }
        execution.nodeID = table.ids[index]
        execution.nodeIndex = index
        execution.nodeEnteredAt = now
        execution.visit = execution.countVisit(index)
        execution.pending = nil
        let halt = safety.visit(index, named: execution.nodeID, at: now, in: execution)
        if let halt {
            endExecution(state, status: .halted, reason: halt, outcome: .halted, at: now)
            return false
        }
        return true
    }

    /// Leaves the current node along its edge in `slot` (see `NodeTable.successors`); with no
    /// edge the path ends and so does the execution, completed.
    func moveOn(_ state: LeadState, outcome: StayOutcome = .next, to slot: Int, label: String) {
        guard let execution = state.execution else { return }
        let next = table.successor(of: execution.nodeIndex, slot: slot)
        guard next != NodeTable.none else {
            endExecution(
                state, status: .completed, reason: "end of path at \(execution.nodeID)", outcome: .completed,
                at: now)
            return
        }
        emitStay(of: execution, exitedAt: now, outcome: outcome, next: next, label: label, of: state)
        arrive(state, at: next)
    }

    /// Does what the current node does, once.
    private func step(_ state: LeadState) {
        guard let execution = state.execution else { return }
        guard let node = table.nodes[execution.nodeIndex] else {
            endExecution(
                state, status: .failed, reason: "no node \(execution.nodeID) in the journey",
                outcome: .failed,
                at: now)
            return
        }
        if let seconds = node.waitSeconds {
            wait(seconds: seconds, for: state)
        } else if let send = node.send {
            self.send(send, at: node, for: state)
        } else if let decision = node.decision {
            decide(decision, at: node, for: state)
        } else if let split = node.split {
            assign(split, at: node, for: state)
        } else if let wait = node.wait {
            startWait(wait, for: state)
        } else if let action = node.action {
            perform(action, at: node, for: state)
        } else if let goal = node.goal {
            convert(state, goalName: goal.name ?? node.label ?? node.id)
        } else if let exit = node.exit {
            endExecution(state, status: .completed, reason: exit.reason, outcome: .completed, at: now)
        }
    }

    /// Tries the branches in order against the lead as it is now, and records every leaf seen.
    private func decide(_ decision: Decision, at node: TableNode, for state: LeadState) {
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
        let slot = taken ?? decision.branches.count
        let next = table.successor(of: execution.nodeIndex, slot: slot)
        emit(
            .decision(
                DecisionRecord(
                    execution: execution.key, nodeID: node.id, at: now, branchIndex: taken,
                    nextNodeID: next == NodeTable.none ? nil : table.ids[next],
                    explanation: verdicts)), of: state)
        let single = decision.branches.count == 1
        let label = taken.map { single ? "yes" : "if \($0 + 1)" } ?? (single ? "no" : "else")
        moveOn(state, to: slot, label: label)
    }

    /// Assigns a path by a stable hash of (seed, lead, node): a lead that re-enters gets the
    /// same variant, and no lead's variant depends on any other lead.
    private func assign(_ split: Split, at node: TableNode, for state: LeadState) {
        guard let execution = state.execution else { return }
        var random = StableRandom(
            lead: drawHash(of: state), node: node.id, attempt: 0, purpose: .split)
        let holdout = max(split.holdout ?? 0, 0)
        let total = split.paths.reduce(0) { $0 + max($1.weight, 0) } + holdout
        let roll = random.unit() * Double(total)
        var cumulative = 0.0
        var chosenSlot: Int?
        for (slot, path) in split.paths.enumerated() {
            cumulative += Double(max(path.weight, 0))
            if roll < cumulative {
                chosenSlot = slot
                break
            }
        }
        if chosenSlot == nil, holdout == 0, !split.paths.isEmpty { chosenSlot = 0 }
        let chosen = chosenSlot.map { split.paths[$0] }
        let name = chosen?.name ?? SplitAssignment.holdoutPath
        emit(
            .splitAssignment(
                SplitAssignment(
                    execution: execution.key, nodeID: node.id, path: name, isHoldout: chosen == nil, at: now)),
            of: state)
        state.execution?.splitPaths.append(SplitChoice(nodeID: node.id, path: name))
        guard let chosen, let chosenSlot else {
            endExecution(state, status: .exited, reason: "holdout at \(node.id)", outcome: .holdout, at: now)
            return
        }
        moveOn(state, to: chosenSlot, label: chosen.name)
    }

    /// A duration wait: the lead moves on after `seconds`.
    private func wait(seconds: Int, for state: LeadState) {
        state.execution?.pending = .waitUntil(now.addingTimeInterval(TimeInterval(seconds)))
    }

    private func startWait(_ wait: Wait, for state: LeadState) {
        switch wait.condition {
        case .duration(let span):
            self.wait(seconds: span.seconds, for: state)
        case .event(let field, let timeout):
            state.execution?.pending = .waitForEvent(
                field: field, timeoutAt: now.addingTimeInterval(TimeInterval(timeout.seconds)))
        case .window(let window):
            let opening = LocalTime.nextInstant(
                atOrAfter: now, inWindow: window.from, to: window.to, days: Set(window.days),
                zone: state.lead.timeZone)
            if opening <= now {
                moveOn(state, to: 0, label: "")
            } else {
                state.execution?.pending = .waitUntil(opening)
            }
        }
    }

    /// The lead's pending step is due: a wait ends, a deferred send or a webhook retry runs.
    func resumePending(_ state: LeadState) {
        guard let execution = state.execution, let pending = execution.pending,
            let node = table.nodes[execution.nodeIndex]
        else { return }
        state.execution?.pending = nil
        switch pending {
        case .waitUntil:
            if node.kind == .wait { moveOn(state, to: 0, label: "") }
        case .waitForEvent:
            if let wait = node.wait {
                let label = wait.timeoutNext == nil ? "" : "timeout"
                moveOn(state, outcome: .timeout, to: wait.timeoutNext == nil ? 0 : 1, label: label)
            }
        case .retrySend(_, let channel, let chosenAsBest):
            if let step = node.action, case .send(let send) = step.action {
                deliver(send, on: channel, chosenAsBest: chosenAsBest, at: node, for: state)
            }
        case .retryWebhook(_, let attempt):
            guard let step = node.action else { break }
            // A retry is an action too: a webhook with many retries and no backoff is stopped
            // by the rate limit instead of spinning at one instant.
            if countAction(of: execution, for: state), case .webhook(let hook) = step.action {
                call(hook, attempt: attempt, at: node, for: state)
            }
        }
        advance(state)
    }
}
