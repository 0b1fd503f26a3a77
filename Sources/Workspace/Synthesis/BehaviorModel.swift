import Foundation
import JourneyModel
import ReplayEngine

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
    /// Each earlier message to the lead multiplies response chances by (1 − perMessage), never
    /// below `fatigueFloor` of the rested chance.
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
    /// before any fatigue: the segment's rate × the lead's responsiveness × the preference
    /// boost on its preferred channel, capped at 1. Fatigue (`fatiguePerMessage`, `fatigueFloor`)
    /// is the engine's to apply, message by message: see `BehaviorModel.leadBehavior(for:)`.
    public func restedProbability(of kind: ResponseKind, on channel: Channel, for lead: LatentBehavior)
        -> Double
    {
        guard let response = response(on: channel) else { return 0 }
        return restedProbability(of: kind, in: response, on: channel, for: lead)
    }

    /// `restedProbability(of:on:for:)` with the channel's response already looked up.
    func restedProbability(
        of kind: ResponseKind, in response: ChannelResponse, on channel: Channel, for lead: LatentBehavior
    ) -> Double {
        let base: Double
        switch kind {
        case .open: base = response.open
        case .click: base = response.click
        case .reply: base = response.reply
        }
        let boost = lead.preferredChannel == channel ? preferenceBoost : 1
        return min(1, base * lead.responsiveness * boost)
    }
}

/// What a synthetic lead is like underneath: which segment's rates apply, the channel it
/// prefers, and how responsive it is compared with its segment (1 = typical). Stored per lead
/// (`leads.segment`, `preferred_channel`, `responsiveness`).
public struct LatentBehavior: Sendable, Hashable {
    public var segment: String
    public var preferredChannel: Channel
    public var responsiveness: Double

    public init(segment: String, preferredChannel: Channel, responsiveness: Double) {
        self.segment = segment
        self.preferredChannel = preferredChannel
        self.responsiveness = responsiveness
    }
}

extension BehaviorModel {
    /// A synthetic lead's latent traits as the engine's behavior: the one place a profile's
    /// description becomes what the simulator answers with. Profiles give each response's
    /// overall chance per message; the engine draws clicks and replies among opened messages,
    /// so those become click ÷ open and reply ÷ open. The profile's median delay becomes the
    /// mean of the engine's exponential delays (median = mean × ln 2). Fatigue carries over
    /// whole: each earlier message × (1 − per_message), never below the floor.
    public func leadBehavior(for latent: LatentBehavior) -> LeadBehavior? {
        guard let segment = segments[latent.segment] else { return nil }
        var behavior = LeadBehavior(
            preferredChannel: latent.preferredChannel,
            fatigueFactor: Swift.max(0, 1 - segment.fatiguePerMessage),
            fatigueFloor: segment.fatigueFloor)
        for channel in Channel.allCases {
            guard let response = segment.response(on: channel) else { continue }
            func chance(_ kind: ResponseKind) -> Double {
                segment.restedProbability(of: kind, in: response, on: channel, for: latent)
            }
            let open = chance(.open)
            behavior.setBehavior(
                ChannelBehavior(
                    openProbability: open,
                    clickProbability: open > 0 ? Swift.min(1, chance(.click) / open) : 0,
                    replyProbability: open > 0 ? Swift.min(1, chance(.reply) / open) : 0,
                    meanResponseDelay: Double(response.medianDelaySeconds) / M_LN2),
                on: channel)
        }
        return behavior
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
