import Foundation
import JourneyModel

/// Action nodes: send, update, score, handoff, notify, webhook.
extension JourneyEngine {
    /// A send node (`TableNode.send`): the rate limit, the channel, then the coordinator.
    func send(_ send: SendAction, at node: TableNode, for state: LeadState) {
        guard let execution = state.execution, countAction(of: execution, for: state) else { return }
        let channel: Channel
        switch send.channel {
        case .fixed(let fixed):
            channel = fixed
        case .best:
            var random = StableRandom(
                lead: drawHash(of: state), node: node.id, attempt: state.messageOrdinal,
                purpose: .bestChannel)
            channel = ChannelChooser.choose(
                lead: state.lead, history: state.history, at: now, priors: configuration.channelPriors,
                random: &random)
        }
        deliver(send, on: channel, chosenAsBest: send.channel == .best, at: node, for: state)
    }

    /// Counts an action against the rate limit: false, with the execution halted, past it.
    func countAction(of execution: ExecutionState, for state: LeadState) -> Bool {
        guard let halt = safety.action(at: now, in: execution) else { return true }
        endExecution(state, status: .halted, reason: halt, outcome: .halted, at: now)
        return false
    }

    func perform(_ step: ActionStep, at node: TableNode, for state: LeadState) {
        if case .send(let send) = step.action { return self.send(send, at: node, for: state) }
        guard let execution = state.execution, countAction(of: execution, for: state) else { return }
        let key = execution.key
        switch step.action {
        case .send:
            break  // above
        case .update(let field, let value):
            setProperty(field, to: value, at: node, key: key, for: state)
            moveOn(state, to: 0, label: "")
        case .score(let amount):
            let current = state.score ?? 0
            setProperty("score", to: .number(current + amount), at: node, key: key, for: state)
            moveOn(state, to: 0, label: "")
        case .handoff(let handoff):
            requestHandoff(state, to: handoff.to, reason: handoff.reason, nodeID: node.id, rule: nil)
            moveOn(state, to: 0, label: "")
        case .notify(let notify):
            emit(
                .notification(
                    NotificationRecord(
                        execution: key, nodeID: node.id, target: notify.target, message: notify.message,
                        at: now)), of: state)
            askOutside(
                .notify(target: notify.target, message: notify.message), at: node.id, in: execution, of: state
            )
            moveOn(state, to: 0, label: "")
        case .webhook(let hook) where onWallClock:
            // The outbox calls it, with retries; the journey moves on once it is asked.
            askOutside(.webhook(url: hook.url), at: node.id, in: execution, of: state)
            moveOn(state, to: 0, label: "")
        case .webhook(let hook):
            call(hook, attempt: 1, at: node, for: state)
        }
    }

    private func setProperty(
        _ field: String, to value: Value, at node: TableNode, key: ExecutionKey, for state: LeadState
    ) {
        let old = state.lead.properties[field]
        state.lead.properties[field] = value
        emit(
            .propertyChange(
                PropertyChange(
                    execution: key, nodeID: node.id, field: field, oldValue: old, newValue: value, at: now)),
            of: state)
    }

    /// Asks the coordinator, then sends, suppresses (and moves on) or defers (and waits).
    func deliver(
        _ send: SendAction, on channel: Channel, chosenAsBest: Bool, at node: TableNode,
        for state: LeadState
    ) {
        guard let execution = state.execution else { return }
        var record = MessageRecord(
            execution: execution.key, nodeID: node.id, channel: channel, chosenAsBest: chosenAsBest,
            template: send.template, status: .sent, reason: nil, requestedAt: now, sentAt: nil,
            deferredUntil: nil,
            nodeNumber: table.number(of: execution.nodeIndex))
        let verdict = coordinator.verdict(
            for: channel, consented: state.consents(to: channel), history: state.history, at: now,
            utcOffset: state.utcOffset(at: now), offsetHolds: state.offsetHolds(through:),
            zone: state.lead.timeZone)
        switch verdict {
        case .send:
            transmit(&record, at: node, for: state)
            moveOn(state, to: 0, label: "")
        case .suppress(let reason):
            record.status = .suppressed
            record.reason = reason
            emit(.message(record), of: state)
            moveOn(state, to: 0, label: "")
        case .deferUntil(let time, let reason):
            record.status = .deferred
            record.reason = reason
            record.deferredUntil = time
            emit(.message(record), of: state)
            state.execution?.pending = .retrySend(at: time, channel: channel, chosenAsBest: chosenAsBest)
        }
    }

    /// The message goes out: it joins the lead's history, its responses are known (recorded or
    /// simulated), and it stays open on its channel until the next send there (simulated ones
    /// are recorded at once).
    private func transmit(_ record: inout MessageRecord, at node: TableNode, for state: LeadState) {
        let channel = record.channel
        let ordinal = state.messageOrdinal
        state.messageOrdinal += 1
        // Fatigue counts every message the lead got before this one (docs/cohort-format.md): in
        // a replay of a lead with no recorded events, the messages sent so far.
        var earlierMessages = 0
        if !onWallClock && state.recorded.isEmpty {
            earlierMessages = ordinal
        } else {
            for event in state.history where event.type == "sent" && event.time <= now {
                earlierMessages += 1
            }
        }
        let data = state.execution.map { table.sendData[$0.nodeIndex] } ?? [:]
        state.history.append(
            LeadEvent(leadID: state.id, type: "sent", channel: channel, time: now, data: data))
        var responses: MessageResponses
        if state.respondsAsRecorded {
            responses = ResponseAttribution.recordedResponses(
                to: channel, sentAt: now, in: state.recorded, until: horizon)
        } else {
            var random = StableRandom(
                lead: drawHash(of: state), node: node.id, attempt: ordinal, purpose: .response)
            let answer = ResponseSimulator.answer(
                message: channel, sentAt: now, behavior: state.behavior, earlierMessages: earlierMessages,
                random: &random)
            responses = answer.responses
            // In `MessageResponses.types` order, each read by its field rather than its name.
            func schedule(_ type: String, at time: Date?) {
                guard let time else { return }
                let event = LeadEvent(leadID: state.id, type: type, channel: channel, time: time, data: data)
                if simulatedResponsesMatter {
                    state.scheduleSimulated(event)
                } else {
                    state.history.append(event)
                }
            }
            schedule("opened", at: responses.openedAt)
            schedule("clicked", at: responses.clickedAt)
            schedule("replied", at: responses.repliedAt)
            schedule("unsubscribed", at: responses.unsubscribedAt)
            if let conversion = answer.conversionAt {
                state.scheduleSimulated(
                    LeadEvent(leadID: state.id, type: "converted", time: conversion, data: data))
            }
            if let horizon { responses = responses.through(horizon) }
        }
        record.status = .sent
        record.sentAt = now
        record.responses = responses
        if !onWallClock && !state.respondsAsRecorded {
            // Simulated responses are drawn whole at the send, and closing changes nothing:
            // recorded now, the message is never copied into and out of the open slots.
            emit(.message(record), of: state)
        } else if let previous = state.openMessages.replace(with: record) {
            emit(.message(closing(previous, for: state)), of: state)
        }
        if let execution = state.execution {
            askOutside(
                .send(channel: channel, template: record.template), at: node.id, in: execution, of: state)
        }
        state.lastSentChannel = channel
        if keepsConversations {
            state.appendConversation(
                ConversationEntry(at: now, channel: channel, type: "sent", template: record.template))
        }
    }

    /// On the wall clock, hands the action to the runtime (its outbox); a replay simulates it,
    /// and never builds `kind` (a send's was built, template and all, at every send).
    func askOutside(
        _ kind: @autoclosure () -> OutwardAction.Kind, at nodeID: String, in execution: ExecutionState,
        of state: LeadState
    ) {
        guard onWallClock else { return }
        emit(
            .outward(
                OutwardAction(
                    execution: execution.key, nodeID: nodeID, visit: execution.visit, at: now, kind: kind())),
            of: state)
    }

    /// A sent message closed now (the next send on its channel, or the end of its execution):
    /// its recorded responses are those before now. On the wall clock they are the events that
    /// came back so far; a replay knew them when it sent.
    func closing(_ message: MessageRecord, for state: LeadState) -> MessageRecord {
        guard state.respondsAsRecorded, let sentAt = message.sentAt else { return message }
        var closed = message
        if onWallClock {
            closed.responses = ResponseAttribution.recordedResponses(
                to: message.channel, sentAt: sentAt, in: state.recorded, until: now)
        }
        closed.responses = closed.responses.before(now)
        return closed
    }

    /// One simulated call; a failure with retries left waits `backoff · 2^(attempt - 1)` and
    /// tries again; the last failure fails the execution.
    func call(_ hook: WebhookAction, attempt: Int, at node: TableNode, for state: LeadState) {
        guard let execution = state.execution else { return }
        let ordinal = state.webhookOrdinal
        state.webhookOrdinal += 1
        var random = StableRandom(
            lead: drawHash(of: state), node: node.id, attempt: ordinal, purpose: .webhook)
        let failed = random.chance(hook.failureRate)
        var record = WebhookAttempt(
            execution: execution.key, nodeID: node.id, url: hook.url, attempt: attempt, at: now,
            succeeded: !failed,
            retryAt: nil)
        if !failed {
            emit(.webhookAttempt(record), of: state)
            moveOn(state, to: 0, label: "")
        } else if attempt <= hook.retries {
            let factor = PortableMath.power(2, min(attempt - 1, 20))
            let retryAt = now.addingTimeInterval(TimeInterval(max(hook.backoff.seconds, 0)) * factor)
            record.retryAt = retryAt
            emit(.webhookAttempt(record), of: state)
            state.execution?.pending = .retryWebhook(at: retryAt, attempt: attempt + 1)
        } else {
            emit(.webhookAttempt(record), of: state)
            let tries = attempt == 1 ? "1 attempt" : "\(attempt) attempts"
            endExecution(
                state, status: .failed, reason: "webhook \(hook.url) failed after \(tries)", outcome: .failed,
                at: now)
        }
    }
}
