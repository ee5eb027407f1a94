import MMMCore

/// A failure of a Google Cloud API call (Cloud Storage, Secret Manager, Cloud Run, IAM Credentials).
///
/// Carries the HTTP status and Google's own status and reason when the server sent them. Never contains tokens,
/// secret payloads, request bodies or resumable-upload session addresses.
public struct GoogleCloudError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The failure category.
    public enum Kind: String, Sendable, Equatable {
        /// 404: the object, secret, job, execution or operation does not exist.
        case notFound
        /// 409: it already exists (e.g. creating a secret twice), or a conflicting concurrent change.
        case alreadyExists
        /// 412: a generation precondition did not hold, e.g. a create-only write (`ifGenerationMatch=0`) found an
        /// existing object. Never retried blindly.
        case preconditionFailed
        /// 400 `FAILED_PRECONDITION`: the resource is in the wrong state (e.g. a disabled or destroyed secret version).
        case failedPrecondition
        /// 400: the request was rejected as invalid.
        case invalidArgument
        /// 401: the credentials were rejected, also after one fresh token.
        case unauthenticated
        /// 403: the caller lacks a permission (a 403 may also hide a missing resource).
        case permissionDenied
        /// 429 persisted through every retry.
        case rateLimited
        /// 5xx persisted through every retry (or was not retried because the call is not idempotent).
        case serverError
        /// Another unexpected HTTP status.
        case unexpectedStatus
        /// No HTTP response (connection refused or reset, timeouts).
        case transport
        /// The response could not be understood (not JSON, wrong shape, truncated).
        case invalidResponse
        /// Data did not match its checksum (CRC32C/MD5) after every retry.
        case dataCorruption
        /// The caller's input is unusable (e.g. an object name that is too long, a payload over the size limit).
        case invalidInput
    }

    /// The failure category.
    public let kind: Kind
    /// The service, e.g. `Cloud Storage`.
    public let service: String
    /// What was being done, e.g. `upload gs://bucket/runs/a.json`.
    public let operation: String
    /// What happened (Google's message when it sent one).
    public let message: String
    /// The HTTP status, when a response was received.
    public let httpStatus: Int?
    /// Google's status (`NOT_FOUND`, `FAILED_PRECONDITION`, …) or reason (`conditionNotMet`), when sent.
    public let status: String?

    /// Creates an error.
    /// - Parameters:
    ///   - kind: The category.
    ///   - service: The service name.
    ///   - operation: What was being done.
    ///   - message: What happened.
    ///   - httpStatus: The HTTP status, if any.
    ///   - status: Google's status or reason, if any.
    public init(
        kind: Kind, service: String, operation: String, message: String, httpStatus: Int? = nil, status: String? = nil
    ) {
        self.kind = kind
        self.service = service
        self.operation = operation
        self.message = message
        self.httpStatus = httpStatus
        self.status = status
    }

    /// Whether this is the typed conflict of a failed generation precondition (HTTP 412).
    public var isPreconditionFailure: Bool { kind == .preconditionFailed }

    public var description: String {
        var details: [String] = []
        if let httpStatus { details.append("HTTP \(httpStatus)") }
        if let status { details.append(status) }
        let suffix = details.isEmpty ? "" : " (" + details.joined(separator: ", ") + ")"
        return "\(service): \(operation) failed\(suffix): \(message)"
    }
}

extension GoogleCloudError: CategorizedError {
    /// Bad caller input is a usage error (exit code 2); everything else is a runtime failure (exit code 1).
    public var category: ErrorCategory { kind == .invalidInput ? .usage : .runtime }
}
