import Foundation
import Testing
import Workspace

@testable import Automation

/// `LiveRuntime(wrote:)`: called once per round that wrote steps, never for a round with
/// nothing to write — what `cairn serve` hangs the delivery worker's wake-up on.
@Suite struct LiveRuntimeWroteTests {
    @Test func wroteIsCalledAfterARoundThatWroteSteps() throws {
        let live = try LiveFixture(journey: LiveRuntimeTests.followUp)
        let writes = WriteCount()
        live.runtime = LiveRuntime(workspace: live.workspace, wrote: { writes.add() })
        try live.runtime.iterate(at: LiveFixture.start)
        #expect(writes.value == 0)
        try live.push([LiveFixture.lead("L1", at: LiveFixture.start)])
        try live.runtime.iterate(at: LiveFixture.start.addingTimeInterval(1))
        #expect(writes.value == 1)
        #expect(try live.count("SELECT COUNT(*) FROM outbox") == 1)
        // Nothing due and nothing arrived: no write, no call.
        try live.runtime.iterate(at: LiveFixture.start.addingTimeInterval(2))
        #expect(writes.value == 1)
    }
}

private final class WriteCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
