import Foundation
import GRDB

/// The span a run covered, kept in `runs.options` as `{"span": {...}}` (snake-case keys).
public enum RunSpanOptions {
    private struct Options: Codable {
        var span: ReplaySpan
    }

    static func json(_ span: ReplaySpan) -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(Options(span: span)) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func span(fromOptions text: String?) -> ReplaySpan? {
        guard let text else { return nil }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try? decoder.decode(Options.self, from: Data(text.utf8)).span
    }
}

extension RunSpanOptions {
    /// The span the run covered; nil for a run stored without one (before this was recorded,
    /// a live run, or a run a caller started without a span).
    public static func read(_ db: Database, run: Int64) throws -> ReplaySpan? {
        span(
            fromOptions: try String.fetchOne(
                db, sql: "SELECT options FROM runs WHERE id = ?", arguments: [run]))
    }
}
