import Foundation
import Workspace

/// `deliver: file`: appends each delivery as one line of JSON to a file (created with its
/// folders), in one `write` per line on a descriptor opened for appending, so lines from
/// several writers never interleave; `finish` fsyncs before anything is marked delivered.
public final class FileDeliveryAdapter: DeliveryAdapter {
    public let path: String
    private var descriptor: Int32 = -1
    private var openFailure: String?

    public init(path: String) {
        self.path = path
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            openFailure = "cannot create the folder \(folder): \(error.localizedDescription)"
            return
        }
        descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        if descriptor < 0 { openFailure = "cannot open \(path): \(String(cString: strerror(errno)))" }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    public func deliver(_ text: String, entry: OutboxEntry, attempt: Int) -> DeliveryResult {
        if let openFailure { return .failed(reason: openFailure, retryable: true) }
        let line = Array((text + "\n").utf8)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else {
            let reason = written < 0 ? String(cString: strerror(errno)) : "short write"
            return .failed(reason: "cannot append to \(path): \(reason)", retryable: true)
        }
        return .delivered
    }

    public func finish() -> String? {
        guard descriptor >= 0 else { return nil }
        defer {
            close(descriptor)
            descriptor = -1
        }
        if fsync(descriptor) != 0 { return "cannot sync \(path): \(String(cString: strerror(errno)))" }
        return nil
    }
}
