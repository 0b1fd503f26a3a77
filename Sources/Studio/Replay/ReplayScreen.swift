import TerminalUI

/// Sets up and watches a replay (placeholder until the replay screen lands).
struct ReplayScreen: StudioScreen {
    enum Action: Hashable, Sendable { case none }
    enum Message: Sendable { case none }

    var journey: String
    var version: Int?

    var title: String { "Replay \(journey)" }
    var keyMap: KeyMap<Action> { KeyMap([]) }
    static var keyTables: [KeyTable] { [] }

    mutating func perform(_ action: Action, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        []
    }
    mutating func receive(_ message: Message, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        []
    }

    func view(in area: Rect, frame: inout Frame, _ environment: StudioEnvironment) {
        frame.render(Paragraph("Replay \(journey)."), in: area)
    }
}
