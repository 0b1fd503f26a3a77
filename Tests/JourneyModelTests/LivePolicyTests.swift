import Testing

@testable import JourneyModel

/// The policy's live-only keys, `stale_after`, `max_sends_per_minute` and
/// `max_steps_per_minute`: read with the same rules as `max_steps`, written back in a fixed
/// order, and left out when not given.
@Suite struct LivePolicyTests {
    static func journey(policy: String) -> String {
        journeyText(nodes: "  - id: a\n    kind: exit", extra: "policy:\n" + policy)
    }

    static func policy(_ lines: String) throws -> Policy {
        let read = JourneyReader.readAndValidate(
            bytes: Array(journey(policy: lines).utf8), file: "t.journey.yaml")
        #expect(read.diagnostics.map(\.description) == [])
        return try #require(read.journey).policy
    }

    @Test func defaultsWhenAbsent() throws {
        let policy = try Self.policy("  max_steps: 50\n")
        #expect(policy.staleAfter == nil)
        #expect(policy.maxSendsPerMinute == nil)
        #expect(policy.maxStepsPerMinute == nil)
        #expect(policy.effectiveStaleAfter == .hours(24))
        #expect(policy.effectiveMaxSendsPerMinute == 600)
        #expect(policy.effectiveMaxStepsPerMinute == 6000)
        #expect(Policy().effectiveStaleAfter == Policy.defaultStaleAfter)
        #expect(Policy.defaultStaleAfter.seconds == 86_400)
        #expect(Policy.defaultMaxSendsPerMinute == 600)
        #expect(Policy.defaultMaxStepsPerMinute == 6000)
    }

    @Test func readsGoodValues() throws {
        let policy = try Self.policy(
            "  stale_after: 1d12h\n  max_sends_per_minute: 1\n  max_steps_per_minute: 100000\n")
        #expect(policy.staleAfter == JourneyDuration(seconds: 129_600))
        #expect(policy.maxSendsPerMinute == 1)
        #expect(policy.maxStepsPerMinute == 100_000)
        #expect(policy.effectiveStaleAfter.seconds == 129_600)
        #expect(policy.effectiveMaxSendsPerMinute == 1)
        #expect(policy.effectiveMaxStepsPerMinute == 100_000)
        #expect(try Self.policy("  stale_after: 1s\n").staleAfter?.seconds == 1)
        #expect(try Self.policy("  stale_after: 52w\n").staleAfter == .weeks(52))
        #expect(try Self.policy("  max_steps: 4000\n").maxStepsPerLead == Policy.maxStepsLimit)
    }

    @Test(arguments: [
        ("  stale_after: 0s\n", "7:16: error: 'stale_after' must be at least 1s, found 0s"),
        ("  stale_after: 0m\n", "7:16: error: 'stale_after' must be at least 1s, found 0m"),
        (
            "  stale_after: 12\n",
            "7:16: error: bad duration '12' for 'stale_after' (expected a number and a unit: 30m, 2h, 3d, 1w)"
        ),
        (
            "  stale_after: never\n",
            "7:16: error: bad duration 'never' for 'stale_after' (expected a number and a unit: 30m, 2h, 3d, 1w)"
        ),
        (
            "  stale_after: [1h]\n",
            "7:16: error: bad duration a list for 'stale_after' (expected a number and a unit: 30m, 2h, 3d, 1w)"
        ),
        ("  max_sends_per_minute: 0\n", "7:25: error: 'max_sends_per_minute' must be at least 1, found 0"),
        ("  max_sends_per_minute: -5\n", "7:25: error: 'max_sends_per_minute' must be at least 1, found -5"),
        // The step log holds at most 8,191 stays per execution (docs/schema.md).
        ("  max_steps: 4001\n", "7:14: error: 'max_steps' must be at most 4000, found 4001"),
        (
            "  max_sends_per_minute: \"100\"\n",
            "7:25: error: expected a whole number for 'max_sends_per_minute', found '100'"
        ),
        (
            "  max_steps_per_minute: 1.5\n",
            "7:25: error: expected a whole number for 'max_steps_per_minute', found '1.5'"
        ),
        (
            "  max_steps_per_minute:\n",
            "7:24: error: expected a whole number for 'max_steps_per_minute', found nothing"
        ),
        (
            "  stale_afer: 1h\n",
            "7:3: error: unknown key 'stale_afer' in the policy (did you mean 'stale_after'?)"
        ),
        (
            "  max_send_per_minute: 10\n",
            "7:3: error: unknown key 'max_send_per_minute' in the policy (did you mean 'max_sends_per_minute'?)"
        ),
        (
            "  max_steps_per_minut: 10\n",
            "7:3: error: unknown key 'max_steps_per_minut' in the policy (did you mean 'max_steps_per_minute'?)"
        ),
    ])
    func refusesBadValuesWhereTheyStand(_ lines: String, _ message: String) {
        #expect(problems(Self.journey(policy: lines)) == ["t.journey.yaml:" + message])
    }

    @Test func writesTheKeysAfterMaxStepsAndReadsThemBack() throws {
        var journey = try #require(
            JourneyReader.read(Self.journey(policy: "  max_steps: 50\n"), file: "t").journey)
        journey.policy.staleAfter = .hours(12)
        journey.policy.maxSendsPerMinute = 100
        journey.policy.maxStepsPerMinute = 1000
        journey.policy.handoffRules = [
            HandoffRule(
                name: "r", when: .leaf(ConditionLeaf(type: .behavior, field: "email.opened", op: .exists)),
                to: HandoffTarget(kind: .human), reason: "why")
        ]
        let text = JourneyWriter.write(journey)
        #expect(
            text.contains(
                """
                policy:
                  max_steps: 50
                  stale_after: 12h
                  max_sends_per_minute: 100
                  max_steps_per_minute: 1000
                  handoff_rules:
                """))
        let back = JourneyReader.readAndValidate(bytes: Array(text.utf8), file: "w.yaml")
        #expect(back.diagnostics.map(\.description) == [])
        #expect(back.journey == journey)
        #expect(back.journey.map(JourneyWriter.write) == text)
    }

    @Test func leftOutWhenNotGivenKeptWhenGivenAtTheDefault() throws {
        let plain = try #require(
            JourneyReader.read(Self.journey(policy: "  max_steps: 50\n"), file: "t").journey)
        let written = JourneyWriter.write(plain)
        for key in ["stale_after", "max_sends_per_minute", "max_steps_per_minute"] {
            #expect(!written.contains(key))
        }
        var onlyLive = plain
        onlyLive.policy = Policy(staleAfter: Policy.defaultStaleAfter)
        let text = JourneyWriter.write(onlyLive)
        #expect(text.contains("policy:\n  stale_after: 1d\n"))
        #expect(JourneyReader.read(text, file: "w.yaml").journey == onlyLive)
    }
}
