import Foundation
import MMMTransport

/// The OAuth 2 token endpoint (`token_uri`): posts a form (JWT-bearer assertion or refresh token) and reads
/// `{"access_token","expires_in"}`, retrying 408/429/5xx, transport errors and the OAuth errors Google marks as
/// transient.
struct OAuthTokenEndpoint: Sendable {
    /// Errors google-auth treats as transient.
    static let transientErrors: Set<String> = ["internal_failure", "server_error", "temporarily_unavailable"]

    let url: URL
    /// Non-secret label of the credentials, for messages (a file path or e-mail).
    let source: String
    let context: TokenRequestContext

    private struct Success: Decodable {
        let access_token: String?
        let expires_in: JSONInt64?
    }

    private struct Refusal: Decodable {
        let error: String
        let error_description: String?
        let error_subtype: String?
    }

    /// Exchanges a grant for an access token.
    /// - Parameter form: The form fields in order (values may be secrets; the body is never logged).
    /// - Returns: The token.
    /// - Throws: ``GoogleCredentialsError``.
    func exchange(_ form: [(String, String)]) async throws -> AccessToken {
        let body = Data(form.map { PercentEncoding.encode($0.0) + "=" + PercentEncoding.encode($0.1) }
            .joined(separator: "&").utf8)
        let request = HTTPRequest(
            method: .post, url: url,
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json",
                      "User-Agent": context.userAgent],
            body: body, timeout: context.requestTimeout)
        return try await context.retryPolicy.run { attempt -> RetryStep<AccessToken> in
            let response: HTTPResponse
            do {
                response = try await context.transport.send(request)
            } catch let error as HTTPTransportError {
                if error.kind == .cancelled || Task.isCancelled { throw CancellationError() }
                context.log?("auth: POST \(url.path) attempt \(attempt) failed: \(error.kind.rawValue)")
                return .retry(because: GoogleCredentialsError(
                    kind: .unavailable, message: "could not reach the token endpoint: \(error)", source: source))
            }
            context.log?("auth: POST \(url.path) attempt \(attempt) -> HTTP \(response.statusCode)")
            if response.isSuccess { return .finished(try token(from: response)) }
            let refusal = try? JSONDecoder().decode(Refusal.self, from: response.body)
            let error = failure(response, refusal)
            if GoogleRetryRule.transientStatuses.contains(response.statusCode)
                || refusal.map({ Self.transientErrors.contains($0.error) }) == true
            {
                return .retry(after: GoogleRetryRule.retryAfter(response), because: error)
            }
            throw error
        }
    }

    private func token(from response: HTTPResponse) throws -> AccessToken {
        guard let success = try? JSONDecoder().decode(Success.self, from: response.body),
            let value = success.access_token, !value.isEmpty
        else {
            throw GoogleCredentialsError(
                kind: .tokenRefused,
                message: "the token endpoint answered HTTP \(response.statusCode) without an access token",
                source: source)
        }
        let expiresAt = success.expires_in.map { context.clock.now().addingTimeInterval(TimeInterval($0.value)) }
        return AccessToken(value: SecretValue(value), expiresAt: expiresAt)
    }

    private func failure(_ response: HTTPResponse, _ refusal: Refusal?) -> GoogleCredentialsError {
        guard let refusal else {
            return GoogleCredentialsError(
                kind: GoogleRetryRule.transientStatuses.contains(response.statusCode) ? .unavailable : .tokenRefused,
                message: "the token endpoint answered HTTP \(response.statusCode): "
                    + GoogleErrorBody.excerpt(response.body), source: source)
        }
        let description = refusal.error_description ?? ""
        var message = "the token endpoint refused the request (HTTP \(response.statusCode), \(refusal.error))"
        if !description.isEmpty { message += ": " + description }
        if let hint = Self.hint(error: refusal.error, subtype: refusal.error_subtype, description: description) {
            message += " — " + hint
        }
        return GoogleCredentialsError(
            kind: Self.transientErrors.contains(refusal.error) ? .unavailable : .tokenRefused, message: message,
            source: source)
    }

    /// What a user can do about a refusal.
    static func hint(error: String, subtype: String?, description: String) -> String? {
        let text = description.lowercased()
        if subtype == "invalid_rapt" || text.contains("reauth") || text.contains("expired or revoked") {
            return "run `gcloud auth application-default login` again"
        }
        if text.contains("signature") { return "the key may have been deleted or rotated; create a new key" }
        if text.contains("timeframe") || text.contains("iat") { return "check this machine's clock" }
        if text.contains("account not found") { return "the service account may have been deleted" }
        if error == "invalid_client" { return "the client id or secret in the credentials file is wrong" }
        return nil
    }
}

/// Transport, retry and clock settings shared by token providers.
struct TokenRequestContext: Sendable {
    let transport: any HTTPTransport
    let retryPolicy: RetryPolicy
    let requestTimeout: TimeInterval
    let userAgent: String
    let clock: any WallClock
    let log: (@Sendable (String) -> Void)?
}
