import JourneyModel
import TerminalUI
import Testing

@testable import Studio

/// The node editor drawn into frames at 80×24 and 120×40, from the seeded journeys.
@Suite struct NodeEditorSnapshotTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    func render(
        _ editor: NodeEditor, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        for size in Self.sizes {
            var frame = Frame(size: size, theme: .fallback(.truecolor))
            frame.fill(frame.area, role: .surface)
            editor.view(in: frame.area, frame: &frame)
            assertSnapshot(
                frame.buffer, cursor: frame.cursor, named: "editor-\(name)-\(size.width)x\(size.height)",
                sourceLocation: sourceLocation)
        }
    }

    func editor(_ journeyID: String, _ target: EditTarget, completions: Bool = false) throws -> NodeEditor {
        let workspace = try TestWorkspace()
        let journey = try seededJourney(workspace, journeyID)
        let names = completions ? try FieldCompletions.load(workspace.workspace) : FieldCompletions()
        return NodeEditor(journey: journey, target: target, completions: names)
    }

    @Test func decisionWithANestedCondition() throws {
        var editor = try editor("chat-qualified-to-closer", .node("still-open"))
        editor.focusCell("value", occurrence: 1)
        render(editor, "decision")
    }

    @Test func sendAction() throws {
        render(try editor("welcome-series", .node("welcome-email")), "action-send")
    }

    @Test func split() throws {
        render(try editor("geographic-campaigns", .node("offer-test")), "split")
    }

    @Test func entry() throws {
        render(try editor("re-engagement", .entry), "entry")
    }

    @Test func policy() throws {
        render(try editor("email-silence-to-sms", .policy), "policy")
    }

    @Test func inlineErrorAndRefusedApply() throws {
        var editor = try editor("welcome-series", .node("wait-2d"))
        editor.focusCell("wait.for")
        editor.replace(with: "2days")
        editor.press("ctrl+s")
        render(editor, "error")
    }

    @Test func fieldCompletion() throws {
        var editor = try editor("california-messaging", .node("in-california"), completions: true)
        editor.focusCell("field", occurrence: 1)
        editor.replace(with: "s")
        render(editor, "completion")
    }

    @Test func monochromeAndASCII() throws {
        // NO_COLOR and a non-UTF-8 locale: attributes only, ASCII lines and arrows.
        var editor = try editor("welcome-series", .node("opened-welcome"))
        editor.focusCell("value", occurrence: 1)
        editor.replace(with: "\"80\"")
        var frame = Frame(size: Size(width: 80, height: 24), theme: .fallback(.monochrome), glyphs: .ascii)
        frame.fill(frame.area, role: .surface)
        editor.view(in: frame.area, frame: &frame)
        assertSnapshot(frame.buffer, cursor: frame.cursor, named: "editor-ascii-mono-80x24")
    }

    @Test func discardQuestion() throws {
        var editor = try editor("welcome-series", .node("wait-2d"))
        editor.focusCell("wait.for")
        editor.replace(with: "5d")
        editor.press("esc")
        render(editor, "discard")
    }
}
