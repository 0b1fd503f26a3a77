import TerminalUI

/// A journey on the canvas (placeholder until the canvas lands).
struct CanvasScreen: StudioScreen {
    enum Action: Hashable, Sendable { case none }
    enum Message: Sendable { case none }

    var journey: String
    var version: Int?
    var run: Int64?

    var title: String { journey }
    var keyMap: KeyMap<Action> { KeyMap([]) }
    static var keyTables: [KeyTable] { [] }

    mutating func perform(_ action: Action, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        []
    }
    mutating func receive(_ message: Message, _ environment: StudioEnvironment) -> [Effect<StudioMessage>] {
        []
    }

    func view(in area: Rect, frame: inout Frame, _ environment: StudioEnvironment) {
        frame.render(Paragraph("The canvas of \(journey)."), in: area)
    }
}
