import Foundation
import MMMTransport

/// Signed, stateless session cookies: `base64url(JSON payload).base64url(HMAC-SHA256)` under the server's session
/// key. The payload holds the user, an expiry and a random session id from which the CSRF token is derived, so a
/// stolen CSRF token is useless without the cookie and a forged cookie fails the MAC.
struct SessionCodec: Sendable {
    /// The cookie's name.
    static let cookieName = "mmm_session"
    /// The short-lived cookie that carries the sign-in flow's state, PKCE verifier and nonce to the callback.
    static let flowCookieName = "mmm_oauth"

    let key: SecretValue

    /// One session.
    struct Session: Codable, Sendable, Equatable {
        var email: String
        var subject: String
        /// Random id (base64url), the seed of the CSRF token.
        var sid: String
        /// Expiry, seconds since 1970.
        var exp: Double
    }

    /// The signed value of any payload.
    func seal(_ payload: some Encodable, purpose: String) -> String {
        let json = (try? JSONEncoder().encode(payload)) ?? Data()
        let body = Base64URL.encode(json)
        return body + "." + Base64URL.encode(HMACSHA256.tag(Data((purpose + "|" + body).utf8), key: key))
    }

    /// The payload of a signed value, if the signature holds.
    func open<T: Decodable>(_ value: String, as type: T.Type, purpose: String) -> T? {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let tag = Base64URL.decode(String(parts[1])) else { return nil }
        let expected = HMACSHA256.tag(Data((purpose + "|" + parts[0]).utf8), key: key)
        guard HMACSHA256.constantTimeEquals(tag, expected), let json = Base64URL.decode(String(parts[0])) else { return nil }
        return try? JSONDecoder().decode(type, from: json)
    }

    /// A new session for a signed-in user.
    func newSession(email: String, subject: String, lifetime: TimeInterval, now: Date = Date()) -> Session {
        Session(email: email, subject: subject, sid: SecureRandom.token(bytes: 18), exp: now.timeIntervalSince1970 + lifetime)
    }

    /// The session in a cookie value, unless it is forged or expired.
    func session(from cookie: String, now: Date = Date()) -> Session? {
        guard let session = open(cookie, as: Session.self, purpose: "session"), session.exp > now.timeIntervalSince1970
        else { return nil }
        return session
    }

    /// The CSRF token of a session: HMAC of its id, so it needs no server-side storage.
    func csrfToken(for session: Session) -> String {
        Base64URL.encode(HMACSHA256.tag(Data(("csrf|" + session.sid).utf8), key: key))
    }

    /// Whether `token` is the CSRF token of `session`.
    func checkCSRF(_ token: String?, session: Session) -> Bool {
        guard let token else { return false }
        return HMACSHA256.constantTimeEquals(Data(token.utf8), Data(csrfToken(for: session).utf8))
    }

    /// A `Set-Cookie` value.
    /// - Parameters:
    ///   - secure: add `Secure` (every deployment; a plain-http loopback server leaves it out so browsers keep it).
    ///   - maxAge: seconds, 0 to delete.
    static func setCookie(name: String, value: String, maxAge: Int, secure: Bool, path: String = "/") -> String {
        "\(name)=\(value); Path=\(path); Max-Age=\(maxAge); HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "")
    }
}

/// The state of one authorization-code sign-in, kept in a signed cookie between the redirect and the callback.
struct SignInFlow: Codable, Sendable {
    var state: String
    var verifier: String
    var nonce: String
    /// Where to go after signing in (a local path).
    var next: String
    var exp: Double

    /// A new flow with fresh random values.
    static func start(next: String, now: Date = Date()) -> SignInFlow {
        SignInFlow(
            state: SecureRandom.token(), verifier: SecureRandom.token(bytes: 48), nonce: SecureRandom.token(), next: next,
            exp: now.timeIntervalSince1970 + 600)
    }

    /// The PKCE S256 challenge of the verifier (RFC 7636 §4.2).
    var challenge: String { Base64URL.encode(SHA256Digest.hash(Data(verifier.utf8))) }

    /// A local path to return to, never another site (`//evil`, `https://…` or `/\evil` become `/`).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"), !next.contains("\r"),
            !next.contains("\n")
        else { return "/" }
        return next
    }
}
