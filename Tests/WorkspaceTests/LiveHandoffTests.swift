import Foundation
import GRDB
import JourneyModel
import Testing

@testable import Workspace

/// Live handoffs: routing on the wall clock, the queue, people working it, the outbox.
@Suite struct LiveHandoffTests {
    /// Monday 2026-11-02 08:00 UTC: before working hours.
    static let mondayEight = 1_793_606_400.0
    static let mondayTen = mondayEight + 7200
    static let saturdayTen = 1_794_045_600.0

    static let roster = """
        agents:
          - { id: ana, kind: human, channels: [chat], expertise: [sales, demo], capacity: 1, time_zone: UTC,
              working_hours: { days: [mon, tue, wed, thu, fri], from: "09:00", to: "17:00" } }
          - { id: ben, name: Ben Okafor, kind: human, channels: [chat, email], expertise: [sales], capacity: 2,
              time_zone: UTC, working_hours: { days: [mon, tue, wed, thu, fri, sat, sun], from: "09:00", to: "17:00" } }
          - { id: sms-bot, kind: bot, channels: [sms], capacity: 1 }
        """

    static func workspace() throws -> TestWorkspace {
        let test = try TestWorkspace()
        try test.workspace.importAgents(yaml: roster, file: "agents.yaml")
        return test
    }

    static func request(
        _ id: String, _ target: HandoffTarget, at time: Double = mondayTen, key: String? = nil
    ) -> LiveHandoffRequest {
        LiveHandoffRequest(
            id: id, leadID: "L-\(id)", journey: "welcome-series", version: 3, node: "to-sales",
            target: target,
            reason: "score over 80",
            context: .object(["reason": .string("score over 80"), "score": .number(87)]),
            idempotencyKey: key ?? "exec-\(id):to-sales:1", requestedAt: time)
    }

    static let sales = HandoffTarget(expertise: ["sales"])

    @Test func leastLoadedMatchingAgentFirstRosterOrderBreakingTies() throws {
        let test = try Self.workspace()
        let ws = test.workspace
        #expect(
            try ws.requestLiveHandoff(Self.request("h1", Self.sales), now: Self.mondayTen)
                == .assigned(agentID: "ana"))
        #expect(
            try ws.requestLiveHandoff(Self.request("h2", Self.sales), now: Self.mondayTen)
                == .assigned(agentID: "ben"))
        #expect(
            try ws.requestLiveHandoff(Self.request("h3", Self.sales), now: Self.mondayTen)
                == .assigned(agentID: "ben"))
        #expect(try ws.requestLiveHandoff(Self.request("h4", Self.sales), now: Self.mondayTen) == .queued)
        #expect(try ws.liveHandoff("h4").state == .queued)
        #expect(try ws.liveHandoff("h2").state == .assigned)
    }

    @Test func everyExpertiseTagChannelAndNameMustMatch() throws {
        let test = try Self.workspace()
        let ws = test.workspace
        let demo = HandoffTarget(expertise: ["sales", "demo"])
        #expect(
            try ws.requestLiveHandoff(Self.request("d", demo), now: Self.mondayTen)
                == .assigned(agentID: "ana"))
        let byName = HandoffTarget(agent: "Ben Okafor")
        #expect(
            try ws.requestLiveHandoff(Self.request("n", byName), now: Self.mondayTen)
                == .assigned(agentID: "ben"))
        let email = HandoffTarget(channel: .email, expertise: ["sales"])
        #expect(
            try ws.requestLiveHandoff(Self.request("e", email), now: Self.mondayTen)
                == .assigned(agentID: "ben"))
        let nobody = HandoffTarget(expertise: ["sales", "closing"])
        #expect(try ws.requestLiveHandoff(Self.request("x", nobody), now: Self.mondayTen) == .noMatchingAgent)
        let closed = try ws.liveHandoff("x")
        #expect(closed.state == .noAgent && closed.closedAt == Self.mondayTen && closed.agentID == nil)
        #expect(try test.count("outbox") == 3)
    }

    @Test func workingHoursOnTheInjectedClockThenHandoffTimeFromRealTimestamps() throws {
        let test = try Self.workspace()
        let ws = test.workspace
        let asked = Self.mondayEight + 0.25
        #expect(try ws.requestLiveHandoff(Self.request("h", Self.sales, at: asked), now: asked) == .queued)
        #expect(try ws.assignQueuedHandoffs(now: Self.mondayEight + 1800) == 0)
        let nine = Self.mondayEight + 3600.75
        #expect(try ws.assignQueuedHandoffs(now: nine) == 1)
        let handoff = try ws.liveHandoff("h")
        #expect(handoff.agentID == "ana" && handoff.state == .assigned)
        #expect(handoff.assignedAt == nine && handoff.handoffSeconds == 3600.5)
        let wait = try test.workspace.pool.read { db in
            try Row.fetchOne(
                db,
                sql: "SELECT created_at, assigned_at, queue_wait_seconds FROM agent_handoffs WHERE id = 'h'")
        }
        #expect(wait?["created_at"] == Int64(Self.mondayEight))
        #expect(wait?["assigned_at"] == Int64(Self.mondayEight) + 3600)
        #expect(wait?["queue_wait_seconds"] == 3601)
        // Saturday: ana does not work weekends (ben, who does, has no demo expertise).
        try ws.completeHandoff("h", now: nine + 1)
        let saturday = Self.request("s", HandoffTarget(expertise: ["demo"]), at: Self.saturdayTen)
        #expect(try ws.requestLiveHandoff(saturday, now: Self.saturdayTen) == .queued)
        let sales = Self.request("s2", Self.sales, at: Self.saturdayTen)
        #expect(try ws.requestLiveHandoff(sales, now: Self.saturdayTen) == .assigned(agentID: "ben"))
    }

    @Test func botsTakeAtOnceAndAccept() throws {
        let test = try Self.workspace()
        let ws = test.workspace
        let bot = HandoffTarget(channel: .sms, kind: .bot)
        #expect(
            try ws.requestLiveHandoff(Self.request("b", bot, at: Self.saturdayTen), now: Self.saturdayTen)
                == .assigned(agentID: "sms-bot"))
        let handoff = try ws.liveHandoff("b")
        #expect(
            handoff.state == .accepted && handoff.acceptedAt == Self.saturdayTen
                && handoff.handoffSeconds == 0)
        // Capacity 1: the next one waits for the bot to complete the first.
        #expect(try ws.requestLiveHandoff(Self.request("b2", bot), now: Self.saturdayTen) == .queued)
        try ws.completeHandoff("b", now: Self.saturdayTen + 5)
        #expect(try ws.liveHandoff("b2").state == .accepted)
    }

    @Test func theOutboxRowIsWrittenOnceWithTheRequestsKey() throws {
        let test = try Self.workspace()
        let ws = test.workspace
        let request = Self.request("h", HandoffTarget(agent: "ana"), key: "exec-1:to-sales:2")
        #expect(try ws.requestLiveHandoff(request, now: Self.mondayTen) == .assigned(agentID: "ana"))
        #expect(try ws.requestLiveHandoff(request, now: Self.mondayTen + 1) == .assigned(agentID: "ana"))
        #expect(try test.count("outbox") == 1)
        #expect(try test.count("agent_handoffs") == 1)
        let row = try #require(try ws.outboxEntry(key: "exec-1:to-sales:2"))
        #expect(row.request.channel == "handoff" && row.request.recipient == "ana")
        #expect(
            row.request.journey == "welcome-series" && row.request.version == 3
                && row.request.node == "to-sales")
        #expect(row.request.payload["handoff_id"] == .string("h"))
        #expect(row.request.payload["score"] == .number(87))
        #expect(row.request.requestedAt == Self.mondayTen)
    }

    @Test func theStepsTransactionCarriesTheRequest() throws {
        let test = try Self.workspace()
        let outcome = try test.workspace.pool.write { db in
            try Workspace.requestLiveHandoff(Self.request("t", Self.sales), in: db, now: Self.mondayTen)
        }
        #expect(outcome == .assigned(agentID: "ana"))
        #expect(try test.count("outbox") == 1)
    }

    @Test func completingFreesCapacityForTheQueueOldestFirst() throws {
        let test = try Self.workspace()
        let ws = test.workspace
        let ana = HandoffTarget(agent: "ana")
        try ws.requestLiveHandoff(Self.request("a1", ana), now: Self.mondayTen)
        try ws.requestLiveHandoff(Self.request("a2", ana, at: Self.mondayTen + 1), now: Self.mondayTen + 1)
        try ws.requestLiveHandoff(Self.request("a3", ana, at: Self.mondayTen + 2), now: Self.mondayTen + 2)
        var inbox = try ws.handoffInbox(agent: "ana")
        #expect(inbox.open.map(\.id) == ["a1"] && inbox.queued.map(\.id) == ["a2", "a3"])
        try ws.acceptHandoff("a1", now: Self.mondayTen + 3)
        let done = try ws.completeHandoff("a1", now: Self.mondayTen + 60)
        #expect(done.state == .completed && done.closedAt == Self.mondayTen + 60)
        inbox = try ws.handoffInbox(agent: "ana")
        #expect(inbox.open.map(\.id) == ["a2"] && inbox.queued.map(\.id) == ["a3"])
        #expect(try ws.liveHandoff("a2").handoffSeconds == 59)
        #expect(try ws.handoffInbox(agent: "ben").queued.isEmpty)
    }

    @Test func releaseGoesToAnotherAgentWithTheNextKey() throws {
        let test = try Self.workspace()
        let ws = test.workspace
        try ws.requestLiveHandoff(Self.request("r", Self.sales, key: "K"), now: Self.mondayTen)
        #expect(try ws.liveHandoff("r").agentID == "ana")
        let released = try ws.releaseHandoff("r", now: Self.mondayTen + 30)
        #expect(released.agentID == "ben" && released.state == .assigned && released.handoffSeconds == 30)
        #expect(try ws.outboxEntry(key: "K#2")?.request.recipient == "ben")
        try ws.releaseHandoff("r", now: Self.mondayTen + 40)
        #expect(try ws.liveHandoff("r").agentID == "ana")
        #expect(try ws.outboxEntry(key: "K#3")?.request.recipient == "ana")
    }

    @Test func theOnlyMatchingAgentGetsItBackLaterNotAtOnce() throws {
        let test = try Self.workspace()
        let ws = test.workspace
        try ws.requestLiveHandoff(Self.request("r", HandoffTarget(agent: "ana")), now: Self.mondayTen)
        let released = try ws.releaseHandoff("r", now: Self.mondayTen + 1)
        #expect(released.state == .queued && released.agentID == nil && released.assignedAt == nil)
        #expect(try ws.assignQueuedHandoffs(now: Self.mondayTen + 2) == 1)
        #expect(try ws.liveHandoff("r").agentID == "ana")
    }

    @Test func wrongStatesAndUnknownIdsAreClearErrors() throws {
        let test = try Self.workspace()
        let ws = test.workspace
        try ws.requestLiveHandoff(Self.request("q", Self.sales, at: Self.mondayEight), now: Self.mondayEight)
        #expect(
            throws: WorkspaceError.handoffWrongState(
                id: "q", state: "queued", action: "accept", allowed: ["assigned"])
        ) {
            try ws.acceptHandoff("q", now: Self.mondayEight)
        }
        #expect(throws: WorkspaceError.handoffNotFound("nope")) { try ws.completeHandoff("nope", now: 0) }
        try ws.requestLiveHandoff(Self.request("a", Self.sales), now: Self.mondayTen)
        try ws.acceptHandoff("a", now: Self.mondayTen)
        #expect(throws: WorkspaceError.self) { try ws.acceptHandoff("a", now: Self.mondayTen) }
        try ws.completeHandoff("a", now: Self.mondayTen)
        do {
            try ws.releaseHandoff("a", now: Self.mondayTen)
            Issue.record("released a completed handoff")
        } catch {
            #expect(
                "\(error)"
                    == "cannot release handoff 'a': it is completed; release takes assigned or accepted handoffs"
            )
        }
        #expect(throws: WorkspaceError.agentNotFound("anna", suggestion: "ana")) {
            try ws.handoffInbox(agent: "anna")
        }
    }

    @Test func replayRowsKeepNoStateAndAreNeitherFoundNorCounted() throws {
        let test = try Self.workspace()
        try test.workspace.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO agent_handoffs (id, lead_id, to_agent_id, handoff_reason, created_at)
                    VALUES ('replayed', 'L-1', 'ana', 'score', 0)
                    """)
        }
        #expect(throws: WorkspaceError.handoffNotFound("replayed")) {
            try test.workspace.acceptHandoff("replayed", now: Self.mondayTen)
        }
        #expect(try test.workspace.handoffInbox(agent: "ana").open.isEmpty)
        let demo = Self.request("d", HandoffTarget(expertise: ["demo"]))
        #expect(try test.workspace.requestLiveHandoff(demo, now: Self.mondayTen) == .assigned(agentID: "ana"))
    }
}
