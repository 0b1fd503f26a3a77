import Foundation
import Testing

/// `cairn serve` and the automation lease, with real processes on one workspace: one runs
/// automation, a second stands by and says so, takes over within 15 s of the first being
/// killed with `kill -9`; `--no-automation` leaves the lease alone; SIGTERM releases it.
@Suite(.serialized) struct LiveServeTests {
    /// A `cairn serve --port 0` whose every output line is kept.
    final class ServeProcess: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var buffer = Data()

        init(_ arguments: [String]) throws {
            guard let binary = CairnProcess.binary else { throw CairnProcess.MissingBinary() }
            process.executableURL = binary
            process.arguments = ["serve", "--host", "127.0.0.1", "--port", "0"] + arguments
            var environment = ProcessInfo.processInfo.environment
            environment["CAIRN_API_TOKEN"] = nil
            process.environment = environment
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let handle = out.fileHandleForReading
            Thread.detachNewThread { [self] in
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    lock.withLock { buffer.append(chunk) }
                }
            }
        }

        var lines: [String] {
            lock.withLock { String(decoding: buffer, as: UTF8.self).split(separator: "\n").map(String.init) }
        }

        /// The first line containing `text`, waiting at most `seconds` for it.
        func line(containing text: String, within seconds: TimeInterval) -> String? {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if let line = lines.first(where: { $0.contains(text) }) { return line }
                usleep(20_000)
            }
            return lines.first { $0.contains(text) }
        }

        func signal(_ number: Int32) -> Bool {
            kill(process.processIdentifier, number)
            let deadline = Date().addingTimeInterval(20)
            while process.isRunning, Date() < deadline { usleep(10_000) }
            return !process.isRunning
        }

        deinit {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
    }

    static func lease(_ database: String) throws -> [String: Any]? {
        let outcome = try CairnProcess.run(["live", "status", "--format", "json", "--db", database])
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        return object?["lease"] as? [String: Any]
    }

    @Test func aSecondServeStandsByAndTakesOverAKilledHolder() throws {
        let folder = try TemporaryFolder()
        let database = folder.url.appendingPathComponent("cairn.db").path
        let first = try ServeProcess(["--db", database])
        let running = first.line(containing: "automation running", within: 60)
        try #require(running == "cairn serve: automation running", "\(first.lines)")
        let second = try ServeProcess(["--db", database])
        let standby = second.line(containing: "standing by", within: 60)
        try #require(standby != nil, "\(second.lines)")
        #expect(
            standby?.hasPrefix(
                "cairn serve: automation standing by: held by pid \(first.process.processIdentifier) on ")
                == true)
        #expect(standby?.hasSuffix("s ago); taking over if it stops") == true)
        #expect(try Self.lease(database)?["pid"] as? Int == Int(first.process.processIdentifier))

        #expect(first.signal(SIGKILL))
        let takeover = second.line(containing: "took the lease over", within: 15)
        #expect(takeover == "cairn serve: automation running (took the lease over)", "\(second.lines)")
        #expect(try Self.lease(database)?["pid"] as? Int == Int(second.process.processIdentifier))
        #expect(second.signal(SIGTERM), "a graceful stop")
        #expect(try Self.lease(database) == nil, "stopping releases the lease")
    }

    @Test func noAutomationServesTheAPIAloneAndLeavesTheLease() throws {
        let folder = try TemporaryFolder()
        let database = folder.url.appendingPathComponent("cairn.db").path
        let apiOnly = try ServeProcess(["--db", database, "--no-automation"])
        let listening = apiOnly.line(containing: "listening on", within: 60)
        let port = listening.flatMap(ServeCommandTests.port(in:)) ?? 0
        try #require(port > 0, "\(apiOnly.lines)")
        #expect(try LoopbackHTTP.get(port: port, path: "/api/workflows").hasPrefix("HTTP/1.1 200"))
        let automated = try ServeProcess(["--db", database])
        #expect(
            automated.line(containing: "automation", within: 60) == "cairn serve: automation running",
            "the lease was free: \(automated.lines)")
        #expect(apiOnly.signal(SIGTERM) && automated.signal(SIGTERM))
        #expect(!apiOnly.lines.contains { $0.contains("automation") })
    }
}
