import Foundation
import MMMCore
import MMMServe
import MMMTestSupport

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A response as the tests see it.
struct TestResponse: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data

    var text: String { String(decoding: body, as: UTF8.self) }
    func header(_ name: String) -> String? { headers[name.lowercased()] }
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:] }
    /// The error object of the API's error shape.
    var error: [String: Any] { json["error"] as? [String: Any] ?? [:] }
    var errorField: String? { error["field"] as? String }
    /// Every `Set-Cookie` value (URLSession joins repeated headers with ", ").
    var cookies: [String: String] {
        var found: [String: String] = [:]
        for part in (header("set-cookie") ?? "").components(separatedBy: ", ") {
            let pair = part.split(separator: ";").first?.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false) ?? []
            if pair.count == 2, !pair[0].contains(" ") { found[String(pair[0])] = String(pair[1]) }
        }
        return found
    }
}

/// HTTP for the tests: no redirects followed, no cookie jar (tests pass cookies explicitly).
final class TestHTTP: Sendable {
    static let shared = TestHTTP()
    private let session: URLSession

    init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.timeoutIntervalForRequest = 300
        configuration.httpMaximumConnectionsPerHost = 64
        let delegate = RedirectRefuser()
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    /// Sends a request.
    func send(_ method: String, _ url: String, headers: [String: String] = [:], body: Data? = nil, timeout: TimeInterval = 300)
        async throws -> TestResponse
    {
        guard let target = URL(string: url) else { throw URLError(.badURL) }
        var request = URLRequest(url: target, timeoutInterval: timeout)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
        }
        return TestResponse(status: http.statusCode, headers: fields, body: data)
    }

    func get(_ url: String, headers: [String: String] = [:]) async throws -> TestResponse { try await send("GET", url, headers: headers) }

    /// POSTs JSON.
    func postJSON(_ url: String, _ object: Any, headers: [String: String] = [:]) async throws -> TestResponse {
        var all = headers
        all["Content-Type"] = "application/json"
        return try await send("POST", url, headers: all, body: try JSONSerialization.data(withJSONObject: object))
    }
}

/// Refuses every redirect so tests see 302/303 answers themselves.
private final class RedirectRefuser: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}

/// A multipart/form-data body.
struct Multipart {
    let boundary = "mmm-test-" + UUID().uuidString
    private(set) var body = Data()

    mutating func add(_ name: String, _ data: Data, filename: String? = nil, contentType: String? = nil) {
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"".utf8)
        if let filename { body += Data("; filename=\"\(filename)\"".utf8) }
        body += Data("\r\n".utf8)
        if let contentType { body += Data("Content-Type: \(contentType)\r\n".utf8) }
        body += Data("\r\n".utf8) + data + Data("\r\n".utf8)
    }

    func finished() -> Data { body + Data("--\(boundary)--\r\n".utf8) }
    var contentType: String { "multipart/form-data; boundary=\(boundary)" }
}
