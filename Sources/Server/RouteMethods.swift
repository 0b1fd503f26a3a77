import Hummingbird

/// The methods each route path takes, so a request with a method its path does not take gets
/// 405 with `Allow` listing those it does, instead of the router's 404.
struct RouteMethods: Sendable {
    struct Route: Sendable {
        var method: String
        /// The path's segments; `{name}` matches any one segment.
        var segments: [Substring]
    }

    let routes: [Route]

    /// From `METHOD /path/{param}` pairs, as `Router.routes` lists them.
    init(_ routes: [(method: String, path: String)]) {
        self.routes = routes.map { Route(method: $0.method, segments: Self.segments($0.path)) }
    }

    /// The methods a route on `path` takes, sorted; empty when no route has that path.
    func allowed(for path: String) -> [String] {
        let asked = Self.segments(path)
        let matching = routes.filter { route in
            route.segments.count == asked.count
                && zip(route.segments, asked).allSatisfy { pattern, segment in
                    pattern == segment
                        || (pattern.hasPrefix("{") && pattern.hasSuffix("}") && !segment.isEmpty)
                }
        }
        return Set(matching.map(\.method)).sorted()
    }

    static func segments(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: false)
    }

    /// 405 naming the methods `path` takes, or nil when no route has that path.
    func methodNotAllowed(_ method: HTTPRequest.Method, path: String) -> Problem? {
        let allowed = allowed(for: path)
        guard !allowed.isEmpty else { return nil }
        let list = allowed.joined(separator: ", ")
        return Problem(
            .methodNotAllowed, "Method not allowed",
            detail: "\(path) takes \(list), not \(method)", headers: ["Allow": list])
    }
}
