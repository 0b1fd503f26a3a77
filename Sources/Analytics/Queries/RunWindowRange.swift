import JourneyModel

/// The time range of a live run's report (`cairn report --from --to`, the dashboard's `d`), in
/// epoch seconds, `from` included and `to` excluded; either end may be left open. Times are
/// ISO-8601 (`2026-12-01`, `2026-12-01T09:00Z`), and a bare date for `to` counts its whole day.
public struct RunWindowRange: Sendable, Hashable {
    public enum Failure: Error, Sendable, Equatable {
        case notATime(end: String, text: String)
        case empty

        /// The message, naming each end as the caller spells it (`--from`, or `from`).
        public func message(from: String = "from", to: String = "to") -> String {
            switch self {
            case .notATime(let end, let text):
                return "\(end == "to" ? to : from) takes an ISO-8601 date or time (2026-12-01, "
                    + "2026-12-01T09:00Z), not '\(text)'"
            case .empty: return "\(from) must be before \(to)"
            }
        }
    }

    public var from: Int64
    public var to: Int64

    public init(from: String?, to: String?) throws(Failure) {
        func instant(_ text: String, _ end: String) throws(Failure) -> Int64 {
            guard let seconds = ISODate.epochSeconds(text) else { throw .notATime(end: end, text: text) }
            return seconds
        }
        let start = try from.map { text throws(Failure) in try instant(text, "from") } ?? 0
        var end = try to.map { text throws(Failure) in try instant(text, "to") } ?? Int64.max
        if let to, end < Int64.max - 86_400, !to.contains(where: { $0 == "T" || $0 == "t" || $0 == " " }) {
            end += 86_400
        }
        guard start < end else { throw .empty }
        self.from = start
        self.to = end
    }

    /// The range a report was read over.
    public init(_ report: RunWindowReport) {
        self.from = report.from
        self.to = report.to
    }

    /// `2026-12-01T00:00:00Z to 2026-12-04T00:00:00Z` (an open end reads `the start` or `now`).
    public var text: String {
        let start = from == 0 ? "the start" : ISODate.format(epochSeconds: from)
        let end = to == Int64.max ? "now" : ISODate.format(epochSeconds: to)
        return "\(start) to \(end)"
    }
}
