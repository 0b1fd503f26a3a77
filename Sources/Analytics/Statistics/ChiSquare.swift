import Foundation

/// The chi-square goodness-of-fit test, used to check that a split assigned leads in the
/// proportions it was configured with (a sample-ratio mismatch means assignment is broken).
public struct ChiSquareTest: Sendable, Hashable, Codable {
    public var statistic: Double
    public var degreesOfFreedom: Int
    public var pValue: Double

    /// Observed counts against expected weights (any positive scale; normalised here).
    /// nil when fewer than two categories have weight or nothing was observed.
    public init?(observed: [Int], weights: [Double]) {
        guard observed.count == weights.count else { return nil }
        let total = Double(observed.reduce(0, +))
        let weightSum = weights.reduce(0, +)
        let used = zip(observed, weights).filter { $0.1 > 0 }
        guard total > 0, weightSum > 0, used.count >= 2 else { return nil }
        var statistic = 0.0
        for (count, weight) in used {
            let expected = total * weight / weightSum
            statistic += (Double(count) - expected) * (Double(count) - expected) / expected
        }
        self.statistic = statistic
        degreesOfFreedom = used.count - 1
        pValue = Self.upperTail(statistic, degreesOfFreedom: degreesOfFreedom)
    }

    /// P(X ≥ x) for X ~ χ²(k): the regularised upper incomplete gamma Q(k/2, x/2).
    public static func upperTail(_ x: Double, degreesOfFreedom k: Int) -> Double {
        guard x > 0 else { return 1 }
        return IncompleteGamma.upperRegularized(a: Double(k) / 2, x: x / 2)
    }
}

/// The regularised incomplete gamma functions, by series below a + 1 and by Lentz's
/// continued fraction above (Numerical Recipes §6.2); accurate to about 1e-12.
enum IncompleteGamma {
    static func upperRegularized(a: Double, x: Double) -> Double {
        if x < a + 1 { return 1 - lowerSeries(a: a, x: x) }
        return upperContinuedFraction(a: a, x: x)
    }

    private static func lowerSeries(a: Double, x: Double) -> Double {
        var term = 1 / a
        var sum = term
        var n = a
        for _ in 0..<10_000 {
            n += 1
            term *= x / n
            sum += term
            if abs(term) < abs(sum) * 1e-15 { break }
        }
        return sum * exp(-x + a * log(x) - lgamma(a))
    }

    private static func upperContinuedFraction(a: Double, x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1...10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return exp(-x + a * log(x) - lgamma(a)) * h
    }
}
