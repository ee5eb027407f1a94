import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// ``HTTPTransport`` over Foundation's `URLSession` (libcurl through FoundationNetworking on Linux).
///
/// gzip `Content-Encoding` is decoded by the HTTP stack, `http_proxy`/`https_proxy` are honoured, and task
/// cancellation cancels the underlying data task.
public struct URLSessionTransport: HTTPTransport {
    private let session: URLSession

    /// A process-wide transport (one connection pool); use it unless you need your own session.
    public static let shared = URLSessionTransport()

    /// Creates a transport with an ephemeral session (no cookies, no cache).
    public init() {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        // Per-request idle timeouts come from HTTPRequest.timeout; this only bounds a whole transfer.
        configuration.timeoutIntervalForResource = 3600
        self.init(session: URLSession(configuration: configuration))
    }

    /// Creates a transport over an existing session.
    /// - Parameter session: The session to use; its configuration is left untouched.
    public init(session: URLSession) {
        self.session = session
    }

    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let host = request.url.host ?? "?"
        // FoundationNetworking ignores URLRequest.timeoutInterval (observed), so race the transfer against a timer.
        return try await withThrowingTaskGroup(of: HTTPResponse.self) { group in
            group.addTask { try await perform(request, host: host) }
            group.addTask {
                try? await Task.sleep(for: .milliseconds(Int64(max(0, request.timeout) * 1000)))
                if Task.isCancelled {
                    throw HTTPTransportError(kind: .cancelled, detail: "cancelled", host: host)
                }
                throw HTTPTransportError(
                    kind: .timedOut, detail: "no response within \(request.timeout) s", host: host)
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else {
                throw HTTPTransportError(kind: .cancelled, detail: "cancelled", host: host)
            }
            return first
        }
    }

    private func perform(_ request: HTTPRequest, host: String) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url, cachePolicy: .reloadIgnoringLocalCacheData,
                                    timeoutInterval: request.timeout)
        urlRequest.httpMethod = request.method.rawValue
        for (name, value) in request.headers {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        urlRequest.httpBody = request.body

        // The completion handler hands its result over through a Sendable stream continuation so that the
        // cancellation handler (a synchronous closure) can cancel the data task without shared mutable state.
        let (results, continuation) = AsyncStream<Result<HTTPResponse, HTTPTransportError>>.makeStream(
            bufferingPolicy: .bufferingNewest(1))
        let task = session.dataTask(with: urlRequest) { data, response, error in
            continuation.yield(Self.result(data: data, response: response, error: error, host: host))
            continuation.finish()
        }
        return try await withTaskCancellationHandler {
            task.resume()
            for await result in results {
                return try result.get()
            }
            // The stream ends without a value only when the waiting task was cancelled.
            throw HTTPTransportError(kind: .cancelled, detail: "cancelled", host: host)
        } onCancel: {
            task.cancel()
        }
    }

    private static func result(data: Data?, response: URLResponse?, error: (any Error)?, host: String)
        -> Result<HTTPResponse, HTTPTransportError>
    {
        if let error {
            return .failure(transportError(error, host: host))
        }
        guard let http = response as? HTTPURLResponse else {
            return .failure(HTTPTransportError(kind: .other, detail: "response was not HTTP", host: host))
        }
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let name = key as? String, let text = value as? String {
                headers[name.lowercased()] = text
            }
        }
        return .success(HTTPResponse(statusCode: http.statusCode, headers: headers, body: data ?? Data()))
    }

    private static func transportError(_ error: any Error, host: String) -> HTTPTransportError {
        guard let urlError = error as? URLError else {
            return HTTPTransportError(kind: .other, detail: String(describing: type(of: error)), host: host)
        }
        let detail = "URLError \(urlError.code.rawValue)"
        switch urlError.code {
        case .cancelled:
            return HTTPTransportError(kind: .cancelled, detail: detail, host: host)
        case .timedOut:
            return HTTPTransportError(kind: .timedOut, detail: detail, host: host)
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet,
            .networkConnectionLost, .secureConnectionFailed, .serverCertificateUntrusted,
            .serverCertificateHasBadDate, .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return HTTPTransportError(kind: .connectionFailed, detail: detail, host: host)
        default:
            return HTTPTransportError(kind: .other, detail: detail, host: host)
        }
    }
}
