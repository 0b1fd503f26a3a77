/// Logarithm and exponential from + − × ÷ alone. Platform math libraries may differ in the
/// last bit of `log` or `exp`, and one bit can flip a draw; IEEE arithmetic cannot, so a
/// run gives the same records on every machine.
public enum PortableMath {
    static let ln2 = 0.693_147_180_559_945_309_417_232_121_458
    /// ln 2 in two parts (as in fdlibm): the high part has trailing zero bits, so k · ln2High
    /// is exact for the k these functions meet, and the low part carries the rest.
    static let ln2High = 6.931_471_803_691_238_164_90e-01
    static let ln2Low = 1.908_214_929_270_587_700_02e-10

    /// Natural logarithm of a positive finite number (−∞ for 0, NaN below).
    public static func log(_ x: Double) -> Double {
        guard x > 0 else { return x == 0 ? -.infinity : .nan }
        guard x.isFinite else { return x }
        // x = m · 2^e with m in [1, 2); then shift m to [√½, √2) so the series converges fast.
        var exponent = Double(x.exponent)
        var m = x.significand
        if m > 1.414_213_562_373_095 {
            m /= 2
            exponent += 1
        }
        // ln m = 2 atanh(z) = 2 (z + z³/3 + z⁵/5 + ...), z = (m − 1)/(m + 1), |z| < 0.18.
        let z = (m - 1) / (m + 1)
        let z2 = z * z
        var term = z
        var sum = 0.0
        var k = 1.0
        // z² < 0.03: fifteen terms leave an error far below one ulp.
        while k < 30 {
            sum += term / k
            term *= z2
            k += 2
        }
        return exponent * ln2High + (2 * sum + exponent * ln2Low)
    }

    /// e^x.
    public static func exp(_ x: Double) -> Double {
        guard x.isFinite else { return x > 0 ? x : 0 }
        if x > 709 { return .infinity }
        if x < -745 { return 0 }
        // e^x = 2^k · e^r with |r| ≤ ln2 / 2.
        let k = (x / ln2).rounded()
        let r = (x - k * ln2High) - k * ln2Low
        var term = 1.0
        var sum = 1.0
        // |r| < 0.35: twenty terms are exact to the last bit.
        for n in 1...20 {
            term *= r / Double(n)
            sum += term
        }
        return scaled(sum, byPowerOfTwo: Int(k))
    }

    /// cos x for a finite x of moderate size (|x| < 2^20 keeps the reduction exact enough; the
    /// generator asks for angles in [0, 2π)). NaN for a non-finite x.
    public static func cos(_ x: Double) -> Double {
        guard x.isFinite else { return .nan }
        // x = k · π/2 + r with |r| ≤ π/4, π/2 in three parts (as in fdlibm) so r stays exact.
        let k = (x * twoOverPi).rounded()
        let r = ((x - k * halfPiHigh) - k * halfPiMiddle) - k * halfPiLow
        switch Int(k.truncatingRemainder(dividingBy: 4) + 4) % 4 {
        case 0: return cosine(r)
        case 1: return -sine(r)
        case 2: return -cosine(r)
        default: return sine(r)
        }
    }

    static let twoOverPi = 0.636_619_772_367_581_343_075_535_053_490_057_448
    static let halfPiHigh = 1.570_796_326_734_125_614_17e+00
    static let halfPiMiddle = 6.077_100_506_303_965_976_60e-11
    static let halfPiLow = 2.022_266_248_795_950_631_54e-21

    /// cos r for |r| ≤ π/4 by its series, summed from the smallest term up.
    private static func cosine(_ r: Double) -> Double {
        let r2 = r * r
        var sum = 0.0
        // Terms r^(2n) / (2n)! for n = 12 down to 1: the last kept is below 1e-20.
        for n in stride(from: 12, through: 1, by: -1) {
            sum = (sum - 1) * r2 / Double((2 * n) * (2 * n - 1))
            sum = -sum
        }
        return 1 - sum
    }

    /// sin r for |r| ≤ π/4 by its series.
    private static func sine(_ r: Double) -> Double {
        let r2 = r * r
        var sum = 0.0
        for n in stride(from: 12, through: 1, by: -1) {
            sum = (sum - 1) * r2 / Double((2 * n + 1) * (2 * n))
            sum = -sum
        }
        return r * (1 - sum)
    }

    /// base^n for a whole n ≥ 0, by repeated squaring.
    public static func power(_ base: Double, _ n: Int) -> Double {
        var result = 1.0
        var factor = base
        var exponent = max(n, 0)
        while exponent > 0 {
            if exponent & 1 == 1 { result *= factor }
            factor *= factor
            exponent >>= 1
        }
        return result
    }

    /// x · 2^k, exactly (in steps, so subnormal results round once as IEEE does).
    private static func scaled(_ x: Double, byPowerOfTwo k: Int) -> Double {
        var result = x
        var remaining = k
        while remaining > 1000 {
            result *= 0x1p1000
            remaining -= 1000
        }
        while remaining < -1000 {
            result *= 0x1p-1000
            remaining += 1000
        }
        return result * Double(sign: .plus, exponent: remaining, significand: 1)
    }
}
