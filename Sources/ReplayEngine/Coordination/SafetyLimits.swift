import Foundation
import JourneyModel

/// The limits that halt a runaway lead, with the reason recorded, while the run goes on.
struct SafetyLimits {
    let maxSteps: Int
    let rateLimit: ActionRateLimit
    let loopVisitLimit: Int

    init(journey: Journey, configuration: ReplayConfiguration) {
        maxSteps = max(journey.policy.maxStepsPerLead ?? configuration.maxStepsPerLead, 1)
        rateLimit = configuration.actionRateLimit
        loopVisitLimit = max(configuration.loopVisitLimit, 1)
    }

    /// Counts a visit of the node at `index` (named `nodeID`) at `now`; the reason to halt, if a
    /// limit is passed.
    func visit(_ index: Int, named nodeID: String, at now: Date, in execution: ExecutionState) -> String? {
        execution.steps += 1
        if execution.steps > maxSteps {
            return "step limit: more than \(maxSteps) steps in one rotation"
        }
        if execution.loopInstant != now {
            execution.loopInstant = now
            execution.nodesAtInstant.removeAll()
        }
        execution.nodesAtInstant.append(index)
        // No node can pass the limit before the instant holds that many steps: ordinary
        // journeys never pay for counting.
        guard execution.nodesAtInstant.count > loopVisitLimit else { return nil }
        let visits = execution.nodesAtInstant.elements.reduce(0) { $0 + ($1 == index ? 1 : 0) }
        if visits > loopVisitLimit {
            return "loop: node \(nodeID) visited \(visits) times without time passing"
        }
        return nil
    }

    /// Counts an action at `now`; the reason to halt, if the rate limit is passed.
    func action(at now: Date, in execution: ExecutionState) -> String? {
        let windowStart = now.addingTimeInterval(-TimeInterval(rateLimit.window.seconds))
        execution.actionTimes.removeAll { $0 < windowStart }
        execution.actionTimes.append(now)
        if execution.actionTimes.count > rateLimit.maxActions {
            return "action rate limit: more than \(rateLimit.maxActions) actions in \(rateLimit.window)"
        }
        return nil
    }
}
