import Foundation
import JourneyModel

/// Chooses the channel for a `best` send by Thompson sampling: each reachable channel's
/// response rate has a Beta belief — the cohort prior updated with this lead's own sends and
/// responses — one rate is drawn from each, and the highest wins. Channels that answer get
/// chosen more; unexplored ones still get tried while their belief is wide.
enum ChannelChooser {
    /// Channels the lead can be messaged on now, in channel order.
    static func reachable(lead: Lead, history: [LeadEvent], at now: Date) -> [Channel] {
        Channel.allCases.filter {
            lead.consents.contains($0)
                && !DeliveryCoordinator.hasUnsubscribed(from: $0, history: history, at: now)
        }
    }

    static func choose(
        lead: Lead, history: [LeadEvent], at now: Date, priors: ChannelPriors, random: inout StableRandom
    ) -> Channel {
        let candidates = reachable(lead: lead, history: history, at: now)
        // Nothing reachable: any channel will do, the coordinator suppresses it with the reason.
        guard candidates.count > 1 else { return candidates.first ?? lead.consents.min() ?? .email }
        let evidence = self.evidence(in: history, at: now)
        var best = candidates[0]
        var bestDraw = -1.0
        for channel in candidates {
            let seen = evidence[channel] ?? (0, 0)
            let belief = priors.belief(for: channel).updated(sent: seen.sent, responses: seen.answered)
            let draw = random.beta(alpha: belief.alpha, beta: belief.beta)
            if draw > bestDraw {
                best = channel
                bestDraw = draw
            }
        }
        return best
    }

    /// Per channel: messages sent up to now, and how many of them were answered (opened,
    /// clicked or replied) before the next message on that channel.
    static func evidence(in history: [LeadEvent], at now: Date) -> [Channel: (sent: Int, answered: Int)] {
        let relevant = history.filter {
            $0.time <= now && $0.channel != nil
                && ($0.type == "sent" || KnownEvent.responses.contains($0.type))
        }.enumerated().sorted {
            $0.element.time != $1.element.time ? $0.element.time < $1.element.time : $0.offset < $1.offset
        }.map(\.element)
        var result: [Channel: (sent: Int, answered: Int)] = [:]
        var awaiting: Set<Channel> = []
        for event in relevant {
            guard let channel = event.channel else { continue }
            if event.type == "sent" {
                result[channel, default: (0, 0)].sent += 1
                awaiting.insert(channel)
            } else if awaiting.remove(channel) != nil {
                result[channel, default: (0, 0)].answered += 1
            }
        }
        return result
    }
}
