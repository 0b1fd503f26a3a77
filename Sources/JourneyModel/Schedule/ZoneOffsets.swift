import Foundation

/// `TimeZone.secondsFromGMT(for:)`, remembered: a zone's offset holds from one transition to
/// the next, so each zone keeps the spans it was asked about, `[start, next transition)` with
/// their offset, and answers from them without asking Foundation (an ICU call) again. Quiet
/// hours, windows and schedules ask for every send of every lead.
public enum ZoneOffsets {
    /// A stretch of time with one offset; `end` is the zone's next transition after `start`.
    public struct Span: Sendable {
        public var start: Double
        public var end: Double
        public var offset: Int

        /// A span that holds no time: a cache's empty state.
        public static let none = Span(start: .infinity, end: -.infinity, offset: 0)

        /// Whether the offset holds at `instant`.
        public func holds(_ instant: Date) -> Bool {
            let time = instant.timeIntervalSince1970
            return start <= time && time < end
        }
    }

    private static let lock = NSLock()
    /// Per zone identifier, spans sorted by `end` (each end is a transition, or infinity).
    nonisolated(unsafe) private static var spans: [String: [Span]] = [:]
    /// The zone asked about last and its spans: schedules ask about one zone many times in a
    /// row, and the identifier compares without hashing (a lead's zones share one identifier).
    nonisolated(unsafe) private static var last: (key: String, spans: [Span])?
    static let maxSpansPerZone = 512

    /// The zone's offset from UTC at `instant`, in seconds.
    public static func seconds(in zone: TimeZone, at instant: Date) -> Int {
        span(in: zone, at: instant).offset
    }

    /// The offset that holds from `start` through `end`, when no transition lies between.
    static func fixedOffset(in zone: TimeZone, from start: Date, through end: Date) -> Int? {
        let span = span(in: zone, at: start)
        return span.end > end.timeIntervalSince1970 ? span.offset : nil
    }

    /// A span holding `instant`: its offset, and `end`, the zone's next transition after it.
    /// (A caller that asks about one zone often may keep it, and ask again once it no longer
    /// `holds` the instant in question.)
    public static func span(in zone: TimeZone, at instant: Date) -> Span {
        let time = instant.timeIntervalSince1970
        let key = zone.identifier
        lock.lock()
        defer { lock.unlock() }
        var list: [Span]
        if let last, last.key == key {
            list = last.spans
        } else {
            list = spans[key] ?? []
            last = (key, list)
        }
        let index = firstEnd(after: time, in: list)
        if index < list.count, list[index].start <= time { return list[index] }
        last = nil
        let offset = zone.secondsFromGMT(for: instant)
        let end = zone.nextDaylightSavingTimeTransition(after: instant)?.timeIntervalSince1970 ?? .infinity
        if index < list.count, list[index].end == end, list[index].offset == offset {
            // The same span, asked about earlier in it than before.
            list[index].start = time
        } else if list.count < maxSpansPerZone {
            list.insert(Span(start: time, end: end, offset: offset), at: index)
        }
        spans[key] = list
        last = (key, list)
        return Span(start: time, end: end, offset: offset)
    }

    /// The index of the first span ending after `time`.
    private static func firstEnd(after time: Double, in list: [Span]) -> Int {
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle].end > time { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
