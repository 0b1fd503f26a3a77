/// A short-lived message in the bottom-right corner: "Saved version 4".
public struct Toast: Widget, Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case info, success, warning, error

        var role: ThemeRole {
            switch self {
            case .info: return .info
            case .success: return .success
            case .warning: return .warning
            case .error: return .error
            }
        }
    }

    public var message: String
    public var kind: Kind

    public init(_ message: String, kind: Kind = .info) {
        self.message = message
        self.kind = kind
    }

    /// Draws in the bottom-right of `area` (pass the area above the status bar).
    public func render(in area: Rect, frame: inout Frame) {
        guard area.width >= 6, area.height >= 3 else { return }
        let width = min(area.width, DisplayWidth.of(message) + 4)
        let rect = Rect(x: area.maxX - width, y: area.maxY - 3, width: width, height: 3)
        let block = Block(background: .panel)
        var bordered = block
        bordered.borderRole = kind.role
        bordered.render(in: rect, frame: &frame)
        frame.write(
            message, at: Point(x: rect.x + 2, y: rect.y + 1), style: frame.theme[kind.role],
            clip: rect.inset(top: 1, left: 2, bottom: 1, right: 1))
    }
}
