import JourneyModel

/// A behavior profile (`sample-journeys/cohorts/*.profile.yaml`): what kinds of leads a
/// synthetic cohort has, in what proportions, and how each kind behaves.
public struct SynthesisProfile: Sendable, Hashable {
    public var name: String
    public var description: String?
    public var leadIDPrefix: String
    /// Leads are created uniformly over [from, to), in epoch seconds.
    public var createdFrom: Int64
    public var createdTo: Int64
    public var timeZone: TimeZoneRule
    /// Standard deviation of log(responsiveness); responsiveness has mean 1.
    public var responsivenessSpread: Double
    public var segments: [Segment]

    public struct Segment: Sendable, Hashable {
        public var name: String
        public var weight: Double
        /// In file order, so generation is stable.
        public var properties: [(name: String, distribution: PropertyDistribution)]
        public var consent: [Channel: Double]
        public var preferredChannel: [(Channel, Double)]
        public var behavior: SegmentBehavior

        public static func == (a: Segment, b: Segment) -> Bool {
            a.name == b.name && a.weight == b.weight && a.properties.map(\.name) == b.properties.map(\.name)
                && a.properties.map(\.distribution) == b.properties.map(\.distribution)
                && a.consent == b.consent
                && a.preferredChannel.map(\.0) == b.preferredChannel.map(\.0)
                && a.preferredChannel.map(\.1) == b.preferredChannel.map(\.1) && a.behavior == b.behavior
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(name)
            hasher.combine(weight)
        }
    }

    public enum TimeZoneRule: Sendable, Hashable {
        case fixed(String)
        /// The zone of the US state in this property (which must use `us_state`).
        case fromState(property: String)
        case choice([String], weights: [Double])
    }
}

/// How one property's values are drawn.
public enum PropertyDistribution: Sendable, Hashable {
    case constant(Value)
    case choice([Value], weights: [Double])
    case uniform(low: Double, high: Double, integer: Bool)
    case normal(mean: Double, sd: Double, min: Double?, max: Double?, integer: Bool)
    /// A US state code, weighted by population (2020 census) or uniformly.
    case usState(byPopulation: Bool)
    /// True with this probability.
    case flag(Double)
}
