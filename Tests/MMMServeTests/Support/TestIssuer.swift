import Foundation
import Hummingbird
import Logging
import MMMCore
import MMMServe
import MMMTestSupport
import MMMTransport

/// A local OpenID provider for the tests: its own RSA keys, a JWKS, discovery, and the authorization-code flow with
/// PKCE (the authorize endpoint signs in whoever ``nextUser`` names and redirects straight back).
final class TestIssuer: Sendable {
    static let clientID = "mmm-test-client.apps.example"
    static let clientSecret = "test-client-secret-ABC123"
    static let audience = clientID
    static let shared = SharedResource { try await TestIssuer.start() }

    /// Who the authorize endpoint signs in.
    struct User: Sendable {
        var email: String
        var verified = true
        var hd: String?
    }

    struct Grant: Sendable {
        var challenge: String
        var method: String
        var nonce: String
        var redirectURI: String
        var user: User
    }

    let port: Int
    /// The published keys (kid → key).
    let published: Locked<[(kid: String, key: RSAPrivateKey)]>
    /// A key the issuer never publishes (forgeries).
    let foreignKey: RSAPrivateKey
    /// A spare key for rotation tests.
    let spareKey: RSAPrivateKey
    let jwksFetches = Locked(0)
    let nextUser = Locked(User(email: "ana@example.com"))
    let grants = Locked<[String: Grant]>([:])
    /// What the token endpoint received last (to check PKCE and the client secret reached it).
    let lastTokenRequest = Locked<[String: String]>([:])

    var url: String { "http://127.0.0.1:\(port)" }

    private init(port: Int, keys: [RSAPrivateKey]) {
        self.port = port
        published = Locked([("key-1", keys[0])])
        foreignKey = keys[1]
        spareKey = keys[2]
    }

    static func start() async throws -> TestIssuer {
        let keys = try makeKeys(3)
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        let box = Locked<TestIssuer?>(nil)
        let router = Router()
        router.get(".well-known/openid-configuration") { _, _ in
            let issuer = try current(box)
            return json([
                "issuer": issuer.url, "jwks_uri": issuer.url + "/jwks", "authorization_endpoint": issuer.url + "/authorize",
                "token_endpoint": issuer.url + "/token", "id_token_signing_alg_values_supported": ["RS256"],
            ])
        }
        router.get("jwks") { _, _ in
            let issuer = try current(box)
            return json(["keys": try issuer.jwks()])
        }
        router.get("authorize") { request, _ in
            let issuer = try current(box)
            return try issuer.authorize(request.uri.queryParameters)
        }
        router.post("token") { request, _ in
            let issuer = try current(box)
            var body = request
            let data = try await body.collectBody(upTo: 1 << 16)
            return try issuer.exchange(String(buffer: data))
        }
        var logger = Logger(label: "test-issuer")
        logger.logLevel = .error
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            }, logger: logger)
        // Lives as long as the test process.
        Task { try await app.run() }
        var port = 0
        for await bound in stream { port = bound }
        let issuer = TestIssuer(port: port, keys: keys)
        box.withLock { $0 = issuer }
        return issuer
    }

    static func makeKeys(_ count: Int) throws -> [RSAPrivateKey] {
        let directory = try TemporaryDirectory.make("mmm-issuer-keys")
        return try (0..<count).map { index in
            let path = directory.appendingPathComponent("k\(index).pem").path
            try Shell.run("openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out \(Shell.quote(path)) 2>/dev/null")
            return try RSAPrivateKey.load(contentsOfFile: path) { nil }
        }
    }

    func jwks() throws -> [[String: Any]] {
        jwksFetches.withLock { $0 += 1 }
        return try published.withLock { $0 }.map { entry in
            let (n, e) = try entry.key.publicKey().jwkComponents()
            return ["kty": "RSA", "use": "sig", "alg": "RS256", "kid": entry.kid, "n": n, "e": e]
        }
    }

    /// Publishes the spare key under a new kid (the old one stays).
    func rotate(kid: String) {
        published.withLock { $0.append((kid, spareKey)) }
    }

    /// Standard claims for `email`, valid now.
    func claims(email: String = "ana@example.com", now: Date = Date()) -> [String: Any] {
        let t = Int(now.timeIntervalSince1970)
        return [
            "iss": url, "aud": Self.audience, "sub": "sub-" + email, "email": email, "email_verified": true, "iat": t, "exp": t + 600,
        ]
    }

    /// A signed token: RS256 with a published key unless told otherwise.
    func token(_ claims: [String: Any], kid: String = "key-1", key: RSAPrivateKey? = nil) throws -> String {
        guard let signer = key ?? published.withLock({ list in list.first { $0.kid == kid }?.key }) else { throw IssuerError.unknownKid }
        let header = Base64URL.encode(try JSONSerialization.data(withJSONObject: ["alg": "RS256", "typ": "JWT", "kid": kid], options: [.sortedKeys]))
        let payload = Base64URL.encode(try JSONSerialization.data(withJSONObject: claims, options: [.sortedKeys]))
        let input = header + "." + payload
        return input + "." + Base64URL.encode(try signer.signRS256(Data(input.utf8)))
    }

    /// A token with any header and signature bytes (forgeries).
    func forged(header: [String: Any], claims: [String: Any], signature: (String) throws -> Data) throws -> String {
        let h = Base64URL.encode(try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys]))
        let p = Base64URL.encode(try JSONSerialization.data(withJSONObject: claims, options: [.sortedKeys]))
        return h + "." + p + "." + Base64URL.encode(try signature(h + "." + p))
    }

    private func authorize(_ query: Parameters) throws -> Response {
        guard query.get("client_id") == Self.clientID, query.get("response_type") == "code",
            let redirect = query.get("redirect_uri"), let state = query.get("state"), let challenge = query.get("code_challenge"),
            let method = query.get("code_challenge_method"), let nonce = query.get("nonce")
        else { return Response(status: .badRequest) }
        let code = SecureRandom.token()
        let user = nextUser.withLock { $0 }
        grants.withLock { $0[code] = Grant(challenge: challenge, method: method, nonce: nonce, redirectURI: redirect, user: user) }
        var headers = HTTPFields()
        headers[.location] = redirect + "?code=\(code)&state=\(state)"
        return Response(status: .found, headers: headers)
    }

    private func exchange(_ body: String) throws -> Response {
        var form: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            if parts.count == 2 { form[parts[0]] = parts[1] }
        }
        lastTokenRequest.withLock { $0 = form }
        guard form["grant_type"] == "authorization_code", form["client_id"] == Self.clientID, form["client_secret"] == Self.clientSecret,
            let code = form["code"], let grant = grants.withLock({ $0.removeValue(forKey: code) }), grant.method == "S256",
            form["redirect_uri"] == grant.redirectURI, let verifier = form["code_verifier"],
            Base64URL.encode(SHA256Digest.hash(Data(verifier.utf8))) == grant.challenge
        else { return json(["error": "invalid_grant"], status: .badRequest) }
        var claims = self.claims(email: grant.user.email)
        claims["nonce"] = grant.nonce
        claims["email_verified"] = grant.user.verified
        if let hd = grant.user.hd { claims["hd"] = hd }
        return json(["id_token": try token(claims), "token_type": "Bearer", "expires_in": 3600])
    }
}

private enum IssuerError: Error { case notReady, unknownKid }

private func current(_ box: Locked<TestIssuer?>) throws -> TestIssuer {
    guard let issuer = box.withLock({ $0 }) else { throw IssuerError.notReady }
    return issuer
}

private func json(_ object: Any, status: HTTPResponse.Status = .ok) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "application/json"
    let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
    return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
}
