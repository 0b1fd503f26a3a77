import Foundation
import JourneyModel
import ReplayEngine
import Testing
import Workspace

/// Every pre-built journey, replayed as the demo and the replay form replay it (seed 1, mode
/// mixed) on the seeded cohorts, takes each of its branches and split paths. The synthetic
/// cohort is the demo's (profile b2b-saas, seed 1: `cairn demo` draws the same leads, more of
/// them). A branch a cohort cannot reach is listed below with the reason; the test fails on
/// a gap not listed, and on a listed gap that is reached (so the list only shrinks).
@Suite struct SampleBranchCoverageTests {
    /// The demo's journeys reach everything on the synthetic cohort: no gap is allowed there.
    static let demoJourneys: Set<String> = [
        "welcome-series", "re-engagement", "high-intent-fast-track", "geographic-campaigns",
    ]

    /// Gaps by journey and cohort, each with why the cohort cannot reach it.
    static let knownGaps: [String: [String: Set<String>]] = [
        "chat-qualified-to-closer": [
            // Entered on a `chat-qualified` webhook, which synthetic leads never send.
            WorkspaceSeed.syntheticCohort: [
                "still-open → yes", "still-open → no", "wait-first-call → event",
                "wait-first-call → timeout",
            ],
            // Its few qualified leads are all still open; nobody records a completed call.
            WorkspaceSeed.sampleCohort: ["still-open → no", "wait-first-call → event"],
        ],
        "opened-email-sms-followup": [
            // Entered on a recorded email open: synthetic leads have no recorded events.
            WorkspaceSeed.syntheticCohort: ["clicked-already → yes", "clicked-already → no"],
            WorkspaceSeed.sampleCohort: ["clicked-already → yes"],
        ],
        "sms-engaged-to-chat": [
            // Entered on a recorded SMS reply: synthetic leads have no recorded events.
            WorkspaceSeed.syntheticCohort: ["highly-engaged → yes", "highly-engaged → no"],
            WorkspaceSeed.sampleCohort: ["highly-engaged → yes"],
        ],
        // The 24 hand-written leads are too few for a 10 % holdout and for late replies.
        "geographic-campaigns": [WorkspaceSeed.sampleCohort: ["offer-test → holdout"]],
        "high-intent-fast-track": [WorkspaceSeed.sampleCohort: ["wait-after-reminder → event"]],
        "re-engagement": [
            WorkspaceSeed.sampleCohort: ["wait-sms-reply → event", "wait-chat-reply → event"]
        ],
    ]

    static let journeys: [String] = {
        guard let test = try? TestWorkspace(seed: .bundled) else { return [] }
        return ((try? test.workspace.journeys()) ?? []).map(\.journey).sorted()
    }()

    @Test func theDemoJourneysAreSeeded() {
        #expect(Self.demoJourneys.isSubset(of: Set(Self.journeys)))
        #expect(Self.journeys.count >= 10)
    }

    @Test(arguments: journeys)
    func everyBranchIsReachedOnTheSampleCohorts(_ journey: String) throws {
        let test = try TestWorkspace(seed: .bundled)
        let parsed = try test.workspace.journeyToReplay(journey, version: nil).journey
        for cohort in [WorkspaceSeed.syntheticCohort, WorkspaceSeed.sampleCohort] {
            let outcome = try test.workspace.replay(ReplayOrder(journey: journey, cohort: cohort))
            let gaps = Set(BranchCoverage.unreached(in: parsed, summary: outcome.summary).map(\.description))
            let known = Self.knownGaps[journey]?[cohort] ?? []
            #expect(
                gaps.subtracting(known).isEmpty,
                "\(journey) on \(cohort): never took \(gaps.subtracting(known).sorted())")
            #expect(
                known.subtracting(gaps).isEmpty,
                "\(journey) on \(cohort): now takes \(known.subtracting(gaps).sorted()); drop it from knownGaps"
            )
        }
        if Self.demoJourneys.contains(journey) {
            #expect(Self.knownGaps[journey]?[WorkspaceSeed.syntheticCohort] == nil)
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
