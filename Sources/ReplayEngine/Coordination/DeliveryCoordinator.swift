import Foundation
import JourneyModel

/// Decides, before every send, whether the message may go now: consent, unsubscribes,
/// frequency caps and quiet hours, in that order. Pure: it reads the lead's history.
///
/// Caps count messages in rolling windows — a day is the last 24 hours, a week the last 7
/// days — so a cap means the same in every time zone and a deferred message goes out the
/// moment the oldest counted message leaves the window.
struct DeliveryCoordinator {
    let policy: Policy

    /// `consented`: whether the lead consents to the channel. `utcOffset`: the lead's zone's
    /// offset at `now`, asked only when quiet hours need it; `offsetHolds`, whether that offset
    /// holds from `now` through a later instant; `zone`, the lead's zone, asked only when it
    /// does not. (Asked, not passed: copying the lead out of its state for every send touched
    /// its properties and consents, two cache misses per send with a million leads in flight.)
    func verdict(
        for channel: Channel, consented: Bool, history: [LeadEvent], at now: Date,
        utcOffset: @autoclosure () -> Int, offsetHolds: (Date) -> Bool = { _ in false },
        zone: @autoclosure () -> TimeZone
    ) -> DeliveryVerdict {
        if Self.hasUnsubscribed(from: channel, history: history, at: now) { return .suppress(.unsubscribed) }
        if !consented { return .suppress(.consent) }
        if let release = capRelease(for: channel, history: history, at: now) {
            guard policy.whenCapped == .defer, let release else { return .suppress(.frequencyCap) }
            return .deferUntil(release, .frequencyCap)
        }
        if let quiet = policy.quietHours, quiet.from != quiet.to {
            let offset = utcOffset()
            if Self.isInside(quiet, at: now, utcOffset: offset) {
                // Inside quiet hours: the next allowed time is the window's end, in local time.
                let end = Self.quietEnd(
                    quiet, at: now, utcOffset: offset, zone: zone(), offsetHolds: offsetHolds)
                return .deferUntil(end, .quietHours)
            }
        }
        return .send
    }

    /// Whether the local time of day lies in [from, to), wrapping midnight when from > to: the
    /// local minute as `LocalTime.components` reads it, from the offset at `now`.
    static func isInside(_ quiet: QuietHours, at now: Date, utcOffset: Int) -> Bool {
        let local = localSeconds(at: now, utcOffset: utcOffset)
        let minute = ((local % 86_400) + 86_400) % 86_400 / 60
        let from = quiet.from.minuteOfDay
        let to = quiet.to.minuteOfDay
        return from < to ? (minute >= from && minute < to) : (minute >= from || minute < to)
    }

    /// The end of the quiet hours a lead is inside at `now`: the next instant its wall clock
    /// reads `quiet.to`, as `LocalTime.nextInstant` finds it. When the zone's offset at `now`
    /// (`utcOffset`) holds through that instant, in plain arithmetic; else (a transition lies
    /// between) by that search.
    static func quietEnd(
        _ quiet: QuietHours, at now: Date, utcOffset: Int, zone: @autoclosure () -> TimeZone,
        offsetHolds: (Date) -> Bool
    ) -> Date {
        let local = localSeconds(at: now, utcOffset: utcOffset)
        let midnight = local - ((local % 86_400) + 86_400) % 86_400
        var end = midnight + quiet.to.minuteOfDay * 60
        if end <= local { end += 86_400 }
        let candidate = Date(timeIntervalSince1970: Double(end - utcOffset))
        if offsetHolds(candidate) { return candidate }
        return LocalTime.nextInstant(
            atOrAfter: now, inWindow: quiet.to, to: quiet.from, days: [], zone: zone())
    }

    /// `now` in whole seconds of local wall-clock time, read with `utcOffset` (clamped to ±3
    /// million years, so that no Date traps the conversion to Int).
    private static func localSeconds(at now: Date, utcOffset: Int) -> Int {
        let bound = 1e14
        return Int(min(max(now.timeIntervalSince1970, -bound), bound).rounded(.down)) + utcOffset
    }

    /// An unsubscribe on the channel (or on no channel: from everything) stops it at once.
    static func hasUnsubscribed(from channel: Channel, history: [LeadEvent], at now: Date) -> Bool {
        history.contains {
            $0.type == "unsubscribed" && $0.time <= now && ($0.channel == nil || $0.channel == channel)
        }
    }

    /// Nil when no cap is reached; else the time the message would be allowed (nil inside when
    /// never, for a cap of zero).
    func capRelease(for channel: Channel, history: [LeadEvent], at now: Date) -> Date?? {
        guard mayBeCapped(channel, history: history, at: now) else { return nil }
        return cappedRelease(for: channel, history: history, at: now)
    }

    /// Whether any cap on the channel is reached, counted in one pass without building arrays:
    /// most sends are not capped, and only those pay for `cappedRelease`.
    private func mayBeCapped(_ channel: Channel, history: [LeadEvent], at now: Date) -> Bool {
        let overall = policy.frequencyCap
        let own = policy.channelCaps[channel]
        guard overall != nil || own != nil else { return false }
        let dayAgo = now.addingTimeInterval(-Self.day)
        let weekAgo = now.addingTimeInterval(-Self.week)
        var day = 0
        var week = 0
        var channelDay = 0
        var channelWeek = 0
        for event in history where event.time <= now && event.time > weekAgo && event.type == "sent" {
            let recent = event.time > dayAgo
            week += 1
            if recent { day += 1 }
            if event.channel == channel {
                channelWeek += 1
                if recent { channelDay += 1 }
            }
        }
        func reached(_ cap: FrequencyCap?, day: Int, week: Int) -> Bool {
            guard let cap else { return false }
            return cap.perDay.map { day >= $0 } == true || cap.perWeek.map { week >= $0 } == true
        }
        return reached(overall, day: day, week: week) || reached(own, day: channelDay, week: channelWeek)
    }

    /// `capRelease` once a cap may be reached.
    private func cappedRelease(for channel: Channel, history: [LeadEvent], at now: Date) -> Date?? {
        let weekAgo = now.addingTimeInterval(-Self.week)
        let sends = history.filter { $0.type == "sent" && $0.time <= now && $0.time > weekAgo }.map {
            (time: $0.time, channel: $0.channel)
        }
        var release: Date?
        var capped = false
        var never = false
        func apply(_ cap: FrequencyCap?, to times: [Date]) {
            guard let cap else { return }
            for (limit, span) in [(cap.perDay, Self.day), (cap.perWeek, Self.week)] {
                guard let limit else { continue }
                let inWindow = times.filter { $0 > now.addingTimeInterval(-span) }.sorted()
                guard inWindow.count >= limit else { continue }
                capped = true
                guard limit > 0 else {
                    never = true
                    continue
                }
                // Allowed again once all but limit - 1 of these have left the window.
                let leaving = inWindow[inWindow.count - limit].addingTimeInterval(span)
                release = max(release ?? leaving, leaving)
            }
        }
        apply(policy.frequencyCap, to: sends.map(\.time))
        apply(policy.channelCaps[channel], to: sends.filter { $0.channel == channel }.map(\.time))
        guard capped else { return nil }
        return .some(never ? nil : release)
    }

    static let day: TimeInterval = 86_400
    static let week: TimeInterval = 7 * 86_400
}

enum DeliveryVerdict: Equatable {
    case send
    case suppress(SuppressionReason)
    case deferUntil(Date, SuppressionReason)
}
