import Foundation
import Testing

@testable import Analytics

/// Whole rendered reports compared with golden files; `SNAPSHOT_UPDATE=1` rewrites them.
@Suite struct ReportRenderingTests {
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Goldens")

    func matchesGolden(_ text: String, _ name: String) throws -> Bool {
        let url = Self.goldens.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SNAPSHOT_UPDATE"] == "1" {
            try Data(text.utf8).write(to: url)
            return true
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? "(missing golden \(name))"
        if expected != text {
            let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let b = text.split(separator: "\n", omittingEmptySubsequences: false)
            for index in 0..<max(a.count, b.count)
            where (index < a.count ? a[index] : "") != (index < b.count ? b[index] : "") {
                print(
                    "golden \(name) line \(index + 1):\n- \(index < a.count ? a[index] : "")\n+ \(index < b.count ? b[index] : "")"
                )
            }
        }
        return expected == text
    }

    @Test func textReport() throws {
        let fixture = try ReportFixture()
        let report = try RunReportBuilder.build(fixture.workspace, run: 1)
        #expect(try matchesGolden(ReportTextRenderer.render(report), "report-run1.txt"))
        let ab = try RunReportBuilder.build(fixture.workspace, run: 2)
        #expect(try matchesGolden(ReportTextRenderer.splits(ab.splits), "report-run2-ab.txt"))
    }

    @Test func csvReport() throws {
        let fixture = try ReportFixture()
        let report = try RunReportBuilder.build(fixture.workspace, run: 1)
        #expect(try matchesGolden(ReportCSVRenderer.render(report), "report-run1.csv"))
    }

    @Test func comparison() throws {
        let fixture = try ReportFixture()
        let a = try RunReportBuilder.build(fixture.workspace, run: 1)
        let b = try RunReportBuilder.build(fixture.workspace, run: 2)
        let comparison = RunComparison(first: a, second: b)
        let entries = try #require(comparison.rows.first { $0.figure == "entries" })
        #expect(entries.first == 20 && entries.second == 2000 && entries.difference == 1980)
        let rate = try #require(comparison.rows.first { $0.figure == "conversion rate" })
        #expect(rate.difference == 0.1205 - 0.4)
        #expect(try matchesGolden(ComparisonTextRenderer.render(comparison), "compare-run1-run2.txt"))
    }

    @Test func csvEscaping() {
        #expect(ReportCSVRenderer.escape("plain") == "plain")
        #expect(ReportCSVRenderer.escape("a, b") == "\"a, b\"")
        #expect(ReportCSVRenderer.escape("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(ReportCSVRenderer.number(0.125) == "0.125" && ReportCSVRenderer.number(3) == "3")
    }

    @Test func formats() {
        #expect(ReportFormat.count(1_234_567) == "1,234,567" && ReportFormat.count(-1000) == "-1,000")
        #expect(ReportFormat.duration(45) == "45s" && ReportFormat.duration(90) == "1m 30s")
        #expect(
            ReportFormat.duration(3600 * 3 + 1200) == "3h 20m"
                && ReportFormat.duration(86_400 * 2 + 3600 * 4) == "2d 4h")
        #expect(ReportFormat.bar(1, of: 2, width: 4) == "██" && ReportFormat.bar(1, of: 16, width: 2) == "▏")
        #expect(ReportFormat.percent(0.1234) == "12.3%" && ReportFormat.points(-0.041) == "-4.1 pts")
    }
}
