import Foundation
import JourneyModel
import ReplayEngine
import Testing
import Workspace

/// Every pre-built journey, replayed as the demo and the replay form replay it (seed 1, mode
/// mixed) on the seeded cohorts, takes each of its branches and split paths. The synthetic
/// cohort is the demo's (profile b2b-saas, seed 1: `cairn demo` draws the same leads, more of
/// them). No gap is allowed: a journey either takes every branch on a cohort, or — only for
/// the journeys entered on a recorded event, on the synthetic cohort, whose leads have no
/// recorded events — lets nobody in because its trigger never fires, which the run says.
@Suite struct SampleBranchCoverageTests {
    /// The demo's journeys are entered by the synthetic cohort too.
    static let demoJourneys: Set<String> = [
        "welcome-series", "re-engagement", "high-intent-fast-track", "geographic-campaigns",
    ]

    /// Journeys entered on a recorded event, with the event: synthetic leads never send it, so
    /// on the synthetic cohort their trigger never fires. The sample cohort reaches every branch
    /// of these as of every other journey (e.g. L012, a customer, is qualified in chat; L013 gets
    /// its call; L004 replies to three SMS in two days; L010, in New Jersey, falls in
    /// geographic-campaigns' holdout; L005 and L013 answer re-engagement's SMS and chat).
    static let enteredOnRecordedEvents: [String: String] = [
        "chat-qualified-to-closer": "the chat-qualified webhook",
        "opened-email-sms-followup": "an email open",
        "sms-engaged-to-chat": "an SMS reply",
    ]

    static let journeys: [String] = {
        guard let test = try? TestWorkspace(seed: .bundled) else { return [] }
        return ((try? test.workspace.journeys()) ?? []).map(\.journey).sorted()
    }()

    @Test func theDemoJourneysAreSeeded() {
        #expect(Self.demoJourneys.isSubset(of: Set(Self.journeys)))
        #expect(Self.demoJourneys.isDisjoint(with: Self.enteredOnRecordedEvents.keys))
        #expect(Self.journeys.count >= 10)
    }

    @Test(arguments: journeys)
    func everyBranchIsReachedOnTheSampleCohorts(_ journey: String) throws {
        let test = try TestWorkspace(seed: .bundled)
        let parsed = try test.workspace.journeyToReplay(journey, version: nil).journey
        for cohort in [WorkspaceSeed.syntheticCohort, WorkspaceSeed.sampleCohort] {
            let outcome = try test.workspace.replay(ReplayOrder(journey: journey, cohort: cohort))
            if cohort == WorkspaceSeed.syntheticCohort, let event = Self.enteredOnRecordedEvents[journey] {
                // Nobody can enter: no trigger fire at all, not an audience or a rule refusing.
                #expect(outcome.summary.entries == 0, "\(journey) is entered on \(event)")
                #expect(outcome.summary.entry.triggerFires == 0, "\(journey) is entered on \(event)")
                continue
            }
            let gaps = BranchCoverage.unreached(in: parsed, summary: outcome.summary).map(\.description)
            #expect(gaps.isEmpty, "\(journey) on \(cohort): never took \(gaps.sorted())")
        }
    }

    /// The branches of a hand-made journey, in file order, with the engine's labels.
    @Test func theBranchesOfAJourney() throws {
        let test = try TestWorkspace(seed: .bundled)
        let parsed = try test.workspace.journeyToReplay("geographic-campaigns", version: nil).journey
        #expect(
            BranchCoverage.branches(of: parsed).map(\.description) == [
                "by-region → if 1", "by-region → if 2", "by-region → if 3", "by-region → else",
                "offer-test → cash-rebate", "offer-test → low-apr", "offer-test → holdout",
                "near-a-dealer → yes", "near-a-dealer → no",
            ])
    }
}
