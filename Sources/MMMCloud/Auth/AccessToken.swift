import Foundation
import MMMTransport

/// An OAuth 2 access token and when it expires. The value is a secret: it never prints itself.
public struct AccessToken: Sendable, Equatable {
    /// The bearer token.
    public let value: SecretValue
    /// When the token stops working, or `nil` when unknown.
    public let expiresAt: Date?

    /// Creates a token.
    /// - Parameters:
    ///   - value: The bearer token.
    ///   - expiresAt: Its expiry, if known.
    public init(value: SecretValue, expiresAt: Date?) {
        self.value = value
        self.expiresAt = expiresAt
    }
}

/// A source of fresh access tokens (one token-endpoint exchange, one metadata-server read, …).
///
/// ``GoogleCredentials`` caches what providers return; a provider itself never caches.
public protocol GoogleTokenProvider: Sendable {
    /// Obtains a new token.
    /// - Returns: The token.
    /// - Throws: ``GoogleCredentialsError`` (or ``GoogleCloudError`` for impersonation calls).
    func fetchToken() async throws -> AccessToken
}

/// What kind of credentials these are, with the non-secret facts worth showing a user.
public enum GoogleCredentialsKind: Sendable, Equatable, CustomStringConvertible {
    /// A service-account key file (JWT-bearer exchange).
    case serviceAccount(email: String)
    /// gcloud user credentials (`authorized_user`, refresh-token exchange).
    case authorizedUser
    /// The metadata server of Cloud Run or Compute Engine.
    case metadataServer
    /// A service account impersonated through IAM Credentials, on top of other credentials.
    case impersonated(target: String, source: String)
    /// No credentials: requests carry no `Authorization` header (storage emulators).
    case anonymous
    /// A caller-supplied ``GoogleTokenProvider``.
    case custom(String)

    public var description: String {
        switch self {
        case .serviceAccount(let email): "service account \(email) (key file)"
        case .authorizedUser: "gcloud user credentials"
        case .metadataServer: "metadata server"
        case .impersonated(let target, let source): "service account \(target) impersonated by \(source)"
        case .anonymous: "anonymous"
        case .custom(let label): label
        }
    }
}
