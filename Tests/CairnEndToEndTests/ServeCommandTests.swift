import Foundation
import Testing

/// `cairn serve` as a user runs it: on a free loopback port it answers over HTTP; on another
/// host without a token it refuses to start.
@Suite struct ServeCommandTests {
    /// A running `cairn serve` on a free port, stopped (SIGTERM, then SIGKILL) when it goes away.
    final class RunningServer {
        let process = Process()
        let port: Int
        let firstLine: String

        init(_ arguments: [String]) throws {
            guard let binary = CairnProcess.binary else { throw CairnProcess.MissingBinary() }
            process.executableURL = binary
            process.arguments = ["serve", "--port", "0"] + arguments
            var environment = ProcessInfo.processInfo.environment
            environment["CAIRN_API_TOKEN"] = nil
            process.environment = environment
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            firstLine = ServeCommandTests.firstLine(of: out.fileHandleForReading, within: 60)
            port = ServeCommandTests.port(in: firstLine) ?? 0
        }

        /// SIGTERM, and whether it stopped within the time limit.
        func stop() -> Bool {
            kill(process.processIdentifier, SIGTERM)
            let deadline = Date().addingTimeInterval(20)
            while process.isRunning, Date() < deadline { usleep(10_000) }
            return !process.isRunning
        }

        deinit {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
    }

    @Test func servesTheJourneysOnAFreePort() throws {
        let folder = try TemporaryFolder()
        let server = try RunningServer(["--db", folder.url.appendingPathComponent("cairn.db").path])
        #expect(
            server.firstLine.hasPrefix("cairn serve: listening on http://127.0.0.1:"), "\(server.firstLine)")
        try #require(server.port > 0)
        let response = try LoopbackHTTP.get(port: server.port, path: "/api/workflows")
        #expect(response.hasPrefix("HTTP/1.1 200"), "\(response.prefix(200))")
        #expect(response.contains("welcome-series"))
        let missing = try LoopbackHTTP.get(port: server.port, path: "/api/workflows/nope")
        #expect(missing.hasPrefix("HTTP/1.1 404"))
        #expect(missing.contains("application/problem+json"))
        // SIGTERM: a graceful stop.
        #expect(server.stop())
    }

    /// Where the kernel gives huge pages only on request, `cairn serve` (like `cairn replay`)
    /// starts itself again, in the same process, with glibc's allocator asking for them.
    @Test func theServerAsksTheAllocatorForHugePages() throws {
        let folder = try TemporaryFolder()
        let server = try RunningServer(["--db", folder.url.appendingPathComponent("cairn.db").path])
        try #require(server.port > 0)
        let environ = try Data(
            contentsOf: URL(fileURLWithPath: "/proc/\(server.process.processIdentifier)/environ"))
        let tunables = environ.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            .first { $0.hasPrefix("GLIBC_TUNABLES=") }
        let mode = try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8)
        let ownTunables = ProcessInfo.processInfo.environment["GLIBC_TUNABLES"]
        if mode?.contains("[madvise]") == true, ownTunables?.contains("glibc.malloc.hugetlb") != true {
            #expect(tunables?.hasSuffix("glibc.malloc.hugetlb=1") == true, "\(tunables ?? "none")")
        } else {
            #expect(tunables == ownTunables.map { "GLIBC_TUNABLES=\($0)" })
        }
        #expect(try LoopbackHTTP.get(port: server.port, path: "/api/workflows").hasPrefix("HTTP/1.1 200"))
        #expect(server.stop())
    }

    @Test func withATokenFileEveryRequestNeedsTheToken() throws {
        let folder = try TemporaryFolder()
        let tokenFile = try folder.file("api.token", Array("s3cret-token\n".utf8))
        let server = try RunningServer([
            "--db", folder.url.appendingPathComponent("cairn.db").path, "--token-file", tokenFile,
        ])
        #expect(server.firstLine.contains("bearer token required"), "\(server.firstLine)")
        try #require(server.port > 0)
        let refused = try LoopbackHTTP.get(port: server.port, path: "/api/workflows")
        #expect(refused.hasPrefix("HTTP/1.1 401"), "\(refused.prefix(200))")
        let wrong = try LoopbackHTTP.get(
            port: server.port, path: "/api/workflows", headers: ["Authorization": "Bearer guess"])
        #expect(wrong.hasPrefix("HTTP/1.1 401"))
        let allowed = try LoopbackHTTP.get(
            port: server.port, path: "/api/workflows", headers: ["Authorization": "Bearer s3cret-token"])
        #expect(allowed.hasPrefix("HTTP/1.1 200"), "\(allowed.prefix(200))")
        #expect(server.stop())
    }

    @Test func webhooksAreAddedListedAndRemoved() throws {
        let folder = try TemporaryFolder()
        let database = folder.url.appendingPathComponent("cairn.db").path
        let secret = try folder.file("form.secret", Array("abc\n".utf8))
        let added = try CairnProcess.run([
            "webhook", "add", "form", "--secret-file", secret, "--lead-id-field", "contact.id",
            "--map", "contact.state=state", "--cohort", "inbound", "--db", database,
        ])
        #expect(added.status == 0, "\(added.stderr)")
        let listed = try CairnProcess.run(["webhook", "list", "--format", "json", "--db", database])
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("\"contact.state\" : \"state\""), "\(listed.stdout)")
        #expect(!listed.stdout.contains("abc"))
        let badMap = try CairnProcess.run([
            "webhook", "add", "x", "--secret-file", secret, "--lead-id-field", "id", "--map", "nothing",
            "--db", database,
        ])
        #expect(badMap.status == 2)
        let removed = try CairnProcess.run(["webhook", "remove", "form", "--db", database])
        #expect(removed.status == 0)
        let unknown = try CairnProcess.run(["webhook", "remove", "form", "--db", database])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no webhook 'form'"))
    }

    @Test func refusesAnotherHostWithoutAToken() throws {
        let folder = try TemporaryFolder()
        let outcome = try CairnProcess.run(
            [
                "serve", "--host", "0.0.0.0", "--port", "0", "--db",
                folder.url.appendingPathComponent("c.db").path,
            ],
            environment: ["CAIRN_API_TOKEN": ""])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("set CAIRN_API_TOKEN or pass --token-file"), "\(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("c.db").path))
    }

    /// The first line the process prints, or what came before the time limit.
    static func firstLine(of handle: FileHandle, within seconds: TimeInterval) -> String {
        let collected = LineCollector()
        Thread.detachNewThread {
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                if collected.append(chunk) { break }
            }
        }
        let deadline = Date().addingTimeInterval(seconds)
        while !collected.hasLine, Date() < deadline { usleep(10_000) }
        return collected.firstLine
    }

    static func port(in line: String) -> Int? {
        guard let range = line.range(of: "http://127.0.0.1:") else { return nil }
        return Int(line[range.upperBound...].prefix { $0.isNumber })
    }

    final class LineCollector: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()

        /// True once a whole line is in.
        func append(_ chunk: Data) -> Bool {
            lock.withLock {
                data.append(chunk)
                return data.contains(0x0A)
            }
        }

        var hasLine: Bool { lock.withLock { data.contains(0x0A) } }

        var firstLine: String {
            lock.withLock {
                String(decoding: data.prefix { $0 != 0x0A }, as: UTF8.self)
            }
        }
    }
}

/// HTTP/1.1 over a plain loopback socket: no HTTP client library needed.
enum LoopbackHTTP {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func get(port: Int, path: String, headers: [String: String] = [:]) throws -> String {
        let extra = headers.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)\r\n" }.joined()
        return try exchange(
            port: port, head: "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\(extra)\r\n",
            body: [])
    }

    /// Sends a request (its head, then its body) and reads the whole response.
    static func exchange(port: Int, head: String, body: [UInt8]) throws -> String {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw Failure(description: "cannot connect to 127.0.0.1:\(port)") }
        let request = Array(head.utf8) + body
        guard send(descriptor, request, request.count, 0) == request.count else {
            throw Failure(description: "send() failed")
        }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count <= 0 { break }
            response += buffer[0..<count]
        }
        return String(decoding: response, as: UTF8.self)
    }
}
