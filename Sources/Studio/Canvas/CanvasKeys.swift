import TerminalUI

/// What the canvas's keys do.
enum CanvasAction: Hashable, Sendable {
    case left, right, up, down, nextEdge, previousEdge, jump
    case compact, outline, overlay
    case edit, editEntry, editGoal, editPolicy
    case add, insert, connect, disconnect, delete, moveBranch, undo, redo, save
    case replay, dashboard, findLead
    /// A key of the node editor while it is open (dispatched by `intercept`; listed for hints).
    case editorKey(Key)
    /// Keys of a prompt or the delete question (dispatched by `intercept`; listed for help).
    case promptKey(String)
}

/// The canvas's key maps: the canvas itself, a prompt (jump, pick, message), the delete question.
enum CanvasKeys {
    static let canvas = KeyMap<CanvasAction>([
        KeyBinding(
            keys: ["h", "left"], action: .left, help: "left",
            longHelp: "Select the nearest node to the left (in one column: the previous)",
            group: "Moving", palette: false),
        KeyBinding(
            keys: ["l", "right"], action: .right, help: "right",
            longHelp: "Select the nearest node to the right (in one column: the next)", group: "Moving",
            palette: false),
        KeyBinding(
            keys: ["k", "up"], action: .up, help: "up",
            longHelp: "Select the nearest node above (in one column: the previous)",
            group: "Moving", palette: false),
        KeyBinding(
            keys: ["j", "down"], action: .down, help: "down",
            longHelp: "Select the nearest node below (in one column: the next)",
            group: "Moving", palette: false),
        KeyBinding(
            keys: ["tab"], action: .nextEdge, help: "follow edge",
            longHelp: "Follow the selected node's edges, each in turn", group: "Moving"),
        KeyBinding(
            keys: ["shift+tab"], action: .previousEdge, help: "back along edge",
            longHelp: "Go back the way Tab came", group: "Moving"),
        KeyBinding(
            keys: ["g"], action: .jump, help: "jump", longHelp: "Jump to a node by name", group: "Moving",
            statusBar: true),
        KeyBinding(
            keys: ["z"], action: .compact, help: "compact",
            longHelp: "Toggle compact zoom: smaller boxes, ids only", group: "View"),
        KeyBinding(
            keys: ["o"], action: .outline, help: "outline",
            longHelp: "Toggle the outline: the nodes as a list with summaries", group: "View"),
        KeyBinding(
            keys: ["v"], action: .overlay, help: "run counts",
            longHelp: "Toggle the run's counts on nodes and edges", group: "View"),
        KeyBinding(
            keys: ["enter", "e"], action: .edit, help: "edit",
            longHelp: "Open the node editor on the selected node", group: "Editing", statusBar: true),
        KeyBinding(
            keys: ["E"], action: .editEntry, help: "edit entry",
            longHelp: "Edit the journey's entry: trigger, audience, re-entry", group: "Editing"),
        KeyBinding(
            keys: ["G"], action: .editGoal, help: "edit goal", longHelp: "Edit the journey's goal",
            group: "Editing"),
        KeyBinding(
            keys: ["P"], action: .editPolicy, help: "edit policy",
            longHelp: "Edit the journey's policy: caps, quiet hours, handoffs", group: "Editing"),
        KeyBinding(
            keys: ["a"], action: .add, help: "add",
            longHelp: "Add a node after the selected one (pick its kind)", group: "Editing", statusBar: true),
        KeyBinding(
            keys: ["i"], action: .insert, help: "insert on edge",
            longHelp: "Insert a node on an edge (pick the edge, then the kind)", group: "Editing"),
        KeyBinding(
            keys: ["c"], action: .connect, help: "connect",
            longHelp: "Connect the selected node to another (pick the target)", group: "Editing"),
        KeyBinding(
            keys: ["x"], action: .disconnect, help: "disconnect",
            longHelp: "Disconnect one of the selected node's edges", group: "Editing"),
        KeyBinding(
            keys: ["D", "delete"], action: .delete, help: "delete",
            longHelp: "Delete the selected node (asks first)", group: "Editing"),
        KeyBinding(
            keys: ["m"], action: .moveBranch, help: "move branch",
            longHelp: "Move the selected node and its branch under another node", group: "Editing"),
        KeyBinding(
            keys: ["u"], action: .undo, help: "undo", longHelp: "Undo the last edit", group: "Editing"),
        KeyBinding(
            keys: ["ctrl+r"], action: .redo, help: "redo", longHelp: "Redo the edit undone last",
            group: "Editing"),
        KeyBinding(
            keys: ["s"], action: .save, help: "save",
            longHelp: "Save the journey as a new version (asks for a message)", group: "Editing",
            statusBar: true),
        KeyBinding(
            keys: ["r"], action: .replay, help: "replay", longHelp: "Replay this journey over a cohort",
            group: "Run"),
        KeyBinding(
            keys: ["d"], action: .dashboard, help: "dashboard",
            longHelp: "Open the dashboard of the run shown", group: "Run"),
        KeyBinding(
            keys: ["f"], action: .findLead, help: "find lead",
            longHelp: "Find a lead of the run by id and open the inspector", group: "Run"),
    ])

    static let prompt = KeyMap<CanvasAction>([
        KeyBinding(
            keys: ["enter"], action: .promptKey("enter"), help: "choose",
            longHelp: "Take the highlighted choice (or the text typed)", group: "Prompt", statusBar: true,
            palette: false),
        KeyBinding(
            keys: ["tab"], action: .promptKey("tab"), help: "complete",
            longHelp: "Complete the text to the highlighted choice", group: "Prompt", statusBar: true,
            palette: false),
        KeyBinding(
            keys: ["up", "down"], action: .promptKey("move"), help: "highlight",
            longHelp: "Highlight the previous or next choice", group: "Prompt", palette: false),
        KeyBinding(
            keys: ["esc"], action: .promptKey("esc"), help: "cancel",
            longHelp: "Close the prompt without doing anything", group: "Prompt", statusBar: true,
            palette: false),
    ])

    static let confirm = KeyMap<CanvasAction>([
        KeyBinding(
            keys: ["y"], action: .promptKey("y"), help: "delete", longHelp: "Delete the node",
            group: "Delete question", statusBar: true, palette: false),
        KeyBinding(
            keys: ["n", "esc"], action: .promptKey("n"), help: "keep", longHelp: "Keep the node",
            group: "Delete question", statusBar: true, palette: false),
        KeyBinding(
            keys: ["left", "right"], action: .promptKey("move"), help: "choose",
            longHelp: "Move between the buttons (No is the default)", group: "Delete question", palette: false
        ),
        KeyBinding(
            keys: ["enter"], action: .promptKey("enter"), help: "answer",
            longHelp: "Take the highlighted button", group: "Delete question", palette: false),
    ])

    /// The editor's keys, as canvas actions, for the status bar and help while it is open.
    static func editor(_ map: KeyMap<Key>) -> KeyMap<CanvasAction> {
        KeyMap(
            map.bindings.map {
                KeyBinding(
                    $0.keys, .editorKey($0.action), help: $0.help, longHelp: $0.longHelp, group: $0.group,
                    statusBar: $0.showsInStatusBar, palette: false)
            })
    }
}
