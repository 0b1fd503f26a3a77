/// Where each part of a journey stood in its file, keyed by a path such as
/// `nodes.opened-welcome.branches[0].if.any[1].operator`. The reader fills it; the
/// validator, which works on the model alone (the canvas has no file), looks places up.
public struct SourceMap: Sendable, Hashable {
    public var file: String
    var entries: [String: SourceLocation] = [:]

    public init(file: String) { self.file = file }

    mutating func record(_ path: String, _ location: SourceLocation) {
        if entries[path] == nil { entries[path] = location }
    }

    /// The location of `path`, or of its nearest recorded parent.
    public func location(_ path: String) -> SourceLocation? {
        var path = Substring(path)
        while true {
            if let found = entries[String(path)] { return found }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return nil }
            path = path[..<cut]
        }
    }
}

/// Builds the paths the source map is keyed by, so reader and validator agree.
enum SourcePath {
    static func node(_ id: String) -> String { "nodes.\(id)" }
    static func child(_ base: String, _ key: String) -> String { base.isEmpty ? key : "\(base).\(key)" }
    static func item(_ base: String, _ index: Int) -> String { "\(base)[\(index)]" }
}
