import Foundation
import JourneyModel
import ReplayEngine

/// A journey's live ceilings: outward actions (sends, notifies, webhooks, handoffs) and steps
/// (node visits) in any minute. Crossing one pauses the journey: the actions past the ceiling
/// are dropped before they reach the outbox, so no more than the ceiling is ever delivered.
struct RunawayGuard {
    let maxActionsPerMinute: Int
    let maxStepsPerMinute: Int
    private var actionTimes: [Date] = []
    private var stepTimes: [Date] = []

    init(policy: Policy) {
        maxActionsPerMinute = policy.effectiveMaxSendsPerMinute
        maxStepsPerMinute = policy.effectiveMaxStepsPerMinute
    }

    /// The records to write, and the reason to pause when a ceiling was crossed.
    mutating func check(_ records: [ReplayRecord], at now: Date) -> (records: [ReplayRecord], pause: String?)
    {
        let minuteAgo = now.addingTimeInterval(-60)
        actionTimes.removeAll { $0 <= minuteAgo }
        stepTimes.removeAll { $0 <= minuteAgo }
        var kept: [ReplayRecord] = []
        kept.reserveCapacity(records.count)
        var pause: String?
        for record in records {
            switch record {
            case .outward(let action):
                guard pause == nil else { continue }
                if actionTimes.count >= maxActionsPerMinute {
                    pause = "runaway guard: more than \(maxActionsPerMinute) sends in a minute"
                    continue
                }
                actionTimes.append(action.at)
            case .nodeStay(let stay):
                stepTimes.append(stay.exitedAt ?? now)
                if stepTimes.count > maxStepsPerMinute, pause == nil {
                    pause = "runaway guard: more than \(maxStepsPerMinute) steps in a minute"
                }
            default:
                break
            }
            kept.append(record)
        }
        return (kept, pause)
    }
}
