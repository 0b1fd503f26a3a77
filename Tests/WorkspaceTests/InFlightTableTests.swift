import Testing

@testable import ReplayEngine
@testable import Workspace

/// `InFlightTable` keeps each execution once, wherever it is filed, however it is asked for.
@Suite struct InFlightTableTests {
    static func key(_ lead: Int, _ rotation: Int = 0) -> ExecutionKey {
        ExecutionKey(leadID: "L\(lead)", rotation: rotation)
    }

    @Test func findsEachExecutionAgainHoweverItIsAsked() {
        var table = InFlightTable()
        // Dense slots, slots far apart (few leads entering), one slot shared, and none.
        let slots: [Int?] = [0, 1, 2, 5_000, 900_000, 2, nil, 7]
        let executions = slots.enumerated().map { lead, slot in table.execution(Self.key(lead), slot: slot) }
        #expect(table.count == slots.count)
        for (lead, slot) in slots.enumerated() {
            #expect(table.execution(Self.key(lead), slot: slot) === executions[lead])
            // A record told no slot finds it too.
            #expect(table.execution(Self.key(lead), slot: nil) === executions[lead])
        }
        #expect(table.count == slots.count)
        // The next rotation of a lead is a new execution, in the same slot once the first ended.
        table.remove(executions[1])
        let next = table.execution(Self.key(1, 1), slot: 1)
        #expect(next !== executions[1] && next.key == Self.key(1, 1))
        for execution in executions where execution !== executions[1] { table.remove(execution) }
        table.remove(next)
        #expect(table.count == 0)
    }

    @Test func lateFirstEntriesAreFiledBySlotOnceEnoughHaveCome() {
        var table = InFlightTable()
        // Leads that enter only after half a million were admitted (a weekly trigger, say):
        // by key at first, by slot once 64 places per execution reach their slots.
        let first = 500_000
        for lead in 0..<10_000 { _ = table.execution(Self.key(lead), slot: first + lead) }
        #expect(table.count == 10_000)
        let late = table.execution(Self.key(9_999), slot: first + 9_999)
        #expect(late.slot == first + 9_999)
        #expect(table.execution(Self.key(0), slot: first).slot == nil)
    }
}
