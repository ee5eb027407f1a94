import Foundation
import MMMTransport

/// One Google API request before authentication, plus what the retry logic must know about it.
struct GoogleAPICall: Sendable {
    /// The HTTP method.
    var method: HTTPMethod
    /// The absolute URL.
    var url: URL
    /// Extra headers (`Content-Type`, `Content-Range`, …); authentication and `User-Agent` are added later.
    var headers: [String: String] = [:]
    /// The body, if any.
    var body: Data?
    /// Whether repeating the call cannot change the outcome (GETs, deletes of a pinned generation, uploads guarded
    /// by a generation precondition). Only such calls are retried after 408/429/5xx or a lost connection.
    var idempotent: Bool
    /// What the call does, for messages, e.g. `upload gs://b/o`.
    var operation: String
    /// The request timeout in seconds.
    var timeout: TimeInterval

    /// Path and query for log lines, with resumable-upload session ids (capabilities) removed.
    var logTarget: String { Self.redacted(url) }

    static func redacted(_ url: URL) -> String {
        guard let query = url.query, !query.isEmpty else { return url.path }
        let items = query.split(separator: "&").map { item -> String in
            let name = item.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            return name.lowercased() == "upload_id" ? "upload_id=<redacted>" : String(item)
        }
        return url.path + "?" + items.joined(separator: "&")
    }
}

/// Which failures are worth another attempt, per Google's retry guidance.
enum GoogleRetryRule {
    /// Statuses retried for idempotent calls.
    static let transientStatuses: Set<Int> = [408, 429, 500, 502, 503, 504]

    /// Whether a response status should be retried.
    /// - Parameters:
    ///   - status: The HTTP status.
    ///   - idempotent: Whether the call may be repeated.
    static func shouldRetry(status: Int, idempotent: Bool) -> Bool {
        idempotent && transientStatuses.contains(status)
    }

    /// Whether a transport failure should be retried: idempotent calls always (unless cancelled), others only when
    /// the request certainly never reached the server.
    static func shouldRetry(_ error: HTTPTransportError, idempotent: Bool) -> Bool {
        guard error.kind != .cancelled else { return false }
        return idempotent || !error.requestMayHaveBeenSent
    }

    /// The `Retry-After` delay in whole seconds, when the header has one.
    static func retryAfter(_ response: HTTPResponse) -> Duration? {
        guard let text = response.header("Retry-After"), let seconds = Int(text.trimmingCharacters(in: .whitespaces)),
            seconds >= 0
        else { return nil }
        return .seconds(seconds)
    }
}
