import JourneyModel

/// A Beta distribution over a channel's response rate: `alpha - 1` responses seen in
/// `alpha + beta - 2` messages.
public struct BetaBelief: Sendable, Hashable {
    public var alpha: Double
    public var beta: Double

    public init(alpha: Double, beta: Double) {
        self.alpha = max(alpha, 0.01)
        self.beta = max(beta, 0.01)
    }

    public var mean: Double { alpha / (alpha + beta) }

    /// This belief after `responses` answered messages out of `sent`.
    public func updated(sent: Int, responses: Int) -> BetaBelief {
        BetaBelief(alpha: alpha + Double(responses), beta: beta + Double(max(sent - responses, 0)))
    }
}

/// What the cohort as a whole says about each channel before a lead's own responses do. The
/// engine never learns priors from other leads during a run — that would make one lead's
/// path depend on the order others were processed — so the caller supplies them, for
/// instance estimated from the cohort's recorded history with `estimated(from:)`.
public struct ChannelPriors: Sendable, Hashable {
    public var beliefs: [Channel: BetaBelief]

    public init(_ beliefs: [Channel: BetaBelief]) {
        self.beliefs = beliefs
    }

    public func belief(for channel: Channel) -> BetaBelief {
        beliefs[channel] ?? BetaBelief(alpha: 1, beta: 1)
    }

    /// Beta(1, 1) on every channel: no opinion.
    public static let uniform = ChannelPriors([:])

    /// Priors from recorded sends and responses (`opened`, `clicked`, `replied`) per channel,
    /// shrunk to `weight` pseudo-messages so a lead's own few responses still move them.
    public static func estimated(from cohort: some Sequence<CohortLead>, weight: Double = 4) -> ChannelPriors
    {
        var sent: [Channel: Int] = [:]
        var answered: [Channel: Int] = [:]
        for member in cohort {
            for event in member.events {
                guard let channel = event.channel else { continue }
                if event.type == "sent" { sent[channel, default: 0] += 1 }
                if KnownEvent.responses.contains(event.type) { answered[channel, default: 0] += 1 }
            }
        }
        var beliefs: [Channel: BetaBelief] = [:]
        for channel in Channel.allCases {
            let messages = sent[channel] ?? 0
            guard messages > 0 else { continue }
            let rate = min(Double(answered[channel] ?? 0) / Double(messages), 1)
            beliefs[channel] = BetaBelief(alpha: 1 + rate * weight, beta: 1 + (1 - rate) * weight)
        }
        return ChannelPriors(beliefs)
    }
}
