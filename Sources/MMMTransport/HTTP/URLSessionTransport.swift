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
        return try await Self.withTimeout(request.timeout, host: host) { try await perform(request, host: host) }
    }

    public func download(_ request: HTTPRequest, to destination: URL) async throws -> HTTPResponse {
        let host = request.url.host ?? "?"
        return try await Self.withTimeout(request.timeout, host: host) {
            try await performDownload(request, to: destination, host: host)
        }
    }

    /// Races `operation` against a timer: FoundationNetworking ignores `URLRequest.timeoutInterval` (observed).
    private static func withTimeout(
        _ timeout: TimeInterval, host: String, _ operation: @escaping @Sendable () async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        try await withThrowingTaskGroup(of: HTTPResponse.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try? await Task.sleep(for: .milliseconds(Int64(max(0, timeout) * 1000)))
                if Task.isCancelled {
                    throw HTTPTransportError(kind: .cancelled, detail: "cancelled", host: host)
                }
                throw HTTPTransportError(kind: .timedOut, detail: "no response within \(timeout) s", host: host)
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else {
                throw HTTPTransportError(kind: .cancelled, detail: "cancelled", host: host)
            }
            return first
        }
    }

    private func urlRequest(_ request: HTTPRequest) -> URLRequest {
        var urlRequest = URLRequest(url: request.url, cachePolicy: .reloadIgnoringLocalCacheData,
                                    timeoutInterval: request.timeout)
        urlRequest.httpMethod = request.method.rawValue
        for (name, value) in request.headers {
            urlRequest.setValue(value, forHTTPHeaderField: name)
        }
        if let body = request.body, body.isEmpty {
            // An empty httpBody makes FoundationNetworking send chunked framing the server may leave unread (and
            // then reset the connection); an explicit zero length is what servers expect.
            urlRequest.setValue("0", forHTTPHeaderField: "Content-Length")
        } else {
            urlRequest.httpBody = request.body
        }
        if request.usesFreshConnection { urlRequest.setValue("close", forHTTPHeaderField: "Connection") }
        return urlRequest
    }

    /// The pooled session, or — for ``HTTPRequest/usesFreshConnection`` — a one-request session with an empty
    /// connection pool (libcurl only resends on reused connections), invalidated once the request is done.
    private func session(for request: HTTPRequest) -> (session: URLSession, isOwned: Bool) {
        guard request.usesFreshConnection else { return (session, false) }
        return (URLSession(configuration: session.configuration), true)
    }

    private func perform(_ request: HTTPRequest, host: String) async throws -> HTTPResponse {
        let (session, isOwned) = session(for: request)
        defer { if isOwned { session.finishTasksAndInvalidate() } }
        return try await run(host: host) { deliver in
            session.dataTask(with: urlRequest(request)) { data, response, error in
                deliver(Self.result(data: data, response: response, error: error, host: host))
            }
        }
    }

    private func performDownload(_ request: HTTPRequest, to destination: URL, host: String) async throws
        -> HTTPResponse
    {
        let (session, isOwned) = session(for: request)
        defer { if isOwned { session.finishTasksAndInvalidate() } }
        return try await run(host: host) { deliver in
            session.downloadTask(with: urlRequest(request)) { location, response, error in
                // The temporary file is only guaranteed to exist inside this handler, so move or read it here.
                var body: Data?
                var moveFailure: HTTPTransportError?
                if error == nil, let location, let http = response as? HTTPURLResponse {
                    if (200..<300).contains(http.statusCode) {
                        moveFailure = Self.move(location, to: destination, host: host)
                        body = Data()
                    } else {
                        body = (try? Data(contentsOf: location)) ?? Data()
                    }
                }
                if let moveFailure {
                    deliver(.failure(moveFailure))
                } else {
                    deliver(Self.result(data: body, response: response, error: error, host: host))
                }
            }
        }
    }

    private static func move(_ location: URL, to destination: URL, host: String) -> HTTPTransportError? {
        let manager = FileManager.default
        do {
            if manager.fileExists(atPath: destination.path) { try manager.removeItem(at: destination) }
            try manager.moveItem(at: location, to: destination)
            return nil
        } catch {
            return HTTPTransportError(kind: .other, detail: "could not write the download to \(destination.path)",
                                      host: host)
        }
    }

    /// Starts the task `make` builds and waits for the result it delivers, cancelling the task on cancellation.
    private func run(
        host: String,
        _ make: (@escaping @Sendable (Result<HTTPResponse, HTTPTransportError>) -> Void) -> URLSessionTask
    ) async throws -> HTTPResponse {
        // The completion handler hands its result over through a Sendable stream continuation so that the
        // cancellation handler (a synchronous closure) can cancel the task without shared mutable state.
        let (results, continuation) = AsyncStream<Result<HTTPResponse, HTTPTransportError>>.makeStream(
            bufferingPolicy: .bufferingNewest(1))
        let task = make { result in
            continuation.yield(result)
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
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet:
            // The connection was never made, so the server cannot have seen the request.
            return HTTPTransportError(kind: .connectionFailed, detail: detail, host: host, requestMayHaveBeenSent: false)
        case .networkConnectionLost, .secureConnectionFailed, .serverCertificateUntrusted,
            .serverCertificateHasBadDate, .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return HTTPTransportError(kind: .connectionFailed, detail: detail, host: host)
        default:
            return HTTPTransportError(kind: .other, detail: detail, host: host)
        }
    }
}
