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
        // The sample cohort reaches every branch of every journey (e.g. L012, a customer, is
        // qualified in chat; L013 gets its call; L004 replies to three SMS in two days; L010, in
        // New Jersey, falls in geographic-campaigns' holdout; L005 and L013 answer
        // re-engagement's SMS and chat). Synthetic leads have no recorded events, so they never
        // send the webhook, the email open or the SMS reply these three journeys are entered on.
        "chat-qualified-to-closer": [
            WorkspaceSeed.syntheticCohort: [
                "still-open → yes", "still-open → no", "wait-first-call → event",
                "wait-first-call → timeout",
            ]
        ],
        "opened-email-sms-followup": [
            WorkspaceSeed.syntheticCohort: ["clicked-already → yes", "clicked-already → no"]
        ],
        "sms-engaged-to-chat": [
            WorkspaceSeed.syntheticCohort: ["highly-engaged → yes", "highly-engaged → no"]
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
