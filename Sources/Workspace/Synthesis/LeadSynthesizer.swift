import Foundation
import JourneyModel
import ReplayEngine

/// Draws synthetic leads from a profile. Lead `i` depends only on (profile, seed, i), so the
/// same inputs give the same cohort whatever the batch size or order of generation.
struct LeadSynthesizer {
    let profile: SynthesisProfile
    let seed: Int64
    let size: Int
    private let segmentCumulative: [Double]
    private let plans: [SegmentPlan]
    private let idWidth: Int
    private let stateCumulative: [Double]
    private let zoneCumulative: [Double]

    /// A segment's draws, precomputed once.
    private struct SegmentPlan {
        var segment: SynthesisProfile.Segment
        var choiceCumulative: [[Double]]
        var preferredCumulative: [Double]
        /// Property indexes in key order with their JSON key text (`"plan":`), so each lead's
        /// properties are written as canonical JSON without a dictionary or a sort.
        var keyOrder: [(index: Int, key: String)]
        /// Where the property giving the time zone is, for `from_state`.
        var stateIndex: Int?
    }

    init(profile: SynthesisProfile, seed: Int64, size: Int) {
        self.profile = profile
        self.seed = seed
        self.size = size
        segmentCumulative = profile.segments.map(\.weight).cumulative
        plans = profile.segments.map { segment in
            SegmentPlan(
                segment: segment,
                choiceCumulative: segment.properties.map {
                    if case .choice(_, let weights) = $0.distribution { return weights.cumulative }
                    return []
                },
                preferredCumulative: segment.preferredChannel.map(\.1).cumulative,
                keyOrder: segment.properties.enumerated().sorted { $0.element.name < $1.element.name }.map {
                    (index: $0.offset, key: JSONText.encode(JSON.string($0.element.name)) + ":")
                },
                stateIndex: {
                    guard case .fromState(let property) = profile.timeZone else { return nil }
                    return segment.properties.firstIndex { $0.name == property }
                }())
        }
        idWidth = max(6, String(size).count)
        stateCumulative = USStates.all.map(\.population).cumulative
        if case .choice(_, let weights) = profile.timeZone {
            zoneCumulative = weights.cumulative
        } else {
            zoneCumulative = []
        }
    }

    func lead(_ index: Int) -> LeadRow {
        var random = StableRandom(seed: seed, stream: UInt64(index))
        let plan = plans[random.pick(cumulative: segmentCumulative)]
        let segment = plan.segment
        // Stratified over the period: lead i falls, uniformly, in the i-th of `size` equal slices.
        // The spread is uniform as a whole, and leads come out in creation order, so the entry
        // order index grows at its end instead of being rewritten all over.
        let span = Double(profile.createdTo - profile.createdFrom)
        let slice = (Double(index) + random.unit()) / Double(size)
        let createdAt = profile.createdFrom + Int64((slice * span).rounded(.down))
        var values: [Value] = []
        values.reserveCapacity(segment.properties.count)
        for (i, property) in segment.properties.enumerated() {
            values.append(draw(property.distribution, cumulative: plan.choiceCumulative[i], &random))
        }
        var propertiesJSON = "{"
        propertiesJSON.reserveCapacity(24 * values.count)
        for (position, entry) in plan.keyOrder.enumerated() {
            if position > 0 { propertiesJSON += "," }
            propertiesJSON += entry.key
            JSONText.write(values[entry.index], into: &propertiesJSON)
        }
        propertiesJSON += "}"
        let zone: String
        switch profile.timeZone {
        case .fixed(let name): zone = name
        case .fromState:
            zone = plan.stateIndex.flatMap { values[$0].string }.flatMap { USStates.zoneByCode[$0] } ?? "UTC"
        case .choice(let zones, _): zone = zones[random.pick(cumulative: zoneCumulative)]
        }
        var consents = Set<Channel>()
        for channel in Channel.allCases where random.chance(segment.consent[channel] ?? 0) {
            consents.insert(channel)
        }
        let preferred = segment.preferredChannel[random.pick(cumulative: plan.preferredCumulative)].0
        let spread = profile.responsivenessSpread
        // Log-normal with mean 1: some leads answer everything, most answer little.
        let responsiveness = PortableMath.exp(spread * random.boxMullerNormal() - spread * spread / 2)
        let number = String(index + 1)
        let id = profile.leadIDPrefix + String(repeating: "0", count: max(0, idWidth - number.count)) + number
        return LeadRow(
            id: id, createdAt: createdAt, timeZone: zone, consents: consents,
            propertiesJSON: propertiesJSON, segment: segment.name, preferredChannel: preferred,
            responsiveness: (responsiveness * 10_000).rounded() / 10_000)
    }

    private func draw(
        _ distribution: PropertyDistribution, cumulative: [Double], _ random: inout StableRandom
    )
        -> Value
    {
        switch distribution {
        case .constant(let value): return value
        case .choice(let values, _): return values[random.pick(cumulative: cumulative)]
        case .uniform(let low, let high, let integer):
            if integer {
                let count = Int(high.rounded(.down)) - Int(low.rounded(.up)) + 1
                return .number(Double(Int(low.rounded(.up)) + Int(random.unit() * Double(max(1, count)))))
            }
            return .number(((low + random.unit() * (high - low)) * 100).rounded() / 100)
        case .normal(let mean, let sd, let low, let high, let integer):
            var x = mean + sd * random.boxMullerNormal()
            if let low { x = max(low, x) }
            if let high { x = min(high, x) }
            return .number(integer ? x.rounded() : (x * 100).rounded() / 100)
        case .usState(let byPopulation):
            let index =
                byPopulation
                ? random.pick(cumulative: stateCumulative) : Int(random.unit() * Double(USStates.all.count))
            return .string(USStates.all[index].code)
        case .flag(let p): return .bool(random.chance(p))
        }
    }
}

extension Array where Element == Double {
    /// Running totals, for `StableRandom.pick(cumulative:)`.
    var cumulative: [Double] {
        var sum = 0.0
        return map {
            sum += $0
            return sum
        }
    }
}
