/// Whether a split's assignment matches its configured weights. Mismatch is flagged at
/// p < 0.001, the usual threshold: at that level a healthy split warns once in a thousand runs.
public struct SampleRatioCheck: Sendable, Hashable, Codable {
    public var test: ChiSquareTest?
    public static let threshold = 0.001

    public init(observed: [Int], weights: [Double]) {
        test = ChiSquareTest(observed: observed, weights: weights)
    }

    public var isMismatch: Bool { (test?.pValue ?? 1) < Self.threshold }

    public var message: String {
        guard let test else { return "too few leads to check the split" }
        let p = TwoProportionTest.pText(test.pValue)
        return isMismatch
            ? "sample ratio mismatch: assignment does not match the weights (χ² = \(Self.format(test.statistic)), p = \(p)); check the split before trusting its results"
            : "assignment matches the weights (p = \(p))"
    }

    static func format(_ x: Double) -> String { String(format: "%.2f", x) }
}
