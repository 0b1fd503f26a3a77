import TerminalUI

/// A run's dashboard (placeholder until the dashboard lands).
struct DashboardScreen: StudioScreen {
    enum Action: Hashable, Sendable { case none }
    enum Message: Sendable { case none }

    var run: Int64?

    var title: String { "Dashboard" }
    var keyMap: KeyMap<Action> { KeyMap([]) }
    static var keyTables: [KeyTable] { [] }

    mutating func perform(_ action: Action, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        []
    }
    mutating func receive(_ message: Message, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        []
    }

    func view(in area: Rect, frame: inout Frame, _ environment: StudioEnvironment) {
        frame.render(Paragraph("The dashboard of run \(run.map(String.init) ?? "latest")."), in: area)
    }
}
