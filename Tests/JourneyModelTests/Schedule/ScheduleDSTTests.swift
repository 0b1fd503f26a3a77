import Foundation
import Testing

@testable import JourneyModel

/// Next-fire times across the 2026 DST transitions, worked out by hand:
///
/// - America/New_York: 2026-03-08 02:00 EST -> 03:00 EDT (07:00Z);
///   2026-11-01 02:00 EDT -> 01:00 EST (06:00Z), 01:00-02:00 happens twice.
/// - Europe/London: 2026-03-29 01:00 GMT -> 02:00 BST (01:00Z);
///   2026-10-25 02:00 BST -> 01:00 GMT (01:00Z).
/// - Australia/Sydney: 2026-04-05 03:00 AEDT -> 02:00 AEST (16:00Z on the 4th);
///   2026-10-04 02:00 AEST -> 03:00 AEDT (16:00Z on the 3rd).
struct ScheduleDSTTests {
    private func fires(_ text: String, after start: String, in zone: String, count: Int = 2) throws
        -> [String]
    {
        try ScheduleFixtures.fires(text, after: start, in: zone, count: count)
    }

    // MARK: New York

    @Test func newYorkMissingTimeFiresWhenTheGapEnds() throws {
        // 02:30 does not exist on 2026-03-08: fires at 03:00 EDT, then 02:30 EDT.
        #expect(
            try fires("30 2 * * *", after: "2026-03-07T12:00:00Z", in: "America/New_York") == [
                "2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z",
            ])
    }

    @Test func newYorkSeveralMissingTimesFireOnce() throws {
        #expect(
            try fires("*/15 2 * * *", after: "2026-03-08T06:00:00Z", in: "America/New_York") == [
                "2026-03-08T07:00:00Z", "2026-03-09T06:00:00Z",
            ])
    }

    @Test func newYorkMorningShiftsAnHourInUTC() throws {
        #expect(
            try fires("0 9 * * *", after: "2026-03-07T12:00:00Z", in: "America/New_York") == [
                "2026-03-07T14:00:00Z", "2026-03-08T13:00:00Z",
            ])
    }

    @Test func newYorkRepeatedTimeFiresOnceAtTheFirstOccurrence() throws {
        // 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST); only the first fires.
        #expect(
            try fires("30 1 * * *", after: "2026-10-31T12:00:00Z", in: "America/New_York") == [
                "2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z",
            ])
    }

    @Test func newYorkFromInsideTheSecondPassWaitsForTomorrow() throws {
        // 06:10Z is 01:10 EST, the second 01:10; today's 01:30 has already fired.
        #expect(
            try fires("30 1 * * *", after: "2026-11-01T06:10:00Z", in: "America/New_York", count: 1) == [
                "2026-11-02T06:30:00Z"
            ])
    }

    @Test func newYorkHalfHourlyKeepsItsRhythmThroughTheRepeatedHour() throws {
        // Every hour's schedule follows elapsed time: 01:30 EDT, then 01:00 and 01:30 EST.
        #expect(
            try fires("*/30 * * * *", after: "2026-11-01T05:00:00Z", in: "America/New_York", count: 3) == [
                "2026-11-01T05:30:00Z", "2026-11-01T06:00:00Z", "2026-11-01T06:30:00Z",
            ])
    }

    @Test func newYorkHalfHourlySkipsTheMissingHour() throws {
        // 02:00 and 02:30 do not exist on 2026-03-08; 03:00 EDT comes right after 01:30 EST.
        #expect(
            try fires("*/30 * * * *", after: "2026-03-08T06:20:00Z", in: "America/New_York", count: 3) == [
                "2026-03-08T06:30:00Z", "2026-03-08T07:00:00Z", "2026-03-08T07:30:00Z",
            ])
        #expect(
            try fires("every 20m", after: "2026-03-08T06:50:00Z", in: "America/New_York", count: 2) == [
                "2026-03-08T07:00:00Z", "2026-03-08T07:20:00Z",
            ])
    }

    @Test func newYorkFromInsideTheFirstPassStillFiresTheSecond() throws {
        // 05:50Z is 01:50 EDT: the next quarter hour is 01:00 EST, not 02:00.
        #expect(
            try fires("*/15 * * * *", after: "2026-11-01T05:50:00Z", in: "America/New_York", count: 2) == [
                "2026-11-01T06:00:00Z", "2026-11-01T06:15:00Z",
            ])
    }

    @Test func newYorkTwoOClockAfterFallBackIsStandardTime() throws {
        #expect(
            try fires("0 2 * * *", after: "2026-11-01T04:00:00Z", in: "America/New_York", count: 1) == [
                "2026-11-01T07:00:00Z"
            ])
    }

    // MARK: London

    @Test func londonMissingTimeFiresWhenTheGapEnds() throws {
        // 01:30 does not exist on 2026-03-29: fires at 02:00 BST (01:00Z).
        #expect(
            try fires("30 1 * * *", after: "2026-03-28T12:00:00Z", in: "Europe/London") == [
                "2026-03-29T01:00:00Z", "2026-03-30T00:30:00Z",
            ])
    }

    @Test func londonRepeatedTimeFiresOnce() throws {
        // 01:30 happens at 00:30Z (BST) and 01:30Z (GMT) on 2026-10-25.
        #expect(
            try fires("30 1 * * *", after: "2026-10-24T12:00:00Z", in: "Europe/London") == [
                "2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z",
            ])
    }

    @Test func londonNoonAcrossSpringForward() throws {
        #expect(
            try fires("0 12 * * *", after: "2026-03-28T13:00:00Z", in: "Europe/London") == [
                "2026-03-29T11:00:00Z", "2026-03-30T11:00:00Z",
            ])
    }

    // MARK: Sydney (southern hemisphere: clocks go back in April, forward in October)

    @Test func sydneyMissingTimeFiresWhenTheGapEnds() throws {
        // 02:30 does not exist on 2026-10-04: fires at 03:00 AEDT (16:00Z on the 3rd).
        #expect(
            try fires("30 2 * * *", after: "2026-10-03T12:00:00Z", in: "Australia/Sydney") == [
                "2026-10-03T16:00:00Z", "2026-10-04T15:30:00Z",
            ])
    }

    @Test func sydneyRepeatedTimeFiresOnce() throws {
        // 02:30 happens at 15:30Z (AEDT) and 16:30Z (AEST) on 2026-04-04 UTC.
        #expect(
            try fires("30 2 * * *", after: "2026-04-04T12:00:00Z", in: "Australia/Sydney") == [
                "2026-04-04T15:30:00Z", "2026-04-05T16:30:00Z",
            ])
    }

    // MARK: Friendly forms follow the same rules

    @Test func friendlyDailyInTheGap() throws {
        #expect(
            try fires("daily at 02:30", after: "2026-03-07T12:00:00Z", in: "America/New_York", count: 1) == [
                "2026-03-08T07:00:00Z"
            ])
    }

    @Test func singleDateInTheOverlap() throws {
        #expect(
            try fires("on 2026-11-01 at 01:30", after: "2026-01-01T00:00:00Z", in: "America/New_York") == [
                "2026-11-01T05:30:00Z", "nil",
            ])
    }

    @Test func intervalRestartsAtLocalMidnightAcrossTheGap() throws {
        // Slots 00:00, 01:30, 03:00 local; 03:00 EDT is 07:00Z on 2026-03-08.
        #expect(
            try fires("every 90m", after: "2026-03-08T05:00:00Z", in: "America/New_York", count: 3) == [
                "2026-03-08T06:30:00Z", "2026-03-08T07:00:00Z", "2026-03-08T08:30:00Z",
            ])
    }
}
