import Hummingbird

/// The request context: the session the security middleware found or made.
public struct WorkspaceContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var session: SessionStore.Session?
    /// Set when the middleware created the session on this request (the cookie goes out).
    public var newSession = false
    /// The reviewer's name from its own cookie (loopback: the name given once).
    public var nameCookie: String?

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// JSON bodies are small; uploads stream with their own limit.
    public var maxUploadSize: Int { 256 * 1024 }

    /// The name recorded with a change.
    public var reviewer: String? { session?.reviewer ?? nameCookie }
}
