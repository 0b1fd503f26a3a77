import Dispatch

/// Workspace calls are synchronous SQLite work; they run on a dispatch queue so they never
/// hold up the server's event loops or Swift's cooperative threads.
enum BlockingWork {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try work() })
            }
        }
    }
}
