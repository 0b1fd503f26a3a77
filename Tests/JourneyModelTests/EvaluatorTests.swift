import Foundation
import Testing

@testable import JourneyModel

/// Every operator and condition type against a hand-built lead, including missing fields,
/// wrong types and clock windows in the lead's own time zone.
@Suite struct EvaluatorTests {
    static let t0 = ISODate.parse("2026-06-01T12:00:00Z")!  // a Monday

    static let lead = Lead(
        id: "L1",
        properties: [
            "state": "California", "score": 85, "plan": "gold", "tags": ["vip", "beta"], "age": "42",
            "newsletter": true, "blank": "",
        ],
        timeZone: TimeZone(identifier: "America/Los_Angeles")!,
        createdAt: t0.addingTimeInterval(-10 * 86_400))

    static let events: [LeadEvent] = [
        LeadEvent(leadID: "L1", type: "sent", channel: .email, time: t0.addingTimeInterval(-3 * 3600)),
        LeadEvent(leadID: "L1", type: "opened", channel: .email, time: t0.addingTimeInterval(-2 * 3600)),
        LeadEvent(leadID: "L1", type: "clicked", channel: .email, time: t0.addingTimeInterval(-1 * 3600)),
        LeadEvent(leadID: "L1", type: "clicked", channel: .email, time: t0.addingTimeInterval(-8 * 86_400)),
        LeadEvent(leadID: "L1", type: "visited", time: t0.addingTimeInterval(-30 * 60)),
        LeadEvent(leadID: "L1", type: "replied", channel: .sms, time: t0.addingTimeInterval(3600)),  // future
    ]

    func check(
        _ type: ConditionType, _ field: String, _ op: ConditionOperator, _ value: Value? = nil,
        within: JourneyDuration? = nil, since: WindowAnchor? = nil, now: Date = t0, enteredAt: Date? = nil
    ) -> (Bool, String) {
        let leaf = ConditionLeaf(type: type, field: field, op: op, value: value, within: within, since: since)
        let context = EvaluationContext(lead: Self.lead, events: Self.events, now: now, enteredAt: enteredAt)
        let result = ConditionEvaluator.evaluate(.leaf(leaf), in: context)
        return (result.matched, result.leaves[0].actualText)
    }

    @Test func propertyOperators() {
        #expect(check(.property, "state", .equals, "california") == (true, "\"California\""))
        #expect(check(.property, "state", .notEquals, "Texas").0)
        #expect(check(.property, "state", .contains, "forn").0)
        #expect(check(.property, "state", .notContains, "Tex").0)
        #expect(check(.property, "score", .greaterThan, 80) == (true, "85"))
        #expect(!check(.property, "score", .lessThan, 85).0)
        #expect(check(.property, "score", .atLeast, 85).0)
        #expect(check(.property, "score", .atMost, 85).0)
        #expect(check(.property, "score", .between, [80, 85]).0)
        #expect(!check(.property, "score", .between, [86, 90]).0)
        #expect(check(.property, "plan", .in, ["silver", "Gold"]).0)
        #expect(check(.property, "plan", .notIn, ["silver"]).0)
        #expect(check(.property, "plan", .exists).0)
        #expect(check(.property, "tags", .contains, "vip").0)
        #expect(!check(.property, "tags", .contains, "vi").0)
        #expect(check(.property, "newsletter", .equals, true).0)
    }

    @Test func missingFields() {
        #expect(check(.property, "city", .equals, "LA") == (false, "missing"))
        #expect(check(.property, "city", .notEquals, "LA") == (true, "missing"))
        #expect(!check(.property, "city", .greaterThan, 1).0)
        #expect(!check(.property, "city", .in, ["LA"]).0)
        #expect(check(.property, "city", .notIn, ["LA"]).0)
        #expect(check(.property, "city", .notContains, "x").0)
        #expect(check(.property, "city", .notExists).0)
        #expect(!check(.property, "city", .exists).0)
        // An empty string counts as absent.
        #expect(check(.property, "blank", .notExists).0)
    }

    @Test func wrongTypes() {
        // A numeric string compares as a number; a word never orders against a number.
        #expect(check(.property, "age", .greaterThan, 40) == (true, "\"42\""))
        #expect(check(.property, "age", .equals, 42).0)
        #expect(!check(.property, "plan", .greaterThan, 3).0)
        #expect(!check(.property, "plan", .lessThan, 3).0)
        #expect(!check(.property, "state", .between, ["a"]).0)
    }

    @Test func behaviorCountsEvents() {
        #expect(check(.behavior, "email.opened", .exists) == (true, "1"))
        #expect(check(.behavior, "email.clicked", .atLeast, 2) == (true, "2"))
        #expect(check(.behavior, "clicked", .atLeast, 2, within: .days(7)) == (false, "1"))
        #expect(check(.behavior, "visited", .exists, within: .hours(1)).0)
        // A reply after `now` has not happened yet.
        #expect(check(.behavior, "sms.replied", .notExists) == (true, "0"))
        #expect(check(.behavior, "sms.opened", .equals, 0).0)
    }

    @Test func behaviorSinceTheLastSend() {
        // Opened 1h after the send at t0-3h: within 2h of it, not within 30m.
        #expect(check(.behavior, "email.opened", .exists, within: .hours(2), since: .lastSend) == (true, "1"))
        #expect(
            check(.behavior, "email.opened", .exists, within: .minutes(30), since: .lastSend) == (false, "0"))
        // No SMS was ever sent, so nothing counts.
        #expect(check(.behavior, "sms.replied", .exists, within: .days(9), since: .lastSend) == (false, "0"))
    }

    @Test func engagementFigures() {
        #expect(check(.engagement, "score", .greaterThan, 80) == (true, "85"))
        #expect(check(.engagement, "opens", .equals, 1).0)
        #expect(check(.engagement, "clicks", .equals, 2).0)
        #expect(check(.engagement, "clicks", .equals, 1, within: .days(1)).0)
        #expect(check(.engagement, "responses", .equals, 3).0)
        #expect(check(.engagement, "messages", .equals, 1).0)
        #expect(check(.engagement, "response_rate", .equals, 3).0)
        #expect(check(.engagement, "days_since_last_response", .equals, 0).0)
        let later = Self.t0.addingTimeInterval(3 * 86_400)
        // By then the SMS reply at t0+1h has happened: 2 days 23 hours ago.
        #expect(check(.engagement, "days_since_last_response", .atLeast, 2, now: later) == (true, "2"))
    }

    @Test func timeInTheLeadsZone() {
        // 12:00Z on Monday 2026-06-01 is 05:00 PDT.
        #expect(check(.time, "local_hour", .equals, 5) == (true, "5"))
        #expect(check(.time, "local_time", .between, ["04:30", "05:30"]) == (true, "\"05:00\""))
        #expect(!check(.time, "local_time", .atLeast, "09:00").0)
        #expect(check(.time, "weekday", .in, ["mon", "tue"]) == (true, "\"mon\""))
        #expect(check(.time, "month", .equals, 6).0)
        #expect(check(.time, "date", .equals, "2026-06-01").0)
        #expect(check(.time, "date", .lessThan, "2026-06-02").0)
        #expect(check(.time, "days_since_created", .equals, 10).0)
        #expect(check(.time, "days_since_entry", .exists) == (false, "missing"))
        #expect(
            check(
                .time, "hours_since_entry", .equals, 36, enteredAt: Self.t0.addingTimeInterval(-36.5 * 3600)
            ).0)
        // 06:59Z on Jun 1 is still Sunday May 31 in Los Angeles.
        let sunday = ISODate.parse("2026-06-01T06:59:00Z")!
        #expect(check(.time, "weekday", .equals, "sun", now: sunday).0)
        #expect(check(.time, "date", .equals, "2026-05-31", now: sunday).0)
    }

    @Test func groupsCombineAndExplainEveryLeaf() {
        let condition = Condition.all([
            .leaf(ConditionLeaf(type: .property, field: "state", op: .equals, value: "California")),
            .any([
                .leaf(ConditionLeaf(type: .behavior, field: "email.opened", op: .notExists)),
                .not(.leaf(ConditionLeaf(type: .engagement, field: "score", op: .lessThan, value: 50))),
            ]),
        ])
        let context = EvaluationContext(lead: Self.lead, events: Self.events, now: Self.t0)
        let result = ConditionEvaluator.evaluate(condition, in: context)
        #expect(result.matched)
        #expect(
            result.leaves.map(\.description) == [
                "state equals: expected \"California\", actual \"California\" → yes",
                "email.opened not_exists: expected —, actual 1 → no",
                "score less_than: expected 50, actual 85 → no",
            ])
    }

    /// `holds` (no explanation, stopping once decided) agrees with `evaluate` on every
    /// combination of a group's items holding or not.
    @Test func holdsAgreesWithTheExplainedVerdict() {
        let yes = Condition.leaf(
            ConditionLeaf(type: .property, field: "state", op: .equals, value: "California"))
        let no = Condition.leaf(ConditionLeaf(type: .engagement, field: "score", op: .lessThan, value: 50))
        let context = EvaluationContext(lead: Self.lead, events: Self.events, now: Self.t0)
        for items in [[yes, yes], [yes, no], [no, yes], [no, no], [no, yes, no], []] {
            for condition in [Condition.all(items), .any(items), .not(.all(items)), .not(.any(items))] {
                #expect(
                    ConditionEvaluator.holds(condition, in: context)
                        == ConditionEvaluator.evaluate(condition, in: context).matched, "\(condition)")
            }
        }
        #expect(ConditionEvaluator.holds(yes, in: context) && !ConditionEvaluator.holds(no, in: context))
    }
}

@Suite struct ClockRangeTests {
    @Test func betweenClockTimesWrapsMidnight() {
        let night: Value = ["22:00", "06:00"]
        #expect(ConditionEvaluator.compare("23:30", .between, night))
        #expect(ConditionEvaluator.compare("05:59", .between, night))
        #expect(ConditionEvaluator.compare("22:00", .between, night))
        #expect(!ConditionEvaluator.compare("12:00", .between, night))
        #expect(ConditionEvaluator.compare("12:00", .between, ["09:00", "17:00"]))
        #expect(!ConditionEvaluator.compare("08:59", .between, ["09:00", "17:00"]))
    }
}
