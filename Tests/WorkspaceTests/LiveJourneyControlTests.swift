import Foundation
import GRDB
import Testing

@testable import Workspace

/// `cairn live pause|resume` write `live_journeys`; an unknown journey is a located error.
@Suite struct LiveJourneyControlTests {
    @Test func pausesAndResumesAJourney() throws {
        let test = try TestWorkspace()
        try test.workspace.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO workflows (id, slug, name, trigger_config, conditions, actions, latest_version,
                        created_at, updated_at) VALUES ('W1', 'welcome', 'Welcome', '{}', '[]', '[]', 1, 10, 10)
                    """)
        }
        #expect(
            try test.workspace.liveJourneyState("welcome")
                == LiveJourneyState(paused: false, reason: nil, changedAt: nil))
        try test.workspace.pauseLiveJourney("welcome", reason: "bad template", now: 50.5)
        #expect(
            try test.workspace.liveJourneyState("welcome")
                == LiveJourneyState(paused: true, reason: "bad template", changedAt: 50.5))
        try test.workspace.resumeLiveJourney("welcome", now: 60)
        #expect(
            try test.workspace.liveJourneyState("welcome")
                == LiveJourneyState(paused: false, reason: nil, changedAt: 60))
        let rows = try test.workspace.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT workflow_id, state FROM live_journeys")
        }
        #expect(rows.count == 1 && rows.first?["workflow_id"] == "W1" && rows.first?["state"] == "running")
        #expect(throws: WorkspaceError.journeyNotFound("welcom", suggestion: "welcome")) {
            try test.workspace.pauseLiveJourney("welcom", reason: nil)
        }
    }
}
