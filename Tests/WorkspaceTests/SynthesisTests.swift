import Foundation
import GRDB
import JourneyModel
import ReplayEngine
import Testing

@testable import Workspace

@Suite struct SynthesisTests {
    static let profilePath = "sample-journeys/cohorts/b2b-saas.profile.yaml"

    func sampleProfile() throws -> (SynthesisProfile, String) {
        let text = try Repository.text(Self.profilePath)
        return (try ProfileReader.read(text, file: Self.profilePath).get(), text)
    }

    func rows(_ test: TestWorkspace, _ cohort: String) throws -> [[DatabaseValue]] {
        try test.workspace.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT l.* FROM leads l JOIN cohorts c ON c.id = l.cohort_id WHERE c.name = ? ORDER BY lead_id
                    """, arguments: [cohort]
            ).map { row in row.columnNames.filter { $0 != "cohort_id" }.map { row[$0] as DatabaseValue } }
        }
    }

    @Test func theSampleProfileReads() throws {
        let (profile, _) = try sampleProfile()
        #expect(profile.name == "b2b-saas")
        #expect(profile.segments.map(\.name) == ["smb", "mid-market", "enterprise"])
        #expect(profile.timeZone == .fromState(property: "state"))
        #expect(profile.segments[0].consent[.sms] == 0.55)
        #expect(profile.segments[0].behavior.response(on: .sms)?.medianDelaySeconds == 720)
    }

    @Test func sameProfileSizeAndSeedGiveTheSameCohort() throws {
        let test = try TestWorkspace()
        let (profile, text) = try sampleProfile()
        try test.workspace.synthesizeCohort(
            name: "a", profile: profile, profileYAML: text, size: 3000, seed: 42)
        try test.workspace.synthesizeCohort(
            name: "b", profile: profile, profileYAML: text, size: 3000, seed: 42)
        try test.workspace.synthesizeCohort(
            name: "c", profile: profile, profileYAML: text, size: 3000, seed: 43)
        let a = try rows(test, "a")
        #expect(a.count == 3000)
        #expect(a == (try rows(test, "b")))
        #expect(a != (try rows(test, "c")))
        // A lead's traits depend only on (seed, index): a smaller cohort shares them.
        try test.workspace.synthesizeCohort(
            name: "d", profile: profile, profileYAML: text, size: 100, seed: 42)
        let small = try rows(test, "d")
        let traits = { (row: [DatabaseValue]) in Array(row[3...]) }  // all but lead_id, created_at, time_zone
        #expect(a.prefix(100).map(traits) == small.map(traits))
    }

    @Test func syntheticLeadsFollowTheProfile() throws {
        let test = try TestWorkspace()
        let (profile, text) = try sampleProfile()
        let summary = try test.workspace.synthesizeCohort(
            name: "s", profile: profile, profileYAML: text, size: 20000, seed: 7)
        #expect(summary.leads == 20000)
        #expect(summary.origin == "synthetic")
        #expect(summary.seed == 7)
        var californians = 0
        var smsConsents = 0
        var preferredSMS = 0
        var withBehavior = 0
        var first: CohortLead?
        var lastCreated = Date.distantPast
        var ordered = true
        try test.workspace.forEachLead(inCohort: "s") { lead in
            if first == nil { first = lead }
            if lead.lead.createdAt < lastCreated { ordered = false }
            lastCreated = lead.lead.createdAt
            if lead.lead.properties["state"] == "CA" {
                californians += 1
                #expect(lead.lead.timeZone.identifier == "America/Los_Angeles")
            }
            if lead.lead.consents.contains(.sms) { smsConsents += 1 }
            if lead.behavior?.preferredChannel == .sms { preferredSMS += 1 }
            if lead.behavior != nil { withBehavior += 1 }
            let created = lead.lead.createdAt
            #expect(created >= ISODate.parse("2026-09-01")! && created < ISODate.parse("2026-12-01")!)
        }
        #expect(ordered)
        #expect(withBehavior == 20000)
        let (segments, responsiveness) = try test.workspace.pool.read { db in
            (
                try Dictionary(
                    uniqueKeysWithValues: Row.fetchAll(
                        db, sql: "SELECT segment, COUNT(*) FROM leads GROUP BY segment"
                    )
                    .map { (row: Row) -> (String, Int) in (row[0], row[1]) }),
                try Double.fetchOne(db, sql: "SELECT SUM(responsiveness) FROM leads") ?? 0
            )
        }
        // Weights 60/30/10; California is about 11.9% of the US.
        #expect(abs(Double(segments["smb"] ?? 0) / 20000 - 0.60) < 0.02)
        #expect(abs(Double(segments["enterprise"] ?? 0) / 20000 - 0.10) < 0.01)
        #expect(abs(Double(californians) / 20000 - 0.119) < 0.01)
        // SMS consent: 0.6·0.55 + 0.3·0.35 + 0.1·0.20 = 0.455.
        #expect(abs(Double(smsConsents) / 20000 - 0.455) < 0.015)
        // Preferred SMS: 0.6·0.55 + 0.3·0.15 + 0.1·0.05 = 0.38.
        #expect(abs(Double(preferredSMS) / 20000 - 0.38) < 0.015)
        #expect(abs(responsiveness / 20000 - 1) < 0.03)
        #expect(first?.lead.id.hasPrefix("S") == true)
        let model = try test.workspace.behaviorModel(ofCohort: "s")
        #expect(model?.segments.keys.sorted() == ["enterprise", "mid-market", "smb"])
    }

    @Test func theBehaviorModelAppliesPreferenceAndFatigue() throws {
        let (profile, _) = try sampleProfile()
        let smb = profile.segments[0].behavior
        let lead = LatentBehavior(segment: "smb", preferredChannel: .sms, responsiveness: 1)
        #expect(smb.restedProbability(of: .open, on: .sms, for: lead) == min(1, 0.80 * 2.0))
        #expect(smb.restedProbability(of: .open, on: .email, for: lead) == 0.22)
        let model = BehaviorModel(profile: "p", segments: ["smb": smb])
        let behavior = try #require(model.leadBehavior(for: lead))
        #expect(behavior.behavior(on: .email).openProbability == 0.22)
        let tired = 0.22 * behavior.fatigue(afterMessages: 2)
        #expect(abs(tired - 0.22 * 0.92 * 0.92) < 1e-12)
        // Fatigue never goes below its floor: the profile's, not the engine's default.
        #expect(abs(0.22 * behavior.fatigue(afterMessages: 100) - 0.22 * 0.3) < 1e-12)
    }

    @Test func theEngineBehaviorCarriesEveryFieldOfTheSegment() throws {
        let segment = SegmentBehavior(
            responses: [
                "email": ChannelResponse(open: 0.4, click: 0.1, reply: 0.05, medianDelaySeconds: 3600)
            ],
            preferenceBoost: 1.5, fatiguePerMessage: 0.2, fatigueFloor: 0.45)
        let model = BehaviorModel(profile: "p", segments: ["s": segment])
        let lead = LatentBehavior(segment: "s", preferredChannel: .email, responsiveness: 0.5)
        let behavior = try #require(model.leadBehavior(for: lead))
        #expect(behavior.preferredChannel == .email)
        #expect(abs(behavior.fatigueFactor - 0.8) < 1e-12)
        #expect(behavior.fatigueFloor == 0.45)
        let email = behavior.behavior(on: .email)
        #expect(abs(email.openProbability - 0.4 * 0.5 * 1.5) < 1e-12)
        #expect(abs(email.clickProbability - 0.25) < 1e-12)
        #expect(abs(email.replyProbability - 0.125) < 1e-12)
        #expect(abs(email.meanResponseDelay * M_LN2 - 3600) < 1e-9)
        #expect(behavior.channels[.sms] == nil)
        #expect(
            model.leadBehavior(for: LatentBehavior(segment: "x", preferredChannel: .sms, responsiveness: 1))
                == nil)
    }

    @Test func profileErrorsAreLocated() throws {
        let text = """
            profile: bad
            created_at: { from: 2026-09-01, to: 2026-08-01 }
            time_zone: Europe/Pariss
            segments:
              - name: a
                weight: 1
                colour: red
                consent: { email: 1.5 }
                responses: { email: { open: 0.2 } }
                properties:
                  score: { normal: { mean: 50 } }
            """
        guard case .failure(let error) = ProfileReader.read(text, file: "bad.profile.yaml") else {
            Issue.record("expected errors")
            return
        }
        #expect(
            error.description.split(separator: "\n").map(String.init) == [
                "bad.profile.yaml:2:13: error: created_at 'to' must be after 'from'",
                "bad.profile.yaml:3:12: error: unknown time zone 'Europe/Pariss' (did you mean 'Europe/Paris'?)",
                "bad.profile.yaml:7:5: error: unknown key 'colour' in a segment (expected: name, weight, properties, "
                    + "consent, preferred_channel, responses, preference_boost, fatigue)",
                "bad.profile.yaml:8:23: error: consent rate for email must be between 0 and 1",
                "bad.profile.yaml:11:24: error: missing 'sd' in property 'score' normal",
            ])
    }

    @Test func sizeIsChecked() throws {
        let test = try TestWorkspace()
        let (profile, text) = try sampleProfile()
        #expect(throws: WorkspaceError.invalidArgument("--size must be between 1 and 50000000, not 0")) {
            try test.workspace.synthesizeCohort(
                name: "z", profile: profile, profileYAML: text, size: 0, seed: 1)
        }
    }
}
