import Foundation
import MMMTransport

/// One OpenID provider: its discovery document and signing keys, fetched on first use and cached.
///
/// Keys are refreshed when a token names a `kid` the cache does not hold (the provider rotated its keys), at most
/// once per ``minimumRefreshInterval`` so that tokens with made-up key ids cannot make the server hammer the provider.
actor OIDCProvider {
    /// What the server uses from the discovery document.
    struct Discovery: Sendable, Equatable {
        var issuer: String
        var jwksURI: URL
        var authorizationEndpoint: URL?
        var tokenEndpoint: URL?
    }

    let issuer: String
    private let transport: any HTTPTransport
    private let allowInsecure: Bool
    private var discovery: Discovery?
    private var keys: [String: RSAPublicKey] = [:]
    private var lastKeyFetch: Date?
    private var lastUnknownKeyRefresh: Date?
    /// Keys older than this are fetched again on the next use (providers rotate keys every few days).
    let maximumKeyAge: TimeInterval = 3600
    private var inFlight: Task<[String: RSAPublicKey], any Error>?
    /// Seconds between two key refreshes caused by unknown key ids.
    let minimumRefreshInterval: TimeInterval
    /// How many times the JWKS was fetched (for tests and logs).
    private(set) var keyFetches = 0

    /// - Parameters:
    ///   - issuer: the issuer URL, exactly as tokens carry it in `iss`.
    ///   - transport: HTTP client.
    ///   - allowInsecure: accept an `http://` issuer (only for a loopback issuer, i.e. tests).
    init(issuer: String, transport: any HTTPTransport, allowInsecure: Bool, minimumRefreshInterval: TimeInterval = 10) {
        self.issuer = issuer
        self.transport = transport
        self.allowInsecure = allowInsecure
        self.minimumRefreshInterval = minimumRefreshInterval
    }

    /// The discovery document (`<issuer>/.well-known/openid-configuration`), fetched once.
    func metadata() async throws -> Discovery {
        if let discovery { return discovery }
        let base = issuer.hasSuffix("/") ? String(issuer.dropLast()) : issuer
        guard let url = URL(string: base + "/.well-known/openid-configuration") else {
            throw ProviderError("the issuer \(issuer) is not a URL")
        }
        let object = try await fetchJSON(url, what: "discovery document")
        guard let issued = object["issuer"] as? String, issued == issuer else {
            throw ProviderError("the discovery document names another issuer than \(issuer)")
        }
        guard let jwks = (object["jwks_uri"] as? String).flatMap(URL.init(string:)), try checked(jwks) else {
            throw ProviderError("the discovery document has no usable jwks_uri")
        }
        let found = Discovery(
            issuer: issued, jwksURI: jwks,
            authorizationEndpoint: (object["authorization_endpoint"] as? String).flatMap(URL.init(string:)),
            tokenEndpoint: (object["token_endpoint"] as? String).flatMap(URL.init(string:)))
        for endpoint in [found.authorizationEndpoint, found.tokenEndpoint].compactMap({ $0 }) { _ = try checked(endpoint) }
        discovery = found
        return found
    }

    /// The key for `kid`; refreshes the key set once when it is unknown.
    /// - Returns: nil when the provider does not publish such a key.
    func key(id: String?) async throws -> RSAPublicKey? {
        let now = Date()
        if keys.isEmpty || lastKeyFetch.map({ now.timeIntervalSince($0) > maximumKeyAge }) == true { keys = try await refresh() }
        if let found = lookup(id) { return found }
        // An unknown kid: the provider may have rotated its keys. Refresh, but not again for a while, so tokens
        // with made-up kids cannot make the server hammer the provider.
        if let last = lastUnknownKeyRefresh, now.timeIntervalSince(last) < minimumRefreshInterval { return nil }
        lastUnknownKeyRefresh = now
        keys = try await refresh()
        return lookup(id)
    }

    private func lookup(_ id: String?) -> RSAPublicKey? {
        if let id { return keys[id] }
        // A token without kid is accepted only when the provider publishes exactly one key.
        return keys.count == 1 ? keys.values.first : nil
    }

    /// Fetches the JWKS; concurrent callers share one request.
    private func refresh() async throws -> [String: RSAPublicKey] {
        if let inFlight { return try await inFlight.value }
        let task = Task { try await self.fetchKeys() }
        inFlight = task
        defer { inFlight = nil }
        let fetched = try await task.value
        lastKeyFetch = Date()
        keyFetches += 1
        return fetched
    }

    private func fetchKeys() async throws -> [String: RSAPublicKey] {
        let url = try await metadata().jwksURI
        let object = try await fetchJSON(url, what: "key set")
        guard let entries = object["keys"] as? [[String: Any]] else { throw ProviderError("the key set has no keys") }
        var found: [String: RSAPublicKey] = [:]
        for entry in entries {
            // Only RSA signature keys; an "alg" other than RS256 means the key is not for this algorithm.
            guard entry["kty"] as? String == "RSA", (entry["use"] as? String ?? "sig") == "sig",
                (entry["alg"] as? String ?? "RS256") == "RS256",
                let kid = entry["kid"] as? String, let n = entry["n"] as? String, let e = entry["e"] as? String,
                let key = try? RSAPublicKey(jwkModulus: n, exponent: e)
            else { continue }
            found[kid] = key
        }
        return found
    }

    private func fetchJSON(_ url: URL, what: String) async throws -> [String: Any] {
        _ = try checked(url)
        let response: HTTPResponse
        do {
            response = try await transport.send(HTTPRequest(method: .get, url: url, headers: ["Accept": "application/json"], timeout: 10))
        } catch {
            throw ProviderError("could not fetch the provider's \(what): \(error)")
        }
        guard response.isSuccess, let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any] else {
            throw ProviderError("the provider's \(what) answered HTTP \(response.statusCode) without a JSON object")
        }
        return object
    }

    /// Provider URLs must be https (http only for a loopback issuer in tests).
    private func checked(_ url: URL) throws -> Bool {
        if url.scheme == "https" { return true }
        if url.scheme == "http", allowInsecure, ServeConfiguration.isLoopback(host: url.host ?? "") { return true }
        throw ProviderError("\(url.scheme ?? "?")://\(url.host ?? "?") is not https; only a loopback test issuer may use http")
    }
}

/// The provider could not be reached or answered nonsense (the server answers 503: not the caller's fault).
struct ProviderError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
