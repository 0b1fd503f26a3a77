import Foundation
import GRDB
import Testing

/// Live automation as it runs for real: `cairn serve` on a workspace with a journey activated
/// and file channels, 300 leads pushed over HTTP, half of them opening their email, the server
/// killed with `kill -9` twice at moments drawn from a fixed seed and started again. Every lead
/// gets exactly one email key and every opener exactly one sms key, no execution is lost or
/// stuck, and the file passes SQLite's integrity check.
@Suite(.serialized) struct LiveAutomationEndToEndTests {
    static let journey = """
        journey: e2e-follow-up
        name: Follow-up on opens
        entry:
          trigger: { type: event, event: lead.created }
          reentry: never
          next: welcome
        nodes:
          - id: welcome
            kind: action
            action: { type: send, channel: email, template: welcome }
            next: pause
          - id: pause
            kind: wait
            wait: { for: 3s }
            next: opened
          - id: opened
            kind: decision
            if: { type: behavior, field: email.opened, operator: exists }
            then: follow-up
            else: done
          - id: follow-up
            kind: action
            action: { type: send, channel: sms, template: follow-up }
            next: done
          - id: done
            kind: exit
            reason: series complete
        """

    /// A lead, and for an even one its `opened` event a second after its creation (after the
    /// welcome email, in event time), in one request: all or nothing, so a kill cannot separate
    /// them.
    static func records(_ indices: Range<Int>, createdAt: Date) -> String {
        let formatter = ISO8601DateFormatter()
        let created = formatter.string(from: createdAt)
        let opened = formatter.string(from: createdAt.addingTimeInterval(1))
        return indices.map { index in
            var lines = [
                #"{"type":"lead","id":"E\#(index)","created_at":"\#(created)","consents":["email","sms"]}"#
            ]
            if index % 2 == 0 {
                lines.append(
                    #"{"type":"event","lead_id":"E\#(index)","event":"opened","channel":"email","time":"\#(opened)"}"#
                )
            }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n") + "\n"
    }

    @Test func threeHundredLeadsSurviveTwoKills() throws {
        let folder = try TemporaryFolder()
        let database = folder.url.appendingPathComponent("cairn.db").path
        let journeyFile = try folder.file("e2e.journey.yaml", Array(Self.journey.utf8))
        let channels = try folder.file(
            "channels.yaml",
            Array(
                """
                channels:
                  email: { deliver: file, path: \(folder.url.path)/email.jsonl }
                  sms: { deliver: file, path: \(folder.url.path)/sms.jsonl }
                """.utf8))
        for arguments in [
            ["import", "journey", journeyFile, "--activate"], ["import", "channels", channels],
        ] {
            let outcome = try CairnProcess.run(arguments + ["--db", database])
            try #require(outcome.status == 0, "\(arguments): \(outcome.stderr)")
        }
        var random = SplitMix(seed: 13)
        let kills = Set([1 + Int(random.next() % 2), 3 + Int(random.next() % 3)])
        var server = try ServeCommandTests.RunningServer(["--db", database])
        try #require(server.port > 0, "\(server.firstLine)")
        for batch in 0..<6 {
            let body = Self.records(batch * 50..<(batch + 1) * 50, createdAt: Date())
            let response = try LoopbackHTTP.post(
                port: server.port, path: "/api/records", body: body, contentType: "application/x-ndjson")
            #expect(response.hasPrefix("HTTP/1.1 200"), "batch \(batch): \(response.prefix(300))")
            if kills.contains(batch) {
                // Somewhere in the next 3 s: mid-send, mid-wait or mid-decision.
                usleep(UInt32(random.next() % 3_000_000))
                kill(server.process.processIdentifier, SIGKILL)
                server.process.waitUntilExit()
                server = try ServeCommandTests.RunningServer(["--db", database])
                try #require(server.port > 0, "\(server.firstLine)")
            }
        }
        let settled = try Self.waitUntilSettled(database, executions: 300, within: 90)
        #expect(settled, "executions in flight or deliveries pending after 90 s")
        #expect(server.stop())
        try Self.checkTheOutcome(database, folder: folder.url)
    }

    /// Waits (bounded) until the journey's executions have all ended and its outbox is delivered.
    static func waitUntilSettled(_ database: String, executions: Int, within seconds: TimeInterval) throws
        -> Bool
    {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let queue = try DatabaseQueue(path: database)
            let (ended, undelivered) = try queue.read { db in
                let ended =
                    try Int.fetchOne(
                        db,
                        sql: """
                            SELECT COUNT(*) FROM workflow_executions e JOIN workflows w ON w.id = e.workflow_id
                            WHERE w.slug = 'e2e-follow-up' AND e.status != 'active'
                            """) ?? 0
                let undelivered =
                    try Int.fetchOne(
                        db,
                        sql:
                            "SELECT COUNT(*) FROM outbox WHERE journey = 'e2e-follow-up' AND state != 'delivered'"
                    )
                    ?? 0
                return (ended, undelivered)
            }
            if ended >= executions, undelivered == 0 { return true }
            usleep(250_000)
        }
        return false
    }

    static func checkTheOutcome(_ database: String, folder: URL) throws {
        let queue = try DatabaseQueue(path: database)
        try queue.read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            let statuses = try Row.fetchAll(
                db,
                sql: """
                    SELECT e.status, COUNT(*) AS n FROM workflow_executions e JOIN workflows w ON w.id = e.workflow_id
                    WHERE w.slug = 'e2e-follow-up' GROUP BY e.status
                    """
            ).map { "\($0["status"] as String)=\($0["n"] as Int)" }
            #expect(statuses == ["completed=300"])
            let keys = try Row.fetchAll(
                db,
                sql: """
                    SELECT lead_id, channel, COUNT(*) AS n FROM outbox WHERE journey = 'e2e-follow-up'
                    GROUP BY lead_id, channel
                    """)
            var email: [String: Int] = [:]
            var sms: [String: Int] = [:]
            for row in keys {
                let lead: String = row["lead_id"]
                if row["channel"] == "email" { email[lead] = row["n"] } else { sms[lead] = row["n"] }
            }
            #expect(email.count == 300 && email.values.allSatisfy { $0 == 1 })
            let openers = Set((0..<300).filter { $0 % 2 == 0 }.map { "E\($0)" })
            #expect(Set(sms.keys) == openers)
            #expect(sms.values.allSatisfy { $0 == 1 })
            // No lead of the journey is left in flight (the sample journeys, active too, may be).
            let stuck =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM live_leads l JOIN live_runs r ON r.run_id = l.run_id
                        JOIN workflows w ON w.id = r.workflow_id
                        WHERE w.slug = 'e2e-follow-up' AND l.execution_id IS NOT NULL
                        """) ?? -1
            #expect(stuck == 0)
        }
        // Delivered at least once, and never under a key the outbox does not have.
        let outboxKeys = Set(
            try queue.read { db in
                try String.fetchAll(
                    db, sql: "SELECT idempotency_key FROM outbox WHERE journey = 'e2e-follow-up'")
            })
        var delivered: Set<String> = []
        for name in ["email.jsonl", "sms.jsonl"] {
            let text = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
            for line in text.split(separator: "\n") {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                guard object?["journey"] as? String == "e2e-follow-up",
                    let key = object?["idempotency_key"] as? String
                else { continue }
                delivered.insert(key)
            }
        }
        #expect(delivered == outboxKeys, "\(delivered.count) keys delivered of \(outboxKeys.count)")
    }
}

/// A small seeded generator, so the kill moments are the same in every run.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension LoopbackHTTP {
    /// One HTTP/1.1 POST over a plain loopback socket.
    static func post(port: Int, path: String, body: String, contentType: String) throws -> String {
        let bytes = Array(body.utf8)
        return try exchange(
            port: port,
            head:
                "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: \(contentType)\r\n"
                + "Content-Length: \(bytes.count)\r\n\r\n",
            body: bytes)
    }
}
