import Foundation

/// A report (or a comparison of two) as a file: the text, CSV or JSON that `cairn report`
/// prints, written whole or not at all. The command line and the dashboard's export share it,
/// so a file exported from the studio reads the same as `cairn report -o`.
public enum ReportExport {
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case text, csv, json

        /// The format a file name asks for: `.csv`, `.json`, else text.
        public init(path: String) {
            let lowered = path.lowercased()
            if lowered.hasSuffix(".csv") {
                self = .csv
            } else if lowered.hasSuffix(".json") {
                self = .json
            } else {
                self = .text
            }
        }
    }

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// A comparison has no CSV form.
        case comparisonAsCSV
        case cannotEncode(String)
        case cannotWrite(path: String, reason: String)

        public var description: String {
            switch self {
            case .comparisonAsCSV: return "a comparison of two runs is written as text or json, not csv"
            case .cannotEncode(let reason): return "cannot encode the report as JSON: \(reason)"
            case .cannotWrite(let path, let reason): return "cannot write \(path): \(reason)"
            }
        }
    }

    public static func render(_ report: RunReport, as format: Format) throws(Failure) -> String {
        switch format {
        case .text: return ReportTextRenderer.render(report)
        case .csv: return ReportCSVRenderer.render(report)
        case .json: return try json(report) + "\n"
        }
    }

    public static func render(_ comparison: RunComparison, as format: Format) throws(Failure) -> String {
        switch format {
        case .text: return ComparisonTextRenderer.render(comparison)
        case .csv: throw .comparisonAsCSV
        case .json: return try json(comparison) + "\n"
        }
    }

    /// Pretty JSON with sorted keys, so scripts and diffs are stable.
    public static func json<T: Encodable>(_ value: T) throws(Failure) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw .cannotEncode("\(error)")
        }
    }

    /// Writes `text` to `path` atomically: a reader sees the old file or the whole new one.
    public static func write(_ text: String, to path: String) throws(Failure) {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .cannotWrite(path: path, reason: error.localizedDescription)
        }
    }
}
