/// Picks and loads a theme by name from theme texts the caller supplies (the
/// binary embeds `themes/*.yaml`; how is the caller's business), never failing:
/// a bad or unknown theme yields the fallback plus a message to show or log.
public struct ThemeLoader: Sendable {
    /// Theme file texts by theme name (`default`, `light`, ...).
    public var sources: [String: String]

    public init(sources: [String: String]) {
        self.sources = sources
    }

    public struct Result: Sendable {
        public var theme: Theme
        /// Why the requested theme was not used, when it was not.
        public var problem: String?
    }

    public var availableNames: [String] {
        sources.keys.sorted()
    }

    /// The theme called `name` (`nil` means `default`), or the fallback with a problem.
    public func load(named name: String?) -> Result {
        let wanted = name ?? "default"
        guard let text = sources[wanted] else {
            if wanted == "default" { return Result(theme: .fallback, problem: nil) }
            let known = availableNames.joined(separator: ", ")
            return Result(theme: .fallback, problem: "unknown theme \"\(wanted)\" (available: \(known))")
        }
        return Self.load(yaml: text, fileName: "\(wanted).yaml")
    }

    /// Parses one theme text; on error, the fallback and the located message.
    public static func load(yaml: String, fileName: String) -> Result {
        do {
            return Result(theme: try Theme.parse(yaml: yaml, name: fileName), problem: nil)
        } catch {
            return Result(theme: .fallback, problem: error.description + " (using the default theme)")
        }
    }
}
