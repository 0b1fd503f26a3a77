import Hummingbird
import Logging
import Workspace

/// The HTTP API over one workspace: journeys and versions, executions, test replays,
/// analytics and webhook intake. Every request passes, in order: problem details for errors,
/// the per-client rate limit, then the bearer token when one is set.
public struct CairnServer: Sendable {
    public let workspace: Workspace
    public let configuration: ServerConfiguration

    public init(workspace: Workspace, configuration: ServerConfiguration) {
        self.workspace = workspace
        self.configuration = configuration
    }

    public func router() -> Router<APIRequestContext> {
        let router = Router(context: APIRequestContext.self)
        router.add(middleware: ProblemMiddleware(routes: RouteMethods(routes())))
        router.add(middleware: RateLimitMiddleware(limiter: ClientRateLimiter(configuration.rateLimit)))
        if let token = configuration.token { router.add(middleware: BearerTokenMiddleware(token: token)) }
        register(on: router)
        return router
    }

    /// Every route's method and path, from a router with the routes alone.
    func routes() -> [(method: String, path: String)] {
        let bare = Router(context: APIRequestContext.self)
        register(on: bare)
        return bare.routes.map { (method: $0.method.rawValue, path: "\($0.path)") }
    }

    func register(on router: Router<APIRequestContext>) {
        JourneyRoutes(workspace: workspace, configuration: configuration).register(on: router)
        ExecutionRoutes(workspace: workspace).register(on: router)
        TrialReplayRoute(workspace: workspace, configuration: configuration).register(on: router)
        AnalyticsRoutes(workspace: workspace).register(on: router)
        WebhookRoutes(workspace: workspace, configuration: configuration).register(on: router)
        RecordRoutes(workspace: workspace, configuration: configuration).register(on: router)
        HandoffRoutes(workspace: workspace, configuration: configuration).register(on: router)
        OpenAPIRoute().register(on: router)
    }

    /// The application, listening on the configured host and port; `onListening` is told the
    /// port actually bound (port 0 picks a free one).
    public func application(
        logger: Logger = Logger(label: "cairn-serve"),
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws(ServerConfiguration.Problem) -> some ApplicationProtocol {
        try configuration.check()
        return Application(
            router: router(),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "cairn"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
    }

    /// Every route as `METHOD /path/{param}`, sorted: what docs/openapi.yaml must describe.
    public func routeList() -> [String] {
        routes().map { "\($0.method) \($0.path)" }.sorted()
    }
}
