import Foundation

/// Compares a variant's conversion rate with a baseline's: the difference, the relative lift,
/// a 95% confidence interval of the difference (unpooled Wald), and the two-sided p-value of
/// the pooled two-proportion z-test.
public struct TwoProportionTest: Sendable, Hashable, Codable {
    public var baselineRate: Double
    public var variantRate: Double
    /// variant − baseline, as a proportion (0.041 is 4.1 points).
    public var difference: Double
    /// difference ÷ baseline rate; nil when the baseline converts nobody.
    public var relativeLift: Double?
    public var lower95: Double
    public var upper95: Double
    /// nil when the test cannot be computed (no leads on a side, or nobody or everybody converts).
    public var z: Double?
    public var pValue: Double?

    public init(baseline: (leads: Int, conversions: Int), variant: (leads: Int, conversions: Int)) {
        let n1 = Double(baseline.leads)
        let n2 = Double(variant.leads)
        let p1 = n1 > 0 ? Double(baseline.conversions) / n1 : 0
        let p2 = n2 > 0 ? Double(variant.conversions) / n2 : 0
        baselineRate = p1
        variantRate = p2
        difference = p2 - p1
        relativeLift = p1 > 0 ? (p2 - p1) / p1 : nil
        let standardError = n1 > 0 && n2 > 0 ? (p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2).squareRoot() : 0
        lower95 = difference - NormalDistribution.z95 * standardError
        upper95 = difference + NormalDistribution.z95 * standardError
        let pooled = n1 + n2 > 0 ? Double(baseline.conversions + variant.conversions) / (n1 + n2) : 0
        let pooledError =
            (pooled * (1 - pooled) * (n1 > 0 ? 1 / n1 : 0) + pooled * (1 - pooled) * (n2 > 0 ? 1 / n2 : 0))
            .squareRoot()
        if n1 > 0, n2 > 0, pooledError > 0 {
            let z = difference / pooledError
            self.z = z
            pValue = NormalDistribution.twoSidedP(z)
        } else {
            z = nil
            pValue = nil
        }
    }

    /// Significant at the 5% level.
    public var isSignificant: Bool { (pValue ?? 1) < 0.05 }

    /// "B converts 4.1 pts better, p = 0.003" or "not enough evidence yet".
    public func verdict(variant: String, baseline: String) -> String {
        guard let pValue, isSignificant else { return "not enough evidence yet" }
        let points = Self.points(abs(difference))
        let direction = difference >= 0 ? "better" : "worse"
        return "\(variant) converts \(points) pts \(direction) than \(baseline), p = \(Self.pText(pValue))"
    }

    /// A proportion as percentage points with one decimal: 0.041 → "4.1".
    static func points(_ proportion: Double) -> String {
        String(format: "%.1f", proportion * 100)
    }

    /// p-values as people read them: `0.003`, `0.04`, `< 0.001`.
    public static func pText(_ p: Double) -> String {
        if p < 0.001 { return "< 0.001" }
        if p < 0.01 { return String(format: "%.3f", p) }
        return String(format: "%.2f", p)
    }
}
