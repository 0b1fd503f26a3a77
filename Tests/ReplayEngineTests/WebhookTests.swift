import Foundation
import JourneyModel
import Testing

@testable import ReplayEngine

@Suite struct WebhookTests {
    func crm(failureRate: Double, retries: Int = 2) -> Journey {
        journey(
            """
            journey: crm
            name: CRM
            entry:
              trigger: { type: event, event: lead.created }
              next: open-opportunity
            nodes:
              - id: open-opportunity
                kind: action
                action: { type: webhook, url: "https://crm.example.com/hooks", retries: \(retries), backoff: 2m, failure_rate: \(failureRate) }
                next: done
              - id: done
                kind: exit
            """)
    }

    @Test func aCallThatAlwaysFailsIsRetriedWithBackoffThenFailsTheExecution() {
        let recorder = replay(crm(failureRate: 1), [member("L", created: "2026-05-01T10:00:00Z")])
        let attempts = recorder.webhookAttempts
        #expect(attempts.map(\.attempt) == [1, 2, 3])
        #expect(
            attempts.map(\.at) == [
                at("2026-05-01T10:00:00Z"), at("2026-05-01T10:02:00Z"), at("2026-05-01T10:06:00Z"),
            ])
        #expect(attempts.map(\.retryAt) == [at("2026-05-01T10:02:00Z"), at("2026-05-01T10:06:00Z"), nil])
        #expect(attempts.allSatisfy { !$0.succeeded })
        let ending = recorder.ending(of: "L")
        #expect(ending?.status == .failed)
        #expect(ending?.reason == "webhook https://crm.example.com/hooks failed after 3 attempts")
        #expect(recorder.stays(of: "L").map(\.outcome) == [.failed])
        #expect(recorder.summary?.count(.failed) == 1)
        #expect(recorder.summary?.executionSuccessRate == 0)
    }

    @Test func aCallThatNeverFailsGoesThroughOnce() {
        let recorder = replay(crm(failureRate: 0), [member("L", created: "2026-05-01T10:00:00Z")])
        #expect(recorder.webhookAttempts.map(\.succeeded) == [true])
        #expect(recorder.ending(of: "L")?.status == .completed)
    }

    @Test func flakyCallsSucceedOnSomeRetryOrFailAtTheLast() {
        let cohort = (0..<300).map { member("lead-\($0)", created: "2026-05-01T10:00:00Z") }
        let recorder = replay(crm(failureRate: 0.5), cohort)
        let byLead = Dictionary(grouping: recorder.webhookAttempts, by: \.execution.leadID)
        var retriedThenSucceeded = 0
        for (lead, attempts) in byLead {
            // Failures first, then either one success or the last failure.
            #expect(attempts.map(\.attempt) == Array(1...attempts.count))
            #expect(attempts.dropLast().allSatisfy { !$0.succeeded })
            let status = recorder.ending(of: lead)?.status
            if attempts.last?.succeeded == true {
                #expect(status == .completed)
                if attempts.count > 1 { retriedThenSucceeded += 1 }
            } else {
                #expect(attempts.count == 3)
                #expect(status == .failed)
            }
        }
        #expect(retriedThenSucceeded > 0)
        #expect(recorder.summary?.count(.failed) ?? 0 > 0)
        // Failing three times in a row at 50% is about 1 in 8.
        #expect((20...70).contains(recorder.summary?.count(.failed) ?? 0))
    }

    @Test func endlessRetriesWithoutBackoffAreHaltedByTheRateLimit() {
        var hook = crm(failureRate: 1, retries: 1_000_000_000)
        if case .action(var step) = hook.nodes[0].body, case .webhook(var call) = step.action {
            call.backoff = .init(seconds: 0)
            step.action = .webhook(call)
            hook.nodes[0].body = .action(step)
        }
        let recorder = replay(hook, [member("L", created: "2026-05-01T10:00:00Z")])
        #expect(recorder.ending(of: "L")?.status == .halted)
        #expect(recorder.webhookAttempts.count == 30)
        #expect(recorder.ending(of: "L")?.reason == "action rate limit: more than 30 actions in 1h")
    }
}
