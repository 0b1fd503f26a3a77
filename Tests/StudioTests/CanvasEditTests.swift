import JourneyModel
import TerminalUI
import Testing

@testable import Studio

/// The canvas's structural edits as pure functions, and undo over them.
@Suite struct CanvasEditTests {
    static let journey = """
        journey: edits
        name: Edits
        entry: { trigger: { type: event, event: lead.created }, next: send }
        nodes:
          - { id: send, kind: action, action: { type: send, channel: email, template: hi }, next: check }
          - id: check
            kind: decision
            if: { type: behavior, field: email.opened, operator: exists }
            then: won
            else: nudge
          - { id: nudge, kind: action, action: { type: send, channel: sms, template: nudge }, next: done }
          - { id: won, kind: goal }
          - { id: done, kind: exit }
        """

    static func sample() throws -> Journey {
        try #require(JourneyReader.read(journey, file: "edits.yaml").journey)
    }

    static func targets(_ id: String, _ journey: Journey) -> [String?] {
        JourneyEdits.slots(of: id, in: journey).map(\.target)
    }

    @Test func insertingOnAnEdgePutsTheNewNodeBetween() throws {
        let journey = try Self.sample()
        let (edited, id) = try JourneyEdits.insert(.wait, on: .otherwise, of: "check", in: journey)
        #expect(id == "wait-1")
        #expect(Self.targets("check", edited) == ["won", "wait-1"])
        #expect(Self.targets("wait-1", edited) == ["nudge"])
        #expect(JourneyValidator.validate(edited).isEmpty)
        let (split, splitID) = try JourneyEdits.insert(.split, on: .entryNext, of: "entry", in: journey)
        #expect(splitID == "split-1")
        #expect(Self.targets("split-1", split) == ["send", "send"])
        #expect(JourneyEdits.freshID(.action, in: journey) == "action-3")
    }

    @Test func connectFillsAFreeWayAndRefusesWhenNoneIsLeft() throws {
        let journey = try Self.sample()
        let open = try JourneyEdits.setting(.next, of: "nudge", to: nil, in: journey)
        #expect(Self.targets("nudge", open) == [nil])
        let connected = try JourneyEdits.connect("nudge", to: "won", in: open)
        #expect(Self.targets("nudge", connected) == ["won"])
        #expect(throws: JourneyEditError.self) { try JourneyEdits.connect("send", to: "done", in: journey) }
        #expect(throws: JourneyEditError.self) { try JourneyEdits.connect("done", to: "send", in: journey) }
    }

    @Test func disconnectingADecisionBranchRemovesIt() throws {
        let journey = try Self.sample()
        let edited = try JourneyEdits.setting(.branch(0), of: "check", to: nil, in: journey)
        guard case .decision(let decision) = edited.node("check")?.body else {
            Issue.record("check is no longer a decision")
            return
        }
        #expect(decision.branches.isEmpty && decision.otherwise == "nudge")
        #expect(throws: JourneyEditError.self) {
            try JourneyEdits.setting(.entryNext, of: "entry", to: nil, in: journey)
        }
    }

    @Test func deleteReconnectsThroughALoneSuccessor() throws {
        let journey = try Self.sample()
        let edited = try JourneyEdits.delete("nudge", in: journey)
        #expect(edited.node("nudge") == nil)
        #expect(Self.targets("check", edited) == ["won", "done"])
        // A decision has two successors: what led to it is disconnected; the entry refuses.
        let noDecision = try JourneyEdits.delete("check", in: journey)
        #expect(Self.targets("send", noDecision) == [nil])
        #expect(throws: JourneyEditError.self) {
            try JourneyEdits.delete("send", in: noDecision) == noDecision
        }
        #expect(throws: JourneyEditError.self) { try JourneyEdits.delete("entry", in: journey) }
    }

    @Test func movingABranchReattachesItUnderAnotherNode() throws {
        let journey = try Self.sample()
        // nudge (and done after it) move from the decision's "no" to after the goal-less exit path.
        let open = try JourneyEdits.setting(.next, of: "send", to: nil, in: journey)
        let moved = try JourneyEdits.moveBranch("nudge", under: "send", in: open)
        #expect(Self.targets("send", moved) == ["nudge"])
        #expect(Self.targets("check", moved) == ["won", nil])
        #expect(Self.targets("nudge", moved) == ["done"])
        #expect(throws: JourneyEditError.self) {
            try JourneyEdits.moveBranch("nudge", under: "done", in: open)
        }
    }

    @Test func undoAndRedoWalkWholeJourneysAndValidationFollows() throws {
        let journey = try Self.sample()
        var document = CanvasDocument(journey: journey, version: 1)
        #expect(document.diagnostics.isEmpty && !document.isDirty)
        document.apply(try JourneyEdits.setting(.next, of: "send", to: nil, in: journey))
        #expect(document.isDirty)
        #expect(document.problemNodes.contains("check"))
        #expect(document.message(for: "check")?.nodeID == "check")
        let undone = document.undo()
        #expect(undone && !document.isDirty && document.diagnostics.isEmpty)
        let redone = document.redo()
        #expect(redone && document.isDirty)
        let again = document.redo()
        #expect(!again)
        // Applying the same journey is not a step: one undo empties the stack.
        document.apply(document.journey)
        document.undo()
        #expect(!document.canUndo)
    }
}
