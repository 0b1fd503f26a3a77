import Testing

@testable import Workspace

/// A live run is `running` for as long as its journey version runs: it reads as live, not as
/// an unfinished replay.
@Suite struct RunInfoStateTests {
    static func run(mode: String, status: String) -> RunInfo {
        RunInfo(
            id: 7, journey: "welcome-series", version: 3, cohort: "live", seed: 0, mode: mode, status: status,
            leads: 10, entries: 12, conversions: 2, startedAt: 1_780_000_000, finishedAt: nil,
            engineVersion: "test")
    }

    @Test func aRunningLiveRunIsLiveSinceItStarted() {
        let live = Self.run(mode: "live", status: "running")
        #expect(live.isLive)
        #expect(live.state == "live")
        #expect(live.stateText == "live since 2026-05-28T20:26:40Z")
    }

    @Test func otherRunsReadTheirStatus() {
        #expect(Self.run(mode: "simulated", status: "running").stateText == "running")
        #expect(Self.run(mode: "recorded", status: "completed").state == "completed")
        #expect(Self.run(mode: "live", status: "failed").stateText == "failed")
    }
}
