import JourneyModel

/// How a lead answers messages on one channel.
public struct ChannelBehavior: Sendable, Hashable {
    /// Chance a message is opened (read, for SMS and chat).
    public var openProbability: Double
    /// Chance an opened message is clicked (so the overall click chance is open × click).
    public var clickProbability: Double
    /// Chance an opened message is replied to (overall: open × reply).
    public var replyProbability: Double
    /// Mean delay of a response, in seconds (delays are exponential).
    public var meanResponseDelay: Double

    public init(
        openProbability: Double, clickProbability: Double, replyProbability: Double,
        meanResponseDelay: Double
    ) {
        self.openProbability = openProbability
        self.clickProbability = clickProbability
        self.replyProbability = replyProbability
        self.meanResponseDelay = meanResponseDelay
    }

    /// A channel the lead likes: most messages are read, quickly.
    public static let preferred = ChannelBehavior(
        openProbability: 0.6, clickProbability: 0.35, replyProbability: 0.2, meanResponseDelay: 3600)
    /// Any other channel.
    public static let ordinary = ChannelBehavior(
        openProbability: 0.15, clickProbability: 0.2, replyProbability: 0.05, meanResponseDelay: 6 * 3600)
}

/// The latent traits of a lead for simulated replays.
public struct LeadBehavior: Sendable, Hashable {
    /// Explicit behavior per channel; a channel missing here behaves as `preferred` when it is
    /// the preferred channel, else as `ordinary`.
    public var channels: [Channel: ChannelBehavior] {
        get {
            var channels: [Channel: ChannelBehavior] = [:]
            for channel in Channel.allCases { channels[channel] = explicit[channel] }
            return channels
        }
        set {
            explicit = ExplicitBehaviors()
            for (channel, behavior) in newValue { explicit[channel] = behavior }
        }
    }
    /// `channels`, held in the value itself: every send reads its channel's, and a lead in
    /// flight then has no dictionary of its own to allocate, hash and miss in the cache.
    private var explicit = ExplicitBehaviors()
    /// The channel the lead answers best on.
    public var preferredChannel: Channel?
    /// Chance that a delivered message makes the lead unsubscribe from its channel.
    public var unsubscribeProbability: Double
    /// Response chances are multiplied by this once per message sent to the lead before (every
    /// earlier message, however long ago): 0.85 means each one makes the next 15% less likely to
    /// be answered.
    public var fatigueFactor: Double
    /// Fatigue never takes a chance below this fraction of its rested value.
    public var fatigueFloor: Double
    /// Chance that a click or reply leads to a conversion (a `converted` event).
    public var conversionPropensity: Double
    /// Mean delay from that click or reply to the conversion, in seconds.
    public var meanConversionDelay: Double
    /// Chance that the lead converts on its own during a rotation, messages or not: the base
    /// rate a split's control group shows, without which simulated lift would be infinite.
    public var organicConversionProbability: Double
    /// Mean delay from entry to such a conversion, in seconds.
    public var meanOrganicConversionDelay: Double

    public init(
        channels: [Channel: ChannelBehavior] = [:], preferredChannel: Channel? = nil,
        unsubscribeProbability: Double = 0.01, fatigueFactor: Double = 0.9, fatigueFloor: Double = 0,
        conversionPropensity: Double = 0.05, meanConversionDelay: Double = 86_400,
        organicConversionProbability: Double = 0, meanOrganicConversionDelay: Double = 14 * 86_400
    ) {
        for (channel, behavior) in channels { explicit[channel] = behavior }
        self.preferredChannel = preferredChannel
        self.unsubscribeProbability = unsubscribeProbability
        self.fatigueFactor = fatigueFactor
        self.fatigueFloor = fatigueFloor
        self.conversionPropensity = conversionPropensity
        self.meanConversionDelay = meanConversionDelay
        self.organicConversionProbability = organicConversionProbability
        self.meanOrganicConversionDelay = meanOrganicConversionDelay
    }

    /// What fatigue leaves of a rested response chance after `earlierMessages` messages:
    /// `fatigueFactor^earlierMessages`, never below `fatigueFloor`.
    public func fatigue(afterMessages earlierMessages: Int) -> Double {
        max(PortableMath.power(max(fatigueFactor, 0), earlierMessages), fatigueFloor)
    }

    /// Sets (or, with nil, clears) the explicit behavior on `channel`: what `channels[channel]`
    /// sets, without building the dictionary.
    public mutating func setBehavior(_ behavior: ChannelBehavior?, on channel: Channel) {
        explicit[channel] = behavior
    }

    public func behavior(on channel: Channel) -> ChannelBehavior {
        if let explicit = explicit[channel] { return explicit }
        return channel == preferredChannel ? .preferred : .ordinary
    }

    /// A lead who prefers email, as most cohorts do.
    public static let typical = LeadBehavior(preferredChannel: .email)
}

/// A behavior per channel, or none, by channel: one stored field each.
private struct ExplicitBehaviors: Sendable, Hashable {
    var email: ChannelBehavior?
    var sms: ChannelBehavior?
    var chat: ChannelBehavior?

    subscript(channel: Channel) -> ChannelBehavior? {
        get {
            switch channel {
            case .email: email
            case .sms: sms
            case .chat: chat
            }
        }
        set {
            switch channel {
            case .email: email = newValue
            case .sms: sms = newValue
            case .chat: chat = newValue
            }
        }
    }
}
