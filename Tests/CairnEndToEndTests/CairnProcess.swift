import Foundation

/// Runs the built `cairn` binary as a user would, capturing what it prints and its exit code.
struct CairnProcess {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        /// False when the process had to be killed after the time limit (a hang).
        var finished: Bool
    }

    /// The `cairn` executable next to the test bundle in the build products folder.
    static let binary: URL? = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        for folder in candidates {
            let url = folder.appendingPathComponent("cairn")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }()

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    static func run(
        _ arguments: [String], in directory: URL = repositoryRoot, environment: [String: String] = [:],
        timeLimit: TimeInterval = 30, standardInput: String? = nil
    ) throws -> Outcome {
        guard let binary else { throw MissingBinary() }
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = standardInput.map { _ in Pipe() }
        process.standardInput = input ?? FileHandle.nullDevice
        try process.run()
        if let input, let standardInput {
            // Small inputs only: more than a pipe holds would block until the child reads.
            input.fileHandleForWriting.write(Data(standardInput.utf8))
            try input.fileHandleForWriting.close()
        }
        // Drain both pipes while waiting, so a chatty process cannot block on a full pipe.
        let outData = Reader(out.fileHandleForReading)
        let errData = Reader(err.fileHandleForReading)
        let deadline = Date().addingTimeInterval(timeLimit)
        while process.isRunning, Date() < deadline { usleep(5000) }
        let finished = !process.isRunning
        if !finished {
            // As a crash or `kill -9` would: no handler runs.
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: outData.text(), stderr: errData.text(),
            finished: finished)
    }

    struct MissingBinary: Error, CustomStringConvertible {
        var description: String {
            "the cairn binary was not found next to the test bundle; run 'swift build' first"
        }
    }

    /// Collects a pipe's bytes on a background thread.
    final class Reader: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }

        func text() -> String {
            done.wait()
            return String(decoding: data, as: UTF8.self)
        }
    }
}

/// A fresh temporary folder, removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = url.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
