import Foundation

/// SplitMix64: a tiny, fast generator with good statistics. Synthesis derives one per lead
/// from (seed, lead index), so a lead's values never depend on batch size or on other leads.
struct SeededRandom {
    private var state: UInt64

    init(seed: Int64, stream: UInt64) {
        state = UInt64(bitPattern: seed)
        state = Self.mix(state &+ 0x9E37_79B9_7F4A_7C15 &* (stream &+ 1))
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// Uniform in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    mutating func bernoulli(_ p: Double) -> Bool {
        unit() < p
    }

    /// Standard normal, by Box–Muller.
    mutating func normal() -> Double {
        let u1 = 1 - unit()  // (0, 1]: log stays finite
        let u2 = unit()
        return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
    }

    /// An index drawn with these cumulative weights (ascending, last = total).
    mutating func pick(cumulative: [Double]) -> Int {
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
}

extension Array where Element == Double {
    var cumulative: [Double] {
        var sum = 0.0
        return map {
            sum += $0
            return sum
        }
    }
}
