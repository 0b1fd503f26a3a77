import ReplayEngine
import Testing
import Workspace

@testable import Analytics

/// Expected values were computed independently with SciPy 1.17.1 on this machine:
/// `scipy.stats.norm.sf`, `scipy.stats.chi2.sf` and `scipy.stats.chisquare`, and the
/// two-proportion formulas written out by hand in Python (pooled z, unpooled Wald interval).
@Suite struct StatisticsTests {
    func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test func nearestRankEdgeCases() {
        #expect(Percentile.nearestRank([Int](), 50) == nil)
        #expect(Percentile.nearestRank([7], 0) == 7)
        #expect(Percentile.nearestRank([7], 50) == 7)
        #expect(Percentile.nearestRank([7], 100) == 7)
        // Two values: p50 is the first (rank ⌈1⌉ = 1), p51 the second (rank ⌈1.02⌉ = 2).
        #expect(Percentile.nearestRank([1, 9], 50) == 1)
        #expect(Percentile.nearestRank([1, 9], 51) == 9)
        #expect(Percentile.nearestRank([4, 4, 4, 4], 90) == 4)
        // 1...10: p90 is rank 9, p99 rank ⌈9.9⌉ = 10, p10 rank 1.
        let ten = Array(1...10)
        #expect(Percentile.nearestRank(ten, 90) == 9)
        #expect(Percentile.nearestRank(ten, 99) == 10)
        #expect(Percentile.nearestRank(ten, 10) == 1)
        #expect(Percentile.nearestRank(ten, 0) == 1)
    }

    @Test func dwellSummary() {
        let summary = DwellSummary(seconds: [3600, 60, 86_400, 60, 7200])
        #expect(summary.count == 5)
        #expect(summary.mean == 19_464)
        #expect(summary.p50 == 3600)
        #expect(summary.p90 == 86_400)
        #expect(summary.p99 == 86_400)
        #expect(summary.max == 86_400)
        let empty = DwellSummary(seconds: [])
        #expect(empty.count == 0 && empty.mean == nil && empty.p50 == nil && empty.max == nil)
    }

    @Test func histogramBuckets() {
        let histogram = DurationHistogram(seconds: [
            0, 59, 60, 299, 3600, 86_399, 86_400, 2_592_000, 9_999_999,
        ])
        #expect(
            histogram.buckets.map(\.label) == [
                "< 1m", "1m–5m", "5m–15m", "15m–1h", "1h–6h", "6h–1d", "1d–2d", "2d–7d", "7d–30d", "≥ 30d",
            ])
        #expect(histogram.buckets.map(\.count) == [2, 2, 0, 0, 1, 1, 1, 0, 0, 2])
    }

    @Test func twoProportionSignificant() {
        let test = TwoProportionTest(baseline: (1000, 100), variant: (1000, 141))
        #expect(close(test.difference, 0.041))
        #expect(close(test.relativeLift, 0.41))
        #expect(close(test.z, 2.8161605702660357))
        #expect(close(test.pValue, 0.004860136923120184, 1e-7))
        #expect(close(test.lower95, 0.0125218514512245))
        #expect(close(test.upper95, 0.06947814854877546))
        #expect(test.verdict(variant: "B", baseline: "A") == "B converts 4.1 pts better than A, p = 0.005")
    }

    @Test func twoProportionNotSignificant() {
        let test = TwoProportionTest(baseline: (2000, 300), variant: (1900, 290))
        #expect(close(test.z, 0.22924533272311923))
        #expect(close(test.pValue, 0.8186782401756489, 1e-7))
        #expect(close(test.lower95, -0.019871432171689695))
        #expect(close(test.upper95, 0.025134590066426554))
        #expect(test.verdict(variant: "B", baseline: "A") == "not enough evidence yet")
        let worse = TwoProportionTest(baseline: (50, 5), variant: (50, 4))
        #expect(close(worse.pValue, 0.7267678061991004, 1e-7))
        #expect(close(worse.lower95, -0.13211268109054916))
    }

    @Test func twoProportionDegenerate() {
        let nobody = TwoProportionTest(baseline: (100, 0), variant: (100, 0))
        #expect(nobody.pValue == nil && nobody.relativeLift == nil)
        #expect(nobody.verdict(variant: "B", baseline: "A") == "not enough evidence yet")
        let empty = TwoProportionTest(baseline: (0, 0), variant: (10, 5))
        #expect(empty.pValue == nil)
    }

    @Test func chiSquareUpperTail() {
        #expect(
            close(ChiSquareTest.upperTail(3.841458820694124, degreesOfFreedom: 1), 0.04999999999999989, 1e-9))
        #expect(close(ChiSquareTest.upperTail(10, degreesOfFreedom: 3), 0.01856613546304325, 1e-9))
        #expect(close(ChiSquareTest.upperTail(100, degreesOfFreedom: 50), 3.454931382984871e-05, 1e-8))
        #expect(close(ChiSquareTest.upperTail(0.5, degreesOfFreedom: 4), 0.9735009788392561, 1e-9))
        #expect(close(ChiSquareTest.upperTail(40.5, degreesOfFreedom: 2), 1.6052280551856135e-09, 1e-8))
        #expect(close(ChiSquareTest.upperTail(0.001, degreesOfFreedom: 1), 0.9747728793699604, 1e-9))
    }

    @Test func sampleRatioMismatch() {
        let skewed = SampleRatioCheck(observed: [5210, 4790], weights: [50, 50])
        #expect(close(skewed.test?.statistic, 17.64))
        #expect(close(skewed.test?.pValue, 2.6691498031812692e-05, 1e-8))
        #expect(skewed.isMismatch)
        #expect(
            skewed.message.hasPrefix(
                "sample ratio mismatch: assignment does not match the weights (χ² = 17.64, p = < 0.001)"))

        let healthy = SampleRatioCheck(observed: [4900, 5100], weights: [50, 50])
        #expect(close(healthy.test?.pValue, 0.04550026389635857, 1e-9))
        #expect(!healthy.isMismatch)

        let threeWay = SampleRatioCheck(observed: [300, 250, 50], weights: [45, 45, 10])
        #expect(close(threeWay.test?.statistic, 6.481481481481482))
        #expect(close(threeWay.test?.pValue, 0.03913489554822149, 1e-9))
        #expect(threeWay.test?.degreesOfFreedom == 2)

        #expect(SampleRatioCheck(observed: [0, 0], weights: [50, 50]).test == nil)
        #expect(
            SampleRatioCheck(observed: [10], weights: [100]).message == "too few leads to check the split")
    }
}
