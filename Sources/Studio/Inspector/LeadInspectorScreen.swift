import TerminalUI

/// One lead's path through a run (placeholder until the inspector lands).
struct LeadInspectorScreen: StudioScreen {
    enum Action: Hashable, Sendable { case none }
    enum Message: Sendable { case none }

    var lead: String
    var run: Int64

    var title: String { "Lead \(lead)" }
    var keyMap: KeyMap<Action> { KeyMap([]) }
    static var keyTables: [KeyTable] { [] }

    mutating func perform(_ action: Action, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        []
    }
    mutating func receive(_ message: Message, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        []
    }

    func view(in area: Rect, frame: inout Frame, _ environment: StudioEnvironment) {
        frame.render(Paragraph("Lead \(lead) in run \(run)."), in: area)
    }
}
