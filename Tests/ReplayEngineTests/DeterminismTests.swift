import Foundation
import JourneyModel
import Testing

@testable import ReplayEngine

/// Same inputs → same records in the same order; leads read lazily; cancellation.
@Suite struct DeterminismTests {
    /// A journey touching every random draw: a split, `best` sends with simulated answers,
    /// an event wait, a flaky webhook, a handoff.
    let everything = journey(
        """
        journey: everything
        name: Everything
        entry:
          trigger: { type: event, event: lead.created }
          next: test
        goal:
          when: { type: behavior, field: replied, operator: at_least, value: 1 }
        policy:
          frequency_cap: { per_day: 2 }
          quiet_hours: { from: "21:00", to: "08:00" }
        nodes:
          - id: test
            kind: split
            paths:
              - { name: best, weight: 45, next: best-hello }
              - { name: email, weight: 45, next: email-hello }
            holdout: 10
          - id: best-hello
            kind: action
            action: { type: send, channel: best, template: hello }
            next: wait-open
          - id: email-hello
            kind: action
            action: { type: send, channel: email, template: hello }
            next: wait-open
          - id: wait-open
            kind: wait
            wait: { event: opened, timeout: 2d }
            next: crm
            on_timeout: again
          - id: again
            kind: action
            action: { type: send, channel: best, template: again }
            next: crm
          - id: crm
            kind: action
            action: { type: webhook, url: "https://crm.example.com", retries: 2, backoff: 5m, failure_rate: 0.3 }
            next: rep
          - id: rep
            kind: action
            action: { type: handoff, to: { kind: human }, reason: engaged }
            next: settle
          - id: settle
            kind: wait
            wait: { for: 1d }
            next: done
          - id: done
            kind: exit
        """)

    let agents = [Agent(id: "ana", name: "Ana", kind: .human, capacity: 3)]

    func cohort(_ count: Int) -> [CohortLead] {
        (0..<count).map { index in
            let created = Date(timeIntervalSince1970: 1_777_000_000 + Double(index) * 1_800)
            let lead = Lead(
                id: "lead-\(index)", timeZone: index % 2 == 0 ? utc : newYork,
                consents: Set(Channel.allCases),
                createdAt: created)
            let preferred = Channel.allCases[index % 3]
            return CohortLead(
                lead: lead, behavior: LeadBehavior(preferredChannel: preferred, conversionPropensity: 0.2))
        }
    }

    @Test func twoRunsGiveIdenticalRecordsInIdenticalOrder() {
        let configuration = ReplayConfiguration(seed: 42, mode: .simulated)
        let first = replay(everything, cohort(300), agents: agents, configuration: configuration)
        let second = replay(everything, cohort(300), agents: agents, configuration: configuration)
        #expect(first.records.count > 1_000)
        #expect(first.records == second.records)
        #expect(first.summary == second.summary)
        #expect(first.summary?.records == first.records.count)
        #expect(recordOrderProblems(first.records).isEmpty, "\(recordOrderProblems(first.records).prefix(3))")
        // The run used what it claims to: answers, best choices, retries, a queue.
        let summary = first.summary
        #expect(summary?.engagements ?? 0 > 0)
        #expect(summary?.channels.values.contains { $0.chosenAsBest > 0 } == true)
        #expect(summary?.webhookFailures ?? 0 > 0)
        #expect(summary?.handoffs.queued ?? 0 > 0)
    }

    @Test func anotherSeedGivesAnotherRun() {
        let one = replay(
            everything, cohort(100), agents: agents,
            configuration: ReplayConfiguration(seed: 1, mode: .simulated))
        let two = replay(
            everything, cohort(100), agents: agents,
            configuration: ReplayConfiguration(seed: 2, mode: .simulated))
        #expect(one.records != two.records)
    }

    @Test func aLeadsRecordsDoNotDependOnTheOtherLeads() {
        // Without handoffs (whose agents are shared) a lead's path is its own: alone or in a
        // crowd, the same records.
        var solo = everything
        solo.nodes.removeAll { $0.id == "rep" }
        if let crm = solo.nodes.firstIndex(where: { $0.id == "crm" }),
            case .action(var step) = solo.nodes[crm].body
        {
            step.next = "settle"
            solo.nodes[crm].body = .action(step)
        }
        let configuration = ReplayConfiguration(seed: 5, mode: .simulated)
        let crowd = replay(solo, cohort(200), configuration: configuration)
        let alone = replay(solo, [cohort(200)[137]], configuration: configuration)
        let fromCrowd = crowd.records.filter { $0.execution.leadID == "lead-137" }
        #expect(!alone.records.isEmpty)
        #expect(fromCrowd == alone.records)
    }

    @Test func theCohortIsReadOnlyAsVirtualTimeReachesEachLead() {
        let members = cohort(500)
        let counting = CountingCohort(members)
        let watcher = AdmissionWatcher(cohort: counting, members: members)
        Replay.run(
            journey: everything, cohort: counting, agents: agents,
            configuration: ReplayConfiguration(seed: 3, mode: .simulated), recorder: watcher)
        #expect(watcher.starts == 500)
        #expect(watcher.progressReports == [])
        let big = CountingCohort(cohort(2_500))
        let bigWatcher = AdmissionWatcher(cohort: big, members: big.members)
        Replay.run(
            journey: everything, cohort: big, agents: agents,
            configuration: ReplayConfiguration(seed: 3, mode: .simulated), recorder: bigWatcher)
        #expect(bigWatcher.progressReports == [1_000, 2_000])
        // Leads come every half hour and stay days: a few hundred in flight, not the cohort.
        #expect(bigWatcher.worstInFlight < 500)
        // When a lead entered, at most the leads created by then and one more had been read.
        #expect(watcher.worstLookahead <= 1)
        #expect(counting.read == 500)
    }

    @Test func aCancelledRunStopsEndsItsExecutionsAndSaysSo() {
        let cancellation = ReplayCancellation()
        let recorder = CancellingRecorder(after: 200, cancellation: cancellation)
        let summary = Replay.run(
            journey: everything, cohort: cohort(300), agents: agents,
            configuration: ReplayConfiguration(seed: 3, mode: .simulated), recorder: recorder,
            cancellation: cancellation)
        #expect(summary.cancelled)
        #expect(recorder.finished?.cancelled == true)
        #expect(summary.leadsAdmitted < 300)
        // Every execution that started has its end: the in-flight ones as active.
        #expect(recorder.started == recorder.ended)
        #expect(summary.count(.active) > 0)
        #expect(recorder.activeReasons == ["run cancelled"])
    }
}

/// Notes, at each entry, how far the cohort had been read beyond the leads created by then.
final class AdmissionWatcher: ReplayRecorder {
    let cohort: CountingCohort
    let createdTimes: [Date]
    private(set) var starts = 0
    private(set) var worstLookahead = 0

    init(cohort: CountingCohort, members: [CohortLead]) {
        self.cohort = cohort
        self.createdTimes = members.map(\.lead.createdAt)
    }

    func record(_ record: ReplayRecord) {
        guard case .executionStarted(let started) = record else { return }
        starts += 1
        let createdByThen = createdTimes.filter { $0 <= started.at }.count
        worstLookahead = max(worstLookahead, cohort.read - createdByThen)
    }

    private(set) var progressReports: [Int] = []
    private(set) var worstInFlight = 0

    func progress(_ progress: ReplayProgress) {
        progressReports.append(progress.leadsAdmitted)
        worstInFlight = max(worstInFlight, progress.leadsInFlight)
    }

    func finish(_ summary: ReplaySummary) {}
}

final class CancellingRecorder: ReplayRecorder {
    let limit: Int
    let cancellation: ReplayCancellation
    private(set) var count = 0
    private(set) var started = 0
    private(set) var ended = 0
    private(set) var finished: ReplaySummary?
    private(set) var activeReasons: Set<String> = []

    init(after limit: Int, cancellation: ReplayCancellation) {
        self.limit = limit
        self.cancellation = cancellation
    }

    func record(_ record: ReplayRecord) {
        count += 1
        if count == limit { cancellation.cancel() }
        if case .executionStarted = record { started += 1 }
        if case .executionEnded(let end) = record {
            ended += 1
            if end.status == .active, let reason = end.reason { activeReasons.insert(reason) }
        }
    }

    func finish(_ summary: ReplaySummary) {
        finished = summary
    }
}
