/// An error or warning about a journey, located in its file when it came from one,
/// and tied to a node when it concerns one (so the canvas can mark it).
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?
    public var nodeID: String?

    public init(
        _ severity: Severity, _ message: String, at location: SourceLocation?, node nodeID: String? = nil
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.nodeID = nodeID
    }

    /// `file:line:col: error: message`, like a compiler.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }

    /// In file order; unlocated ones last, in the order they were found.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case (let x?, let y?):
                return (x.line, x.column, a.offset) < (y.line, y.column, b.offset)
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.offset < b.offset
            }
        }.map(\.element)
    }
}
