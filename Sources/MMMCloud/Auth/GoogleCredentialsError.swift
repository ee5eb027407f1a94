import MMMCore

/// Why Google credentials could not be found, loaded or turned into an access token.
///
/// Messages name files, variables and service-account e-mails, never keys, refresh tokens, client secrets or tokens.
public struct GoogleCredentialsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The failure category.
    public enum Kind: String, Sendable, Equatable {
        /// No credentials anywhere in the discovery order.
        case notFound
        /// A credentials file is missing, unreadable or malformed.
        case invalidFile
        /// The credentials file has a `type` this library does not support (e.g. `external_account`).
        case unsupportedType
        /// An environment variable or option has an unusable value (e.g. a malformed endpoint URL).
        case invalidConfiguration
        /// The OAuth token endpoint refused the grant (bad key, revoked refresh token, clock skew).
        case tokenRefused
        /// The metadata server answered with an error or something that is not a token.
        case metadataServer
        /// IAM Credentials refused to mint a token for the impersonated service account.
        case impersonationFailed
        /// The token service could not be reached, or kept failing, after every retry.
        case unavailable
    }

    /// The failure category.
    public let kind: Kind
    /// What happened and, where possible, what to do about it.
    public let message: String
    /// Where the credentials came from (a file path, `metadata server`, a service-account e-mail).
    public let source: String

    /// Creates an error.
    /// - Parameters:
    ///   - kind: The category.
    ///   - message: A human-readable message.
    ///   - source: A non-secret label of the credential source.
    public init(kind: Kind, message: String, source: String) {
        self.kind = kind
        self.message = message
        self.source = source
    }

    public var description: String { "Google credentials (\(source)): \(message)" }
}

extension GoogleCredentialsError: CategorizedError {
    /// Missing or malformed credentials and settings are usage errors (exit 2); refusals and outages are runtime (1).
    public var category: ErrorCategory {
        switch kind {
        case .notFound, .invalidFile, .unsupportedType, .invalidConfiguration: .usage
        case .tokenRefused, .metadataServer, .impersonationFailed, .unavailable: .runtime
        }
    }
}
