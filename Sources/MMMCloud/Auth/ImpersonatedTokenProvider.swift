import Foundation
import MMMTransport

/// Service-account impersonation: IAM Credentials `generateAccessToken`, called with the source credentials.
///
/// `POST {iamcredentials}/v1/projects/-/serviceAccounts/{target}:generateAccessToken` with
/// `{"scope":[…],"lifetime":"3600s","delegates":["projects/-/serviceAccounts/…"]}` →
/// `{"accessToken","expireTime"}`. The caller needs `roles/iam.serviceAccountTokenCreator` on the target (on each
/// delegate in a chain).
struct ImpersonatedTokenProvider: GoogleTokenProvider {
    let target: String
    let url: URL
    let delegates: [String]
    let scopes: [String]
    let lifetimeSeconds: Int
    let exchange: GoogleAPIExchange

    private struct Body: Encodable {
        let scope: [String]
        let lifetime: String
        let delegates: [String]
    }

    private struct Answer: Decodable {
        let accessToken: String?
        let expireTime: String?
    }

    /// The generateAccessToken URL for a target e-mail under an IAM Credentials base URL.
    static func url(base: URL, target: String) -> URL? {
        base.appendingEncodedPath("/v1/projects/-/serviceAccounts/" + PercentEncoding.encode(target) + ":generateAccessToken")
    }

    /// The target e-mail inside a `…/serviceAccounts/<email>:generateAccessToken` URL.
    static func target(in url: URL) -> String? {
        let path = url.path
        guard let range = path.range(of: "/serviceAccounts/"), path.hasSuffix(":generateAccessToken") else { return nil }
        let email = path[range.upperBound...].dropLast(":generateAccessToken".count)
        return email.isEmpty ? nil : String(email)
    }

    /// `projects/-/serviceAccounts/<email>` for a bare e-mail; full resource names are kept.
    static func delegateName(_ value: String) -> String {
        value.hasPrefix("projects/") ? value : "projects/-/serviceAccounts/" + value
    }

    func fetchToken() async throws -> AccessToken {
        let body = Body(scope: scopes, lifetime: ProtoJSON.duration(seconds: lifetimeSeconds),
                        delegates: delegates.map(Self.delegateName))
        let call = GoogleAPICall(
            method: .post, url: url, headers: ["Content-Type": "application/json"],
            body: try JSONEncoder().encode(body), idempotent: true,
            operation: "generateAccessToken for \(target)", timeout: exchange.options.requestTimeout)
        let answer: Answer
        do {
            answer = try await exchange.json(Answer.self, call)
        } catch let error as GoogleCloudError {
            var message = error.description
            if error.kind == .permissionDenied || error.kind == .notFound {
                message += " — the caller (\(exchange.credentials.kind)) needs roles/iam.serviceAccountTokenCreator on \(target)"
            }
            throw GoogleCredentialsError(kind: .impersonationFailed, message: message, source: target)
        }
        guard let value = answer.accessToken, !value.isEmpty else {
            throw GoogleCredentialsError(
                kind: .impersonationFailed, message: "generateAccessToken answered without an access token",
                source: target)
        }
        return AccessToken(value: SecretValue(value), expiresAt: answer.expireTime.flatMap(ProtoJSON.timestamp))
    }
}
