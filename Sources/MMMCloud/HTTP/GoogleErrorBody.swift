import Foundation
import MMMTransport

/// The error details in a Google API error response.
///
/// Understands the AIP-193 shape (`{"error":{"code","message","status","details"}}`) and Cloud Storage's older
/// `errors[].reason`; anything else (an HTML page from the front end, an empty body) falls back to the status and
/// the first printable characters of the body.
struct GoogleErrorBody: Equatable {
    /// Google's message, or a description of the body when it was not a Google error.
    let message: String
    /// `status` (e.g. `FAILED_PRECONDITION`) or, failing that, the first `errors[].reason` (e.g. `conditionNotMet`).
    let status: String?

    private struct Envelope: Decodable {
        struct Detail: Decodable {
            struct Item: Decodable { let reason: String? }
            let message: String?
            let status: String?
            let errors: [Item]?
        }

        let error: Detail
    }

    /// Reads an error body. Never used on successful responses (those may carry secret payloads).
    /// - Parameter response: A non-2xx response.
    init(_ response: HTTPResponse) {
        if let envelope = try? JSONDecoder().decode(Envelope.self, from: response.body) {
            let reason = envelope.error.errors?.compactMap(\.reason).first
            message = envelope.error.message ?? "HTTP \(response.statusCode)"
            status = envelope.error.status ?? reason
            return
        }
        status = nil
        if response.body.isEmpty {
            message = "HTTP \(response.statusCode) with an empty body"
            return
        }
        let type = response.header("Content-Type").map { " (\($0))" } ?? ""
        message = "HTTP \(response.statusCode) with a body that is not a Google API error\(type): "
            + Self.excerpt(response.body)
    }

    /// Up to 160 printable characters of a body, white space collapsed.
    static func excerpt(_ body: Data) -> String {
        let text = String(decoding: body.prefix(2048), as: UTF8.self)
        let printable = text.unicodeScalars.map { $0.properties.isWhitespace || $0.value < 0x20 ? " " : Character($0) }
        let collapsed = String(printable).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        return collapsed.count > 160 ? String(collapsed.prefix(160)) + "…" : collapsed
    }

    /// The error category of an HTTP status (and Google status).
    static func kind(status code: Int, googleStatus: String?) -> GoogleCloudError.Kind {
        switch code {
        case 400: googleStatus == "FAILED_PRECONDITION" ? .failedPrecondition : .invalidArgument
        case 401: .unauthenticated
        case 403: .permissionDenied
        case 404, 410: .notFound
        case 409: .alreadyExists
        case 412: .preconditionFailed
        case 429: .rateLimited
        case 408, 500...599: .serverError
        default: .unexpectedStatus
        }
    }
}
