import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A tiny HTTP receiver on 127.0.0.1 for delivery tests: it answers the statuses it was given in
/// order (the last one repeats), or never answers when `silent`, and keeps what it was sent.
/// One connection at a time, on its own thread; `stop()` closes everything.
final class FakeReceiver: @unchecked Sendable {
    struct Received: Sendable {
        var headers: [String: String]
        var body: Data

        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var statuses: [Int]
    private let silent: Bool
    private var received: [Received] = []
    private var held: [Int32] = []
    private let done = DispatchSemaphore(value: 0)

    init(statuses: [Int], silent: Bool = false) throws {
        self.statuses = statuses
        self.silent = silent
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(listener, socketAddress, length) == 0 && listen(listener, 16) == 0
                    && getsockname(listener, socketAddress, &length) == 0
            }
        }
        guard bound else {
            close(listener)
            throw POSIXError(.EADDRINUSE)
        }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    var requests: [Received] { lock.withLock { received } }
    var url: String { "http://127.0.0.1:\(port)/hook" }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        done.wait()
        lock.withLock {
            for connection in held { close(connection) }
            held = []
        }
    }

    private func acceptLoop() {
        defer { done.signal() }
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            guard let request = read(connection) else {
                close(connection)
                continue
            }
            let status: Int? = lock.withLock {
                received.append(request)
                if silent {
                    held.append(connection)
                    return nil
                }
                return statuses.count > 1 ? statuses.removeFirst() : statuses.first ?? 200
            }
            guard let status else { continue }
            let body = status < 300 ? "ok" : "refused by the fake receiver"
            let answer =
                "HTTP/1.1 \(status) Status\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)"
            _ = Array(answer.utf8).withUnsafeBytes { send(connection, $0.baseAddress, $0.count, 0) }
            close(connection)
        }
    }

    /// The request's headers and body (by Content-Length); nil if the client went away.
    private func read(_ connection: Int32) -> Received? {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var headerEnd: Int?
        var contentLength = 0
        while headerEnd == nil || bytes.count < headerEnd! + contentLength {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            bytes.append(contentsOf: buffer[0..<count])
            if headerEnd == nil, let end = Self.find([13, 10, 13, 10], in: bytes) {
                headerEnd = end + 4
                contentLength = Self.headers(bytes[0..<end])["content-length"].flatMap { Int($0) } ?? 0
            }
        }
        let end = headerEnd ?? 0
        var headers: [String: String] = [:]
        for (name, value) in Self.headers(bytes[0..<(end - 4)]) { headers[name] = value }
        return Received(headers: headers, body: Data(bytes[end..<(end + contentLength)]))
    }

    static func headers(_ bytes: ArraySlice<UInt8>) -> [String: String] {
        var headers: [String: String] = [:]
        for line in String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        return headers
    }

    static func find(_ pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= pattern.count else { return nil }
        for start in 0...(bytes.count - pattern.count)
        where Array(bytes[start..<(start + pattern.count)]) == pattern {
            return start
        }
        return nil
    }
}
