import Foundation
import Testing

/// `cairn schedule`, run as a real process: fire times as time triggers use them.
@Suite struct ScheduleCommandTests {
    @Test func printsTheNextFireTimesInTheZone() throws {
        let outcome = try CairnProcess.run([
            "schedule", "0 9 * * mon-fri", "--zone", "America/New_York", "--from", "2026-12-03T12:00:00Z",
            "--next", "3",
        ])
        #expect(outcome.status == 0)
        #expect(
            outcome.stdout == """
                weekdays at 09:00 in America/New_York, after 2026-12-03T12:00:00Z:
                2026-12-03T14:00:00Z  Thu 2026-12-03T09:00:00-05:00
                2026-12-04T14:00:00Z  Fri 2026-12-04T09:00:00-05:00
                2026-12-07T14:00:00Z  Mon 2026-12-07T09:00:00-05:00

                """)
    }

    @Test func jsonKeepsItsRhythmThroughTheRepeatedHour() throws {
        let outcome = try CairnProcess.run([
            "schedule", "*/30 * * * *", "--zone", "America/New_York", "--from", "2026-11-01T05:00:00Z",
            "--next", "3", "--format", "json",
        ])
        #expect(outcome.status == 0)
        struct Output: Decodable {
            struct Fire: Decodable {
                var at: String
                var epoch: Int64
                var local: String
            }
            var schedule: String
            var zone: String
            var from: String
            var fires: [Fire]
        }
        let output = try JSONDecoder().decode(Output.self, from: Data(outcome.stdout.utf8))
        #expect(output.schedule == "every 30m")
        #expect(output.zone == "America/New_York")
        #expect(
            output.fires.map(\.local) == [
                "2026-11-01T01:30:00-04:00", "2026-11-01T01:00:00-05:00", "2026-11-01T01:30:00-05:00",
            ])
        #expect(output.fires.map(\.epoch) == [1_793_511_000, 1_793_512_800, 1_793_514_600])
    }

    @Test func aScheduleThatNeverFiresAgainSaysSo() throws {
        let outcome = try CairnProcess.run(["schedule", "on 2020-01-01 at 10:00", "--from", "2026-01-01"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.hasSuffix("(it never fires after that)\n"))
    }

    @Test func aBadScheduleIsLocatedAndExitsOne() throws {
        let outcome = try CairnProcess.run(["schedule", "0 9 * * mnday"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        #expect(
            outcome.stderr == """
                error: bad schedule '0 9 * * mnday' at column 9: unknown weekday 'mnday' (did you mean 'mon'?)
                  0 9 * * mnday
                          ^

                """)
    }

    @Test func badFlagsExitTwo() throws {
        for arguments in [
            ["--zone", "Mars/Base"], ["--next", "0"], ["--next", "1001"], ["--from", "yesterday"],
        ] {
            let outcome = try CairnProcess.run(["schedule", "daily at 09:00"] + arguments)
            #expect(outcome.status == 2, "\(arguments)")
            #expect(outcome.stdout.isEmpty)
        }
        let zone = try CairnProcess.run(["schedule", "daily at 09:00", "--zone", "Europe/Lndon"])
        #expect(zone.stderr.contains("unknown time zone 'Europe/Lndon' (did you mean 'Europe/London'?)"))
    }
}
