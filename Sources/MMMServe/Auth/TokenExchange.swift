import Foundation
import MMMTransport

/// The authorization-code exchange at the provider's token endpoint (RFC 6749 §4.1.3 with PKCE, RFC 7636).
struct TokenExchange: Sendable {
    let transport: any HTTPTransport
    let clientID: String
    let clientSecret: SecretValue?

    /// Trades a code for the ID token.
    /// - Returns: the `id_token` (a secret: never logged).
    /// - Throws: ``AuthFailure/invalidToken(_:)`` when the provider refuses the code, ``ProviderError`` when it
    ///   cannot be reached.
    func idToken(code: String, verifier: String, redirectURI: String, endpoint: URL) async throws -> String {
        var fields = [
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectURI), ("client_id", clientID),
            ("code_verifier", verifier),
        ]
        if let clientSecret { fields.append(("client_secret", clientSecret.text)) }
        let body = fields.map { "\(Self.formEncode($0.0))=\(Self.formEncode($0.1))" }.joined(separator: "&")
        let response: HTTPResponse
        do {
            response = try await transport.send(
                HTTPRequest(
                    method: .post, url: endpoint,
                    headers: ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"],
                    body: Data(body.utf8), timeout: 15))
        } catch {
            throw ProviderError("could not reach the provider's token endpoint: \(error)")
        }
        let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any] ?? [:]
        guard response.isSuccess else {
            // The provider's error code is safe to show; its description may echo input, so it is left out.
            let code = (object["error"] as? String).map { String($0.prefix(60)) } ?? "HTTP \(response.statusCode)"
            throw AuthFailure.invalidToken("the provider refused the sign-in code (\(code))")
        }
        guard let token = object["id_token"] as? String else {
            throw AuthFailure.invalidToken("the provider's answer has no id_token")
        }
        return token
    }

    /// `application/x-www-form-urlencoded` encoding of one name or value.
    static func formEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
