/// SplitMix64, the one generator of cairn, in portable arithmetic (`PortableMath`), so the same
/// seed gives the same draws on every machine. The engine derives one per draw from the draw's
/// coordinates — seed, lead, node, attempt and purpose — and never from shared state: a lead's
/// randomness is the same whatever other leads exist, however they are batched, in whatever
/// order they are processed. Synthesis derives one per lead from (seed, lead index).
public struct StableRandom: RandomNumberGenerator {
    private var state: UInt64

    static let golden: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The generator of synthetic lead `stream` in a cohort drawn with `seed`.
    public init(seed: Int64, stream: UInt64) {
        // The state is the mixed (seed, stream) one step ahead: the draws are those synthesis
        // has always made, so stored profiles and seeds keep giving the same cohorts.
        state =
            Self.finalize(UInt64(bitPattern: seed) &+ Self.golden &* (stream &+ 1) &+ Self.golden)
            &+ Self.golden
    }

    init(seed: UInt64, lead: String, node: String, attempt: Int, purpose: DrawPurpose) {
        self.init(lead: Self.leadHash(seed: seed, lead: lead), node: node, attempt: attempt, purpose: purpose)
    }

    /// The same draw from `leadHash(seed:lead:)`, which a lead's draws share: hashed once.
    init(lead leadHash: StableHash, node: String, attempt: Int, purpose: DrawPurpose) {
        var hash = leadHash
        hash.combine(node)
        hash.combine(UInt64(bitPattern: Int64(attempt)))
        hash.combine(purpose.rawValue)
        state = hash.value
    }

    /// The hash of a draw's first coordinates, the seed and the lead.
    static func leadHash(seed: UInt64, lead: String) -> StableHash {
        var hash = StableHash()
        hash.combine(seed)
        hash.combine(lead)
        return hash
    }

    /// SplitMix64: tiny, fast, and good enough for simulation draws.
    public mutating func next() -> UInt64 {
        state &+= Self.golden
        return Self.finalize(state)
    }

    /// SplitMix64's output function.
    static func finalize(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// An index drawn with these cumulative weights (ascending, last = total).
    public mutating func pick(cumulative: [Double]) -> Int {
        let total = cumulative.last ?? 0
        let x = unit() * total
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulative[mid] > x { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// Standard normal by Box–Muller: always two draws, which synthesis relies on (a lead's
    /// later values do not move when an earlier one's distribution changes).
    public mutating func boxMullerNormal() -> Double {
        let u1 = 1 - unit()  // (0, 1]: log stays finite
        let u2 = unit()
        return (-2 * PortableMath.log(u1)).squareRoot() * PortableMath.cos(2 * Double.pi * u2)
    }

    /// Exponential with the given mean.
    mutating func exponential(mean: Double) -> Double {
        Self.exponential(mean: mean, unit: unit())
    }

    /// The exponential draw of mean `mean` that the unit draw `unit` stands for: a draw can be
    /// taken in its turn and made a duration only when it is used.
    static func exponential(mean: Double, unit: Double) -> Double {
        -mean * PortableMath.log(1 - unit)
    }

    /// Standard normal, by Marsaglia's polar method (no trigonometry, so no platform math).
    mutating func normal() -> Double {
        while true {
            let u = 2 * unit() - 1
            let v = 2 * unit() - 1
            let s = u * u + v * v
            guard s > 0, s < 1 else { continue }
            return u * (-2 * PortableMath.log(s) / s).squareRoot()
        }
    }

    /// Gamma(shape, 1) by Marsaglia and Tsang; shapes below 1 through the boost
    /// Gamma(a) = Gamma(a + 1) · U^(1/a).
    mutating func gamma(shape: Double) -> Double {
        if shape < 1 {
            let boosted = gamma(shape: shape + 1)
            return boosted * PortableMath.exp(PortableMath.log(max(unit(), 0x1p-53)) / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = normal()
            let v0 = 1 + c * x
            guard v0 > 0 else { continue }
            let v = v0 * v0 * v0
            let u = unit()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if PortableMath.log(max(u, 0x1p-53)) < 0.5 * x * x + d * (1 - v + PortableMath.log(v)) {
                return d * v
            }
        }
    }

    /// Beta(alpha, beta) as a ratio of gammas.
    mutating func beta(alpha: Double, beta: Double) -> Double {
        let x = gamma(shape: alpha)
        let y = gamma(shape: beta)
        return x + y > 0 ? x / (x + y) : 0.5
    }
}

/// What a draw is for, so two draws at the same coordinates stay independent.
enum DrawPurpose: String {
    case split
    case bestChannel = "best"
    case response
    case webhook
    case organicConversion = "organic"
}

/// FNV-1a over the bytes of each part, with a separator so ("ab", "c") and ("a", "bc") differ.
struct StableHash {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func combine(_ byte: UInt8) {
        value ^= UInt64(byte)
        value &*= 0x0000_0100_0000_01B3
    }

    mutating func combine(_ number: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) {
            combine(UInt8(truncatingIfNeeded: number >> UInt64(shift)))
        }
        combine(UInt8(0xFF))
    }

    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes { combine(byte) }
        }
        combine(UInt8(0xFF))
    }
}
