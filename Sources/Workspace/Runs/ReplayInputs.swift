import Foundation
import JourneyModel
import ReplayEngine

extension Agent {
    /// This agent as the engine routes handoffs to it. An agent without working hours is
    /// available around the clock.
    public var replayProfile: AgentProfile {
        AgentProfile(
            id: id, name: name, kind: kind, channels: Set(channels), expertise: Set(expertise),
            capacity: capacity,
            workingHours: workingHours.map {
                ReplayEngine.WorkingHours(
                    from: $0.from, to: $0.to, days: Set($0.days), timeZoneIdentifier: timeZone)
            } ?? .always)
    }
}

extension BehaviorModel {
    /// A synthetic lead's latent traits as the engine's behaviour. Profiles give each response's
    /// overall chance per message; the engine draws clicks and replies among opened messages,
    /// so those become click ÷ open and reply ÷ open. The profile's median delay becomes the
    /// mean of the engine's exponential delays (median = mean × ln 2).
    public func replayBehaviour(for latent: LatentBehavior) -> LeadBehaviour? {
        guard let segment = segments[latent.segment] else { return nil }
        var channels: [Channel: ChannelBehaviour] = [:]
        for channel in Channel.allCases {
            guard let response = segment.response(on: channel) else { continue }
            func chance(_ kind: ResponseKind) -> Double {
                segment.probability(of: kind, on: channel, for: latent, messagesBefore: 0)
            }
            let open = chance(.open)
            channels[channel] = ChannelBehaviour(
                openProbability: open, clickProbability: open > 0 ? Swift.min(1, chance(.click) / open) : 0,
                replyProbability: open > 0 ? Swift.min(1, chance(.reply) / open) : 0,
                meanResponseDelay: Double(response.medianDelaySeconds) / M_LN2)
        }
        return LeadBehaviour(
            channels: channels, preferredChannel: latent.preferredChannel,
            fatigueFactor: Swift.max(0, 1 - segment.fatiguePerMessage))
    }
}
