import Foundation
import GRDB
import JourneyModel
import ReplayEngine
import Testing

@testable import Workspace

/// A synthetic cohort's documented fatigue reaches the simulator whole: every earlier message
/// counts, however old, and the profile's floor holds however many messages came before.
@Suite struct FatigueReplayTests {
    /// Every lead opens every rested email; one earlier message alone tires it out (per_message
    /// 1) but for the floor.
    static func profile(floor: Double) -> String {
        """
        profile: tired
        created_at: { from: 2026-05-01, to: 2026-05-02 }
        time_zone: UTC
        responsiveness_spread: 0
        segments:
          - name: all
            weight: 1
            consent: { email: 1 }
            preferred_channel: { email: 1 }
            responses:
              email: { open: 1, click: 0, reply: 0, delay: 1h }
            preference_boost: 1
            fatigue: { per_message: 1, floor: \(floor) }
        """
    }

    /// Six emails, ten days apart: each one more than a week after the one before.
    static let sixEmails: String = {
        var text = """
            journey: six-emails
            name: Six emails
            entry:
              trigger: { type: event, event: lead.created }
              next: send-1
            nodes:

            """
        for n in 1...6 {
            text += """
                  - id: send-\(n)
                    kind: action
                    action: { type: send, channel: email, template: t\(n) }
                    next: \(n < 6 ? "pause-\(n)" : "done")

                """
            if n < 6 {
                text += """
                      - id: pause-\(n)
                        kind: wait
                        wait: { for: 10d }
                        next: send-\(n + 1)

                    """
            }
        }
        return text + "  - id: done\n    kind: exit\n"
    }()

    /// Opened messages among those after each lead's first, and their count.
    func laterOpens(floor: Double) throws -> (opened: Int, sent: Int) {
        let test = try TestWorkspace()
        try test.workspace.saveJourney(yaml: Self.sixEmails, file: "six.yaml")
        let text = Self.profile(floor: floor)
        let profile = try ProfileReader.read(text, file: "tired.profile.yaml").get()
        try test.workspace.synthesizeCohort(
            name: "tired", profile: profile, profileYAML: text, size: 200, seed: 3)
        let outcome = try test.workspace.replay(
            ReplayOrder(journey: "six-emails", cohort: "tired", mode: .simulated))
        let counts = try test.workspace.pool.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(opened_at), COUNT(*) FROM messages
                    WHERE run_id = ? AND status = 'sent' AND template <> 't1'
                    """, arguments: [outcome.runID])
        }
        return (counts?[0] ?? 0, counts?[1] ?? 0)
    }

    @Test func messagesOlderThanAWeekStillTire() throws {
        let (opened, sent) = try laterOpens(floor: 0)
        // A few leads unsubscribe along the way (the engine's default 1% per message).
        #expect(sent > 200 * 5 * 9 / 10)
        #expect(opened == 0)
    }

    @Test func theProfileFloorHoldsHoweverManyMessagesCameBefore() throws {
        let (opened, sent) = try laterOpens(floor: 0.5)
        #expect(sent > 200 * 5 * 9 / 10)
        // Each later message is opened with chance 0.5 (the floor), not 0 (the engine's default).
        #expect(abs(Double(opened) / Double(sent) - 0.5) < 0.06)
    }
}
