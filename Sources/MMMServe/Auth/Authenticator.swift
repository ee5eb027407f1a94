import Foundation
import MMMCore
import MMMTransport

/// Decides who a request comes from: a bearer ID token, a session cookie, or nobody.
final class Authenticator: Sendable {
    let settings: AuthSettings
    let codec: SessionCodec
    let verifier: IDTokenVerifier?
    let exchange: TokenExchange?
    /// Whether cookies get `Secure` (always, except a plain-http server on loopback).
    let secureCookies: Bool
    private let devTokens = Locked<Set<String>>([])

    /// - Parameters:
    ///   - settings: the sign-in settings.
    ///   - transport: HTTP client for the provider.
    ///   - secureCookies: whether cookies carry `Secure`.
    init(settings: AuthSettings, transport: any HTTPTransport, secureCookies: Bool) {
        self.settings = settings
        codec = SessionCodec(key: settings.sessionKey)
        self.secureCookies = secureCookies
        if let issuer = settings.issuer, let audience = settings.audience {
            let insecure = URL(string: issuer).map { $0.scheme == "http" && ServeConfiguration.isLoopback(host: $0.host ?? "") } ?? false
            let provider = OIDCProvider(issuer: issuer, transport: transport, allowInsecure: insecure)
            verifier = IDTokenVerifier(
                provider: provider, audience: audience, policy: DomainPolicy(settings.allowedDomains), clockSkew: settings.clockSkew)
            exchange = settings.oauthClientID.map {
                TokenExchange(transport: transport, clientID: $0, clientSecret: settings.oauthClientSecret)
            }
        } else {
            verifier = nil
            exchange = nil
        }
    }

    /// The user of a request.
    /// - Parameters:
    ///   - authorization: the `Authorization` header.
    ///   - sessionCookie: the session cookie's value.
    /// - Returns: nil when the request carries no credentials at all.
    /// - Throws: ``AuthFailure`` for bad credentials, ``ProviderError`` when the provider is unreachable.
    func user(authorization: String?, sessionCookie: String?) async throws -> SignedInUser? {
        if let authorization {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else {
                throw AuthFailure.invalidToken("the Authorization header must be 'Bearer <ID token>'")
            }
            guard let verifier else { throw AuthFailure.invalidToken("bearer tokens are not enabled on this server (no --oidc-issuer)") }
            return try await verifier.verify(String(parts[1]).trimmingCharacters(in: .whitespaces))
        }
        if let sessionCookie, let session = codec.session(from: sessionCookie) {
            return SignedInUser(email: session.email, subject: session.subject, method: .session, csrfToken: codec.csrfToken(for: session))
        }
        return nil
    }

    /// A new one-time dev login token (`--dev-auth`).
    func newDevToken() -> String {
        let token = SecureRandom.token()
        devTokens.withLock { _ = $0.insert(token) }
        return token
    }

    /// Uses up a dev login token.
    /// - Returns: whether it was valid (each works once).
    func consumeDevToken(_ token: String) -> Bool {
        guard settings.devAuth else { return false }
        return devTokens.withLock { $0.remove(token) != nil }
    }

    /// A session cookie value for a user.
    func sessionCookie(email: String, subject: String) -> String {
        codec.seal(codec.newSession(email: email, subject: subject, lifetime: settings.sessionLifetime), purpose: "session")
    }
}
