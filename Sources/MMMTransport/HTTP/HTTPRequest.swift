import Foundation

/// An HTTP method as sent on the wire.
public struct HTTPMethod: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The method token, e.g. `GET`.
    public let rawValue: String

    /// Creates a method from its token.
    /// - Parameter rawValue: The method token, e.g. `PATCH`.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `GET`.
    public static let get = HTTPMethod(rawValue: "GET")
    /// `POST`.
    public static let post = HTTPMethod(rawValue: "POST")
    /// `PUT`.
    public static let put = HTTPMethod(rawValue: "PUT")
    /// `PATCH`.
    public static let patch = HTTPMethod(rawValue: "PATCH")
    /// `DELETE`.
    public static let delete = HTTPMethod(rawValue: "DELETE")

    public var description: String { rawValue }
}

/// One HTTP request handed to an ``HTTPTransport``.
///
/// Header names are kept as given; lookups through ``header(_:)`` are case-insensitive.
public struct HTTPRequest: Sendable, Equatable {
    /// The request method.
    public var method: HTTPMethod
    /// The absolute URL, query included.
    public var url: URL
    /// Request headers (name → value). Values such as `Authorization` are secrets: never log them.
    public var headers: [String: String]
    /// The request body, if any.
    public var body: Data?
    /// Seconds without progress after which the transport gives up with ``HTTPTransportError/Kind/timedOut``.
    public var timeout: TimeInterval
    /// Send on a new connection that is closed afterwards, never on a pooled one (default: whenever there is a
    /// body). libcurl silently resends a request whose reused connection turns out dead, which would repeat a
    /// non-idempotent call, and FoundationNetworking then never completes a resent request that has a body
    /// (observed with swift-corelibs-foundation 6.3 on Linux).
    public var usesFreshConnection: Bool

    /// Creates a request.
    /// - Parameters:
    ///   - method: The HTTP method.
    ///   - url: The absolute URL including any query.
    ///   - headers: Header fields.
    ///   - body: Optional body bytes.
    ///   - timeout: Idle timeout in seconds (default 60).
    ///   - usesFreshConnection: See ``usesFreshConnection``; `nil` (default) means "when there is a body".
    public init(
        method: HTTPMethod, url: URL, headers: [String: String] = [:], body: Data? = nil,
        timeout: TimeInterval = 60, usesFreshConnection: Bool? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.usesFreshConnection = usesFreshConnection ?? (body != nil)
    }

    /// The value of a header, matching the name case-insensitively.
    /// - Parameter name: The header name.
    /// - Returns: The value, or `nil` when absent.
    public func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// One HTTP response returned by an ``HTTPTransport``.
public struct HTTPResponse: Sendable, Equatable {
    /// The status code, e.g. 200.
    public var statusCode: Int
    /// Response headers with **lowercased** names.
    public var headers: [String: String]
    /// The body after any transfer or content decoding the transport performed.
    public var body: Data

    /// Creates a response.
    /// - Parameters:
    ///   - statusCode: The HTTP status.
    ///   - headers: Header fields; names are lowercased on the way in.
    ///   - body: The body bytes.
    public init(statusCode: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.statusCode = statusCode
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }

    /// The value of a header, matching the name case-insensitively.
    /// - Parameter name: The header name.
    /// - Returns: The value, or `nil` when absent.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// Whether the status is in 200–299.
    public var isSuccess: Bool { (200..<300).contains(statusCode) }
}
