import Foundation
import MMMTransport

/// An Application Default Credentials JSON file, parsed just far enough to dispatch on `type`.
///
/// Supported: `service_account` (key file), `authorized_user` (gcloud user credentials) and
/// `impersonated_service_account` (gcloud `--impersonate-service-account` ADC). Secrets are wrapped in
/// ``SecretValue`` as soon as they are read.
enum CredentialsFile: Sendable {
    /// A service-account key.
    struct ServiceAccount: Sendable {
        let clientEmail: String
        let privateKeyPEM: SecretValue
        let privateKeyID: String?
        let projectID: String?
        let tokenURI: URL
    }

    /// gcloud user credentials.
    struct AuthorizedUser: Sendable {
        let clientID: String
        let clientSecret: SecretValue
        let refreshToken: SecretValue
        let quotaProjectID: String?
        let tokenURI: URL
    }

    /// Impersonation on top of other file credentials.
    struct Impersonated: Sendable {
        let targetURL: URL
        let delegates: [String]
        let source: Box
        let quotaProjectID: String?
    }

    /// Indirection for the nested `source_credentials`.
    final class Box: Sendable {
        let file: CredentialsFile
        init(_ file: CredentialsFile) { self.file = file }
    }

    case serviceAccount(ServiceAccount)
    case authorizedUser(AuthorizedUser)
    case impersonated(Impersonated)

    static let defaultTokenURI = "https://oauth2.googleapis.com/token"

    /// Parses a credentials file.
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - source: The path, for messages.
    /// - Throws: ``GoogleCredentialsError`` (`invalidFile`, `unsupportedType`); never quotes file contents.
    static func parse(_ data: Data, source: String) throws(GoogleCredentialsError) -> CredentialsFile {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw invalid(source, "is not a JSON object")
        }
        return try parse(object: object, source: source)
    }

    private static func parse(object: [String: Any], source: String) throws(GoogleCredentialsError) -> CredentialsFile {
        func text(_ key: String) -> String? {
            guard let value = object[key] as? String, !value.isEmpty else { return nil }
            return value
        }
        func required(_ key: String) throws(GoogleCredentialsError) -> String {
            guard let value = text(key) else { throw invalid(source, "has no '\(key)'") }
            return value
        }
        func url(_ key: String, default fallback: String?) throws(GoogleCredentialsError) -> URL {
            let value = text(key) ?? fallback ?? ""
            guard let url = URL(string: value), url.scheme == "https" || url.scheme == "http", url.host != nil else {
                throw invalid(source, "has an unusable '\(key)'")
            }
            return url
        }
        switch text("type") {
        case "service_account":
            return .serviceAccount(ServiceAccount(
                clientEmail: try required("client_email"), privateKeyPEM: SecretValue(try required("private_key")),
                privateKeyID: text("private_key_id"), projectID: text("project_id"),
                tokenURI: try url("token_uri", default: defaultTokenURI)))
        case "authorized_user":
            return .authorizedUser(AuthorizedUser(
                clientID: try required("client_id"), clientSecret: SecretValue(try required("client_secret")),
                refreshToken: SecretValue(try required("refresh_token")), quotaProjectID: text("quota_project_id"),
                tokenURI: try url("token_uri", default: defaultTokenURI)))
        case "impersonated_service_account":
            guard let nested = object["source_credentials"] as? [String: Any] else {
                throw invalid(source, "has no 'source_credentials' object")
            }
            let inner = try parse(object: nested, source: source + " (source_credentials)")
            if case .impersonated = inner { throw invalid(source, "nests impersonation inside impersonation") }
            return .impersonated(Impersonated(
                targetURL: try url("service_account_impersonation_url", default: nil),
                delegates: object["delegates"] as? [String] ?? [], source: Box(inner),
                quotaProjectID: text("quota_project_id")))
        case let other?:
            throw GoogleCredentialsError(
                kind: .unsupportedType,
                message: "credentials of type '\(other)' are not supported; use a service-account key, "
                    + "`gcloud auth application-default login`, or the metadata server", source: source)
        case nil:
            throw invalid(source, "has no 'type'")
        }
    }

    private static func invalid(_ source: String, _ problem: String) -> GoogleCredentialsError {
        GoogleCredentialsError(kind: .invalidFile, message: "the credentials file \(problem)", source: source)
    }
}
