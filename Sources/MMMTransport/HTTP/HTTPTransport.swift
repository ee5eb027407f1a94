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

    /// Creates a transport error.
    /// - Parameters:
    ///   - kind: The failure category.
    ///   - detail: What the HTTP stack said.
    ///   - host: The host of the request.
    public init(kind: Kind, detail: String, host: String) {
        self.kind = kind
        self.detail = detail
        self.host = host
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
