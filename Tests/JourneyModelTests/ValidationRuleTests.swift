import Testing

@testable import JourneyModel

/// One test per validation rule: the exact message and where it points.
@Suite struct ValidationRuleTests {
    @Test func validJourneyHasNoProblems() {
        let text = journeyText(
            nodes: """
                  - id: a
                    kind: action
                    action: { type: send, channel: email, template: hi }
                    next: b
                  - id: b
                    kind: exit
                """)
        #expect(problems(text) == [])
    }

    @Test func yamlSyntaxError() {
        let text = "journey: t\nname: [unclosed\nentry: x\n"
        #expect(problems(text).count == 1)
        #expect(problems(text)[0].hasPrefix("t.journey.yaml:3:"))
        #expect(problems(text)[0].contains("error: YAML syntax:"))
    }

    @Test func wrongTypeForAKey() {
        let text = journeyText(
            nodes: """
                  - id: a
                    kind: action
                    action: { type: send, channel: email, template: [x, y] }
                    next: b
                  - id: b
                    kind: exit
                """)
        #expect(problems(text) == ["t.journey.yaml:9:53: error: expected text for 'template', found a list"])
    }

    @Test func unknownKeyWithSuggestion() {
        let text = journeyText(
            nodes: """
                  - id: a
                    kind: action
                    action: { type: send, channel: email, template: hi }
                    nxt: b
                  - id: b
                    kind: exit
                """)
        #expect(
            problems(text) == [
                "t.journey.yaml:10:5: error: unknown key 'nxt' in node 'a' (did you mean 'next'?)"
            ])
    }

    @Test func missingId() {
        let text = journeyText(
            nodes: """
                  - id: a
                    kind: exit
                  - kind: exit
                """)
        #expect(problems(text) == ["t.journey.yaml:9:5: error: missing 'id' in a node"])
    }

    @Test func duplicateId() {
        let text = journeyText(
            nodes: """
                  - id: a
                    kind: exit
                  - id: a
                    kind: exit
                """)
        #expect(
            problems(text) == ["t.journey.yaml:9:9: error: duplicate node id 'a' (first defined at line 7)"])
    }

    @Test func unknownNodeReferenceWithSuggestion() {
        let text = journeyText(
            nodes: """
                  - id: a
                    kind: action
                    action: { type: send, channel: email, template: hi }
                    next: wait-3d
                  - id: wait-2d
                    kind: wait
                    wait: { for: 2d }
                    next: b
                  - id: b
                    kind: exit
                """)
        #expect(
            problems(text) == [
                "t.journey.yaml:10:11: error: unknown node 'wait-3d' in 'next' (did you mean 'wait-2d'?)",
                "t.journey.yaml:11:5: warning: node 'wait-2d' is unreachable from the entry",
                "t.journey.yaml:15:5: warning: node 'b' is unreachable from the entry",
            ])
    }

    @Test func unknownEntryNext() {
        let text = journeyText(nodes: "  - id: a\n    kind: exit", entryNext: "b")
        #expect(
            problems(text) == [
                "t.journey.yaml:5:9: error: unknown node 'b' in 'next'",
                "t.journey.yaml:7:5: warning: node 'a' is unreachable from the entry",
            ])
    }

    @Test func unreachableNodeIsAWarning() {
        let text = journeyText(
            nodes: """
                  - id: a
                    kind: exit
                  - id: orphan
                    kind: exit
                """)
        #expect(
            problems(text) == ["t.journey.yaml:9:5: warning: node 'orphan' is unreachable from the entry"])
        let result = JourneyReader.readAndValidate(bytes: Array(text.utf8), file: "t.journey.yaml")
        #expect(result.journey != nil)
    }

    @Test func nodeWithNoWayOut() {
        let text = journeyText(
            nodes: """
                  - id: a
                    kind: action
                    action: { type: score, by: 5 }
                """)
        #expect(
            problems(text) == [
                "t.journey.yaml:7:5: error: node 'a' has no way out: give it 'next', or end the path with an exit or goal node"
            ])
    }

    @Test func cycleWithoutWait() {
        let text = journeyText(
            nodes: """
                  - id: a
                    kind: action
                    action: { type: score, by: 1 }
                    next: b
                  - id: b
                    kind: decision
                    if: { type: engagement, field: score, operator: less_than, value: 100 }
                    then: a
                    else: c
                  - id: c
                    kind: exit
                """)
        #expect(
            problems(text) == [
                "t.journey.yaml:7:5: error: cycle a → b → a contains no wait: a lead would loop without end"
            ])
    }

    @Test func cycleWithAWaitIsFine() {
        let text = journeyText(
            nodes: """
                  - id: a
                    kind: wait
                    wait: { for: 1d }
                    next: b
                  - id: b
                    kind: decision
                    if: { type: behavior, field: email.opened, operator: exists }
                    then: c
                    else: a
                  - id: c
                    kind: exit
                """)
        #expect(problems(text) == [])
    }

    @Test func decisionWithoutElse() {
        let text = journeyText(
            nodes: """
                  - id: a
                    kind: decision
                    if: { type: property, field: state, operator: equals, value: CA }
                    then: b
                  - id: b
                    kind: exit
                """)
        #expect(
            problems(text) == [
                "t.journey.yaml:7:5: error: decision 'a' has no 'else': leads matching no branch would be stuck"
            ])
    }

    @Test func splitWeightsMustSumTo100() {
        let text = journeyText(
            nodes: """
                  - id: a
                    kind: split
                    paths:
                      - { name: A, weight: 50, next: b }
                      - { name: B, weight: 30, next: b }
                    holdout: 10
                  - id: b
                    kind: exit
                """)
        #expect(
            problems(text) == [
                "t.journey.yaml:10:7: error: split 'a' weights add up to 90 (holdout 10 included), not 100"
            ])
    }

    @Test func greaterThanOnAString() {
        let text = journeyText(
            nodes: """
                  - id: a
                    kind: decision
                    if: { type: property, field: plan, operator: greater_than, value: gold }
                    then: b
                    else: b
                  - id: b
                    kind: exit
                """)
        #expect(
            problems(text) == [
                "t.journey.yaml:9:71: error: 'greater_than' compares numbers, but the value is a string (\"gold\")"
            ])
    }

    @Test func betweenWithoutTwoBounds() {
        let text = journeyText(
            nodes: """
                  - id: a
                    kind: decision
                    if: { type: engagement, field: score, operator: between, value: [10] }
                    then: b
                    else: b
                  - id: b
                    kind: exit
                """)
        #expect(
            problems(text) == [
                "t.journey.yaml:9:69: error: 'between' needs two bounds [low, high], found [10]"
            ])
    }

    @Test func inWithoutAList() {
        let text = journeyText(
            nodes: """
                  - id: a
                    kind: decision
                    if: { type: property, field: state, operator: in, value: CA }
                    then: b
                    else: b
                  - id: b
                    kind: exit
                """)
        #expect(problems(text) == ["t.journey.yaml:9:62: error: 'in' needs a list of values, found \"CA\""])
    }

    @Test func unknownChannelWithSuggestion() {
        let text = journeyText(
            nodes: """
                  - id: a
                    kind: action
                    action: { type: send, channel: emial, template: hi }
                    next: b
                  - id: b
                    kind: exit
                """)
        #expect(
            problems(text) == ["t.journey.yaml:9:36: error: unknown channel 'emial' (did you mean 'email'?)"])
    }

    @Test func unknownChannelWithoutSuggestion() {
        let text = journeyText(
            nodes: """
                  - id: a
                    kind: action
                    action: { type: send, channel: fax, template: hi }
                    next: b
                  - id: b
                    kind: exit
                """)
        #expect(
            problems(text) == [
                "t.journey.yaml:9:36: error: unknown channel 'fax' (expected email, sms, chat or best)"
            ])
    }

    @Test func badDuration() {
        let text = journeyText(
            nodes: """
                  - id: a
                    kind: wait
                    wait: { for: 2 days }
                    next: b
                  - id: b
                    kind: exit
                """)
        #expect(
            problems(text) == [
                "t.journey.yaml:9:18: error: bad duration '2 days' for 'for' (expected a number and a unit: 30m, 2h, 3d, 1w)"
            ])
    }

    @Test func badTime() {
        let text = journeyText(
            nodes: "  - id: a\n    kind: exit",
            extra: "policy:\n  quiet_hours: { from: \"25:00\", to: \"08:00\" }\n")
        #expect(
            problems(text) == [
                "t.journey.yaml:7:24: error: bad time '25:00' for 'from' (expected HH:MM, 00:00 to 23:59)"
            ])
    }

    @Test func badCronPointsInsideTheSchedule() {
        let text = """
            journey: t
            name: T
            entry:
              trigger: { type: time, schedule: "0 24 * * *" }
              next: a
            nodes:
              - id: a
                kind: exit
            """
        let found = problems(text)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("t.journey.yaml:4:39: error: bad schedule '0 24 * * *': hour") == true)
    }

    @Test func unknownNodeKindWithSuggestion() {
        let text = journeyText(nodes: "  - id: a\n    kind: exti")
        #expect(
            problems(text) == ["t.journey.yaml:8:11: error: unknown node kind 'exti' (did you mean 'exit'?)"])
    }

    @Test func unknownOperatorWithSuggestion() {
        let text = journeyText(
            nodes: """
                  - id: a
                    kind: decision
                    if: { type: property, field: state, operator: equal, value: CA }
                    then: b
                    else: b
                  - id: b
                    kind: exit
                """)
        #expect(
            problems(text) == [
                "t.journey.yaml:9:51: error: unknown operator 'equal' (did you mean 'equals'?)"
            ])
    }

    @Test func missingRequiredKeys() {
        let text = "journey: t\nentry:\n  trigger: { type: event, event: x }\nnodes: []\n"
        #expect(
            problems(text) == [
                "t.journey.yaml:1:1: error: missing 'name' in the journey",
                "t.journey.yaml:3:3: error: missing 'next' in the entry",
            ])
    }

    @Test func existsTakesNoValue() {
        let text = journeyText(
            nodes: """
                  - id: a
                    kind: decision
                    if: { type: behavior, field: email.opened, operator: exists, value: 1 }
                    then: b
                    else: b
                  - id: b
                    kind: exit
                """)
        #expect(problems(text) == ["t.journey.yaml:9:73: error: 'exists' takes no value"])
    }

    @Test func nestedGroupsAreLocated() {
        let text = journeyText(
            nodes: """
                  - id: a
                    kind: decision
                    if:
                      all:
                        - not:
                            any:
                              - { type: time, field: local_hr, operator: at_least, value: 9 }
                    then: b
                    else: b
                  - id: b
                    kind: exit
                """)
        #expect(
            problems(text) == [
                "t.journey.yaml:13:38: error: unknown time field 'local_hr' (did you mean 'local_hour'?)"
            ])
    }
}

/// Rules added after the sample-writing review: values, weekdays, time ranges, handoff targets.
@Suite struct ValueRuleTests {
    func leafProblems(_ leaf: String) -> [String] {
        let text = journeyText(
            nodes: """
                  - id: a
                    kind: decision
                    if: \(leaf)
                    then: b
                    else: b
                  - id: b
                    kind: exit
                """)
        return problems(text).map { String($0.drop { $0 != " " }.dropFirst()) }
    }

    @Test func aMappingIsNotAValue() {
        #expect(
            leafProblems("{ type: property, field: state, operator: equals, value: { a: 1 } }") == [
                "error: expected a value for 'value' (text, a number, true/false or a list), found a mapping"
            ])
    }

    @Test func weekdayValuesAreChecked() {
        #expect(
            leafProblems("{ type: time, field: weekday, operator: in, value: [mon, friday] }") == [
                "error: weekday values are mon, tue, wed, thu, fri, sat, sun; found \"friday\""
            ])
        #expect(leafProblems("{ type: time, field: weekday, operator: in, value: [mon, fri] }") == [])
    }

    @Test func clockRangesMayWrapMidnightButDatesAndNumbersMayNotRunBackwards() {
        #expect(
            leafProblems(
                "{ type: time, field: local_time, operator: between, value: [\"22:00\", \"06:00\"] }") == [])
        #expect(
            leafProblems(
                "{ type: time, field: date, operator: between, value: [\"2026-12-31\", \"2026-01-01\"] }")
                == [
                    "error: 'between' bounds are reversed: [\"2026-12-31\", \"2026-01-01\"] (low must come first)"
                ])
        #expect(
            leafProblems("{ type: engagement, field: score, operator: between, value: [90, 10] }") == [
                "error: 'between' bounds are reversed: [90, 10] (low must come first)"
            ])
    }

    @Test func oneTypoInAHandoffTargetIsOneError() {
        let text = journeyText(
            nodes: """
                  - id: a
                    kind: action
                    action: { type: handoff, to: { channel: fax }, reason: test }
                    next: b
                  - id: b
                    kind: exit
                """)
        #expect(
            problems(text) == [
                "t.journey.yaml:9:45: error: unknown channel 'fax' (expected email, sms or chat)"
            ])
    }

    @Test func unknownTopLevelKey() {
        let text = "journey: t\ndescripton: x\n"
        #expect(
            problems(text).contains(
                "t.journey.yaml:2:1: error: unknown key 'descripton' in the journey (did you mean 'description'?)"
            ))
    }
}
