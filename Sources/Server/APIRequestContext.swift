import Hummingbird

/// The request context of the API: Hummingbird's core storage and the client's address,
/// which the rate limit counts by.
public struct APIRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's IP address, or `unknown` when the channel has none.
    public let clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}
