import JourneyModel

/// How a synthetic cohort's leads respond, per segment: what the replay engine's simulator
/// answers with. Stored with the cohort (`cohorts.behavior_model`, JSON) and read back with
/// `Workspace.behaviorModel(ofCohort:)`; each lead carries its segment, preferred channel and
/// responsiveness (`leads.segment`, `preferred_channel`, `responsiveness`).
public struct BehaviorModel: Sendable, Hashable, Codable {
    public var profile: String
    public var segments: [String: SegmentBehavior]

    public init(profile: String, segments: [String: SegmentBehavior]) {
        self.profile = profile
        self.segments = segments
    }
}

public struct SegmentBehavior: Sendable, Hashable, Codable {
    /// Per channel: the chance a message is opened, clicked and replied to, and how soon.
    public var responses: [String: ChannelResponse]
    /// Response chances on a lead's preferred channel are multiplied by this.
    public var preferenceBoost: Double
    /// Each message already sent to the lead multiplies response chances by (1 − perMessage),
    /// never below `floor` of the original chance.
    public var fatiguePerMessage: Double
    public var fatigueFloor: Double

    public init(
        responses: [String: ChannelResponse], preferenceBoost: Double, fatiguePerMessage: Double,
        fatigueFloor: Double
    ) {
        self.responses = responses
        self.preferenceBoost = preferenceBoost
        self.fatiguePerMessage = fatiguePerMessage
        self.fatigueFloor = fatigueFloor
    }

    public func response(on channel: Channel) -> ChannelResponse? {
        responses[channel.rawValue]
    }

    /// The chance that `lead` responds (`.open`, `.click`, `.reply`) to a message on `channel`
    /// after `messagesBefore` earlier messages: the segment's rate × the lead's responsiveness ×
    /// the preference boost on its preferred channel × fatigue, capped at 1.
    public func probability(
        of kind: ResponseKind, on channel: Channel, for lead: LatentBehavior, messagesBefore: Int
    ) -> Double {
        guard let response = response(on: channel) else { return 0 }
        let base: Double
        switch kind {
        case .open: base = response.open
        case .click: base = response.click
        case .reply: base = response.reply
        }
        let boost = lead.preferredChannel == channel ? preferenceBoost : 1
        let fatigue = max(fatigueFloor, pow(1 - fatiguePerMessage, Double(max(0, messagesBefore))))
        return min(1, base * lead.responsiveness * boost * fatigue)
    }
}

public enum ResponseKind: String, Sendable, Hashable, Codable, CaseIterable {
    case open, click, reply
}

public struct ChannelResponse: Sendable, Hashable, Codable {
    public var open: Double
    public var click: Double
    public var reply: Double
    /// Median delay between a message and a response, in seconds.
    public var medianDelaySeconds: Int

    public init(open: Double, click: Double, reply: Double, medianDelaySeconds: Int) {
        self.open = open
        self.click = click
        self.reply = reply
        self.medianDelaySeconds = medianDelaySeconds
    }
}

private func pow(_ x: Double, _ y: Double) -> Double {
    // Integer powers by repeated squaring keep results identical on every platform's libm.
    var result = 1.0
    var base = x
    var exponent = Int(y)
    while exponent > 0 {
        if exponent & 1 == 1 { result *= base }
        base *= base
        exponent >>= 1
    }
    return result
}
