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
        // change does not reshuffle the others; a delay's draw becomes a delay (a logarithm,
        // `StableRandom.exponential`) only when its response happens.
        let opens = random.chance(traits.openProbability * fatigue)
        let openDraw = random.unit()
        let clicks = random.chance(traits.clickProbability)
        let clickDraw = random.unit()
        let replies = random.chance(traits.replyProbability)
        let replyDraw = random.unit()
        let unsubscribes = random.chance(behavior.unsubscribeProbability)
        let unsubscribeDraw = random.unit()
        let converts = random.chance(behavior.conversionPropensity)
        let conversionDraw = random.unit()
        func delay(_ draw: Double, mean: Double) -> TimeInterval {
            StableRandom.exponential(mean: mean, unit: draw).rounded()
        }

        if opens {
            let openedAt = sentAt.addingTimeInterval(delay(openDraw, mean: mean))
            responses.openedAt = openedAt
            if clicks { responses.clickedAt = openedAt.addingTimeInterval(delay(clickDraw, mean: mean / 4)) }
            if replies { responses.repliedAt = openedAt.addingTimeInterval(delay(replyDraw, mean: mean / 2)) }
        }
        if unsubscribes {
            responses.unsubscribedAt = (responses.openedAt ?? sentAt).addingTimeInterval(
                delay(unsubscribeDraw, mean: mean))
        }
        var conversionAt: Date?
        if converts, let acted = [responses.clickedAt, responses.repliedAt].compactMap({ $0 }).min() {
            conversionAt = acted.addingTimeInterval(
                delay(conversionDraw, mean: max(behavior.meanConversionDelay, 1)))
        }
        return Answer(responses: responses, conversionAt: conversionAt)
    }
}
