import Foundation
import MMMTransport

/// Builds SQL API requests: URLs, the headers of §1.4 and bodies.
struct SnowflakeRequestFactory: Sendable {
    let baseURL: URL
    let userAgent: String
    let timeout: TimeInterval

    /// `POST /api/v2/statements?requestId=…[&retry=true][&async=true]`.
    func submit(body: Data, requestID: String, isRetry: Bool, async: Bool, token: SecretValue) -> HTTPRequest {
        var query = [URLQueryItem(name: "requestId", value: requestID)]
        if isRetry { query.append(URLQueryItem(name: "retry", value: "true")) }
        if async { query.append(URLQueryItem(name: "async", value: "true")) }
        return request(.post, path: "/api/v2/statements", query: query, body: body, token: token)
    }

    /// `GET` of a statement's status: the server's `statementStatusUrl` when it stays on our origin, else the
    /// handle's canonical path (the bearer token must never go to another host).
    func status(handle: String, statusURL: String?, token: SecretValue) -> HTTPRequest {
        if let statusURL, let resolved = URL(string: statusURL, relativeTo: baseURL)?.absoluteURL,
            resolved.scheme == baseURL.scheme, resolved.host == baseURL.host, resolved.port == baseURL.port,
            resolved.path.hasPrefix("/api/v2/statements/")
        {
            return HTTPRequest(method: .get, url: resolved, headers: headers(token: token, hasBody: false), timeout: timeout)
        }
        return request(.get, path: "/api/v2/statements/\(handle)", query: [], body: nil, token: token)
    }

    /// `GET /api/v2/statements/{handle}?partition=N`.
    func partition(handle: String, index: Int, token: SecretValue) -> HTTPRequest {
        request(.get, path: "/api/v2/statements/\(handle)", query: [URLQueryItem(name: "partition", value: String(index))],
                body: nil, token: token)
    }

    /// `POST /api/v2/statements/{handle}/cancel` with an empty JSON object.
    func cancel(handle: String, token: SecretValue) -> HTTPRequest {
        request(.post, path: "/api/v2/statements/\(handle)/cancel", query: [], body: Data("{}".utf8), token: token)
    }

    /// The headers every SQL API request carries.
    func headers(token: SecretValue, hasBody: Bool) -> [String: String] {
        var headers = [
            "Authorization": "Bearer " + token.text,
            "X-Snowflake-Authorization-Token-Type": "KEYPAIR_JWT",
            "Accept": "application/json",
            "User-Agent": userAgent,
        ]
        if hasBody { headers["Content-Type"] = "application/json" }
        return headers
    }

    private func request(_ method: HTTPMethod, path: String, query: [URLQueryItem], body: Data?, token: SecretValue)
        -> HTTPRequest
    {
        var components = URLComponents()
        components.scheme = baseURL.scheme
        components.host = baseURL.host
        components.port = baseURL.port
        components.path = path
        components.queryItems = query.isEmpty ? nil : query
        let url = components.url ?? baseURL
        return HTTPRequest(method: method, url: url, headers: headers(token: token, hasBody: body != nil), body: body,
                           timeout: timeout)
    }

    /// Statement handles are UUID-like; anything else is refused before it reaches a URL path.
    static func isValidHandle(_ handle: String) -> Bool {
        !handle.isEmpty && handle.count <= 128
            && handle.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_"
            }
    }
}
