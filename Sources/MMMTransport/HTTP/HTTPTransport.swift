import Foundation

/// The seam between API clients and the network: send one request, get one fully read response.
///
/// Production code uses ``URLSessionTransport``; tests inject fakes. Implementations must honour Swift task
/// cancellation (throw ``HTTPTransportError`` with kind ``HTTPTransportError/Kind/cancelled``) and must return
/// non-2xx responses as values, not errors, so callers can read error bodies.
public protocol HTTPTransport: Sendable {
    /// Sends a request and reads the whole response body.
    /// - Parameter request: The request to send.
    /// - Returns: The response, whatever its status.
    /// - Throws: ``HTTPTransportError`` when no response was received.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse

    /// Sends a request and streams a successful (2xx) response body into a file instead of memory.
    ///
    /// On a 2xx status the body is written to `destination` (replacing it) and the returned response has an empty
    /// body; on any other status `destination` is left untouched and the (error) body is returned in memory. The
    /// default implementation reads the body with ``send(_:)`` and then writes it; ``URLSessionTransport`` streams.
    /// - Parameters:
    ///   - request: The request to send.
    ///   - destination: A file URL in an existing directory.
    /// - Returns: The response (its body empty on success).
    /// - Throws: ``HTTPTransportError`` when no response was received or the file could not be written.
    func download(_ request: HTTPRequest, to destination: URL) async throws -> HTTPResponse
}

extension HTTPTransport {
    public func download(_ request: HTTPRequest, to destination: URL) async throws -> HTTPResponse {
        var response = try await send(request)
        guard response.isSuccess else { return response }
        do {
            try response.body.write(to: destination, options: .atomic)
        } catch {
            throw HTTPTransportError(kind: .other, detail: "could not write the download to \(destination.path)",
                                     host: request.url.host ?? "?")
        }
        response.body = Data()
        return response
    }
}

/// A failure to get any HTTP response (connection, timeout, cancellation).
public struct HTTPTransportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable, Equatable {
        /// The connection could not be made (refused, DNS, TLS).
        case connectionFailed
        /// No progress within the request timeout.
        case timedOut
        /// The calling task was cancelled.
        case cancelled
        /// Anything else the HTTP stack reported.
        case other
    }

    /// The failure category.
    public let kind: Kind
    /// A human-readable detail (never contains headers or bodies).
    public let detail: String
    /// The host the request was for (no path, no query).
    public let host: String
    /// `false` only when the request certainly never reached the server (connection refused, unknown host), which
    /// makes even a non-idempotent request safe to repeat.
    public let requestMayHaveBeenSent: Bool

    /// Creates a transport error.
    /// - Parameters:
    ///   - kind: The failure category.
    ///   - detail: What the HTTP stack said.
    ///   - host: The host of the request.
    ///   - requestMayHaveBeenSent: Whether the server may have received the request (default `true`).
    public init(kind: Kind, detail: String, host: String, requestMayHaveBeenSent: Bool = true) {
        self.kind = kind
        self.detail = detail
        self.host = host
        self.requestMayHaveBeenSent = requestMayHaveBeenSent
    }

    /// Whether retrying the same request may succeed (connection problems and timeouts).
    public var isRetryable: Bool { kind == .connectionFailed || kind == .timedOut || kind == .other }

    public var description: String {
        switch kind {
        case .connectionFailed: "could not connect to \(host): \(detail)"
        case .timedOut: "request to \(host) timed out: \(detail)"
        case .cancelled: "request to \(host) was cancelled"
        case .other: "request to \(host) failed: \(detail)"
        }
    }
}
