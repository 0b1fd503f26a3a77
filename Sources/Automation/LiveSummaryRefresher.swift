import Foundation
import Workspace

/// Keeps the live runs' summaries (what `cairn report` and the dashboard read) at most a few
/// seconds old: every `interval` it recomputes, from the step log, the summaries of each live
/// run whose step log grew since the last time. Its own thread, so the runtime's rounds never
/// wait for it (only for SQLite's write lock while a refresh writes).
public final class LiveSummaryRefresher: LeaderWork, @unchecked Sendable {
    private let workspace: Workspace
    private let interval: TimeInterval
    private let loop = LoopThread(name: "cairn-live-summaries")
    /// Per live run, the step-log size it was last summarised at.
    private var seen: [Int64: Int64] = [:]

    public init(workspace: Workspace, interval: TimeInterval = 3) {
        self.workspace = workspace
        self.interval = interval
    }

    public func start() {
        loop.start { [unowned self] in
            self.refreshChanged()
            return Date().addingTimeInterval(self.interval)
        }
    }

    public func stop() {
        loop.stop()
    }

    /// One pass: the live runs whose step log grew get their summaries recomputed.
    public func refreshChanged(now: Date = Date()) {
        do {
            for (run, size) in try workspace.liveRunStepLogSizes() where seen[run] != size {
                try workspace.refreshRunSummaries(run: run, now: now)
                seen[run] = size
            }
        } catch {
            FileHandle.standardError.write(Data("cairn serve: live summaries: \(error.description)\n".utf8))
        }
    }
}
