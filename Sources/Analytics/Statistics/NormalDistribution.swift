import Foundation

/// The standard normal distribution, for z-tests and confidence intervals.
public enum NormalDistribution {
    /// P(Z ≤ z).
    public static func cdf(_ z: Double) -> Double {
        0.5 * erfc(-z / 2.0.squareRoot())
    }

    /// Two-sided p-value of a z statistic: P(|Z| ≥ |z|).
    public static func twoSidedP(_ z: Double) -> Double {
        erfc(abs(z) / 2.0.squareRoot())
    }

    /// z for a two-sided 95% interval (the 97.5th percentile).
    public static let z95 = 1.959_963_984_540_054
}
