import Hummingbird

/// The per-request context: Hummingbird's core storage plus who is signed in, and how.
public struct ServeContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user, set by ``AuthMiddleware``.
    public var user: SignedInUser?

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    /// Request bodies are streamed and limited by the server's own `--max-upload-mb`, not Hummingbird's decoder limit.
    public var maxUploadSize: Int { Int.max }
}

/// Who made a request.
public struct SignedInUser: Sendable, Equatable {
    /// How the request proved who it is.
    public enum Method: String, Sendable {
        /// `Authorization: Bearer <ID token>`.
        case bearer
        /// The web session cookie (forms and the pages' scripts must send the CSRF token).
        case session
    }

    /// The verified email (or `developer@localhost` with `--dev-auth`).
    public var email: String
    /// The provider's subject id.
    public var subject: String
    /// How the request authenticated.
    public var method: Method
    /// The session's CSRF token (session requests only).
    public var csrfToken: String?
}
