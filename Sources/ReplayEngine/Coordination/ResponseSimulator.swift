import Foundation
import JourneyModel

/// How a simulated lead answers one message: whether and when it opens, clicks, replies,
/// unsubscribes, and converts. Fatigue scales the chance of opening by the fatigue factor once
/// per message the lead got before this one (all of them, not only recent ones), down to the
/// fatigue floor (`LeadBehavior.fatigue(afterMessages:)`). Clicks and replies are drawn among
/// opened messages: a profile giving their overall chances maps to `click / open` and
/// `reply / open`.
enum ResponseSimulator {
    struct Answer {
        var responses: MessageResponses
        var conversionAt: Date?
    }

    static func answer(
        message channel: Channel, sentAt: Date, behavior: LeadBehavior, earlierMessages: Int,
        random: inout StableRandom
    ) -> Answer {
        let traits = behavior.behavior(on: channel)
        let fatigue = behavior.fatigue(afterMessages: earlierMessages)
        var responses = MessageResponses()
        let mean = max(traits.meanResponseDelay, 1)
        // Draw every variable in a fixed order whatever the outcomes, so one probability's
        // change does not reshuffle the others.
        let opens = random.chance(traits.openProbability * fatigue)
        let openDelay = random.exponential(mean: mean)
        let clicks = random.chance(traits.clickProbability)
        let clickDelay = random.exponential(mean: mean / 4)
        let replies = random.chance(traits.replyProbability)
        let replyDelay = random.exponential(mean: mean / 2)
        let unsubscribes = random.chance(behavior.unsubscribeProbability)
        let unsubscribeDelay = random.exponential(mean: mean)
        let converts = random.chance(behavior.conversionPropensity)
        let conversionDelay = random.exponential(mean: max(behavior.meanConversionDelay, 1))

        if opens {
            let openedAt = sentAt.addingTimeInterval(openDelay.rounded())
            responses.openedAt = openedAt
            if clicks { responses.clickedAt = openedAt.addingTimeInterval(clickDelay.rounded()) }
            if replies { responses.repliedAt = openedAt.addingTimeInterval(replyDelay.rounded()) }
        }
        if unsubscribes {
            responses.unsubscribedAt = (responses.openedAt ?? sentAt).addingTimeInterval(
                unsubscribeDelay.rounded())
        }
        var conversionAt: Date?
        let acted = [responses.clickedAt, responses.repliedAt].compactMap { $0 }.min()
        if let acted, converts { conversionAt = acted.addingTimeInterval(conversionDelay.rounded()) }
        return Answer(responses: responses, conversionAt: conversionAt)
    }
}
