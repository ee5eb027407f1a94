import Foundation
import MMMTransport

/// The metadata server of Cloud Run and Compute Engine (`/computeMetadata/v1`).
///
/// Every request carries `Metadata-Flavor: Google` and every answer must carry it too (so a captive portal or
/// proxy answering on that address is not mistaken for the server). 404 is final; 5xx and transport errors are
/// retried.
public struct MetadataServer: Sendable {
    /// The server's base URL.
    public let baseURL: URL
    /// Where ``isAvailable(timeout:attempts:)`` looks.
    public let pingURL: URL
    let context: TokenRequestContext

    /// The service account's token, optionally for specific scopes.
    func token(scopes: [String]?) async throws -> AccessToken {
        struct Token: Decodable {
            let access_token: String?
            let expires_in: JSONInt64?
        }
        let query = scopes.map { [("scopes", $0.joined(separator: ","))] } ?? []
        let body = try await get("instance/service-accounts/default/token", query: query)
        guard let token = try? JSONDecoder().decode(Token.self, from: body), let value = token.access_token,
            !value.isEmpty
        else {
            throw GoogleCredentialsError(
                kind: .metadataServer, message: "the token answer is not a token (\(body.count) bytes)",
                source: "metadata server")
        }
        let expiresAt = token.expires_in.map { context.clock.now().addingTimeInterval(TimeInterval($0.value)) }
        return AccessToken(value: SecretValue(value), expiresAt: expiresAt)
    }

    /// The project id the instance runs in.
    /// - Throws: ``GoogleCredentialsError`` (`metadataServer`, `unavailable`).
    public func projectID() async throws -> String { try await text("project/project-id") }

    /// The default service account's e-mail.
    /// - Throws: ``GoogleCredentialsError`` (`metadataServer`, `unavailable`).
    public func serviceAccountEmail() async throws -> String { try await text("instance/service-accounts/default/email") }

    /// Whether a metadata server answers (google-auth's check: `GET /` with the header, short timeout, a few tries).
    /// - Parameters:
    ///   - timeout: Seconds per try (google-auth: 3, or `GCE_METADATA_TIMEOUT`).
    ///   - attempts: Tries (google-auth: 3).
    /// - Returns: `true` when a try got HTTP 200 with `Metadata-Flavor: Google`.
    public func isAvailable(timeout: TimeInterval, attempts: Int) async -> Bool {
        let request = HTTPRequest(method: .get, url: pingURL, headers: ["Metadata-Flavor": "Google"], timeout: timeout)
        for _ in 0..<max(1, attempts) {
            if Task.isCancelled { return false }
            if let response = try? await context.transport.send(request) {
                return response.statusCode == 200 && response.header("Metadata-Flavor") == "Google"
            }
        }
        return false
    }

    private func text(_ path: String) async throws -> String {
        String(decoding: try await get(path, query: []), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func get(_ path: String, query: [(String, String?)]) async throws -> Data {
        guard let url = baseURL.appendingEncodedPath("/computeMetadata/v1/" + path, query: query) else {
            throw GoogleCredentialsError(kind: .invalidConfiguration, message: "bad metadata URL", source: "metadata server")
        }
        let request = HTTPRequest(method: .get, url: url, headers: ["Metadata-Flavor": "Google"],
                                  timeout: context.requestTimeout)
        return try await context.retryPolicy.run { attempt -> RetryStep<Data> in
            let response: HTTPResponse
            do {
                response = try await context.transport.send(request)
            } catch let error as HTTPTransportError {
                if error.kind == .cancelled || Task.isCancelled { throw CancellationError() }
                context.log?("metadata: GET \(url.path) attempt \(attempt) failed: \(error.kind.rawValue)")
                return .retry(because: GoogleCredentialsError(
                    kind: .unavailable, message: "could not reach the metadata server: \(error)",
                    source: "metadata server"))
            }
            context.log?("metadata: GET \(url.path) attempt \(attempt) -> HTTP \(response.statusCode)")
            if response.statusCode == 200, response.header("Metadata-Flavor") == "Google" {
                return .finished(response.body)
            }
            let error = GoogleCredentialsError(
                kind: .metadataServer,
                message: response.statusCode == 200
                    ? "\(url.path) answered without 'Metadata-Flavor: Google'; this is not a metadata server"
                    : "\(url.path) answered HTTP \(response.statusCode)", source: "metadata server")
            if GoogleRetryRule.transientStatuses.contains(response.statusCode) { return .retry(because: error) }
            throw error
        }
    }
}

/// Tokens of the instance's service account from the metadata server.
struct MetadataTokenProvider: GoogleTokenProvider {
    let server: MetadataServer
    let scopes: [String]?

    func fetchToken() async throws -> AccessToken { try await server.token(scopes: scopes) }
}
