import Foundation
import MMMTransport

/// Service-account key → RS256 JWT assertion → access token (OAuth 2 JWT-bearer grant, RFC 7523).
///
/// Header `{"alg":"RS256","typ":"JWT","kid":<private_key_id>}`; claims `iss` (the account e-mail), `scope`,
/// `aud` (the token URI), `iat` (now) and `exp` (`iat` + 3600).
struct ServiceAccountTokenProvider: GoogleTokenProvider {
    static let grantType = "urn:ietf:params:oauth:grant-type:jwt-bearer"

    let email: String
    let keyID: String?
    let key: RSAPrivateKey
    let scopes: [String]
    let endpoint: OAuthTokenEndpoint

    /// Loads the key of a parsed key file.
    /// - Throws: ``GoogleCredentialsError`` (`invalidFile`) when the key cannot be read.
    init(_ file: CredentialsFile.ServiceAccount, scopes: [String], source: String, context: TokenRequestContext)
        throws(GoogleCredentialsError)
    {
        do {
            key = try RSAPrivateKey(pem: Data(file.privateKeyPEM.bytes), source: source, passphrase: { nil })
        } catch {
            throw GoogleCredentialsError(
                kind: .invalidFile, message: "the private key could not be loaded: \(error)", source: source)
        }
        email = file.clientEmail
        keyID = file.privateKeyID
        self.scopes = scopes
        endpoint = OAuthTokenEndpoint(url: file.tokenURI, source: file.clientEmail, context: context)
    }

    /// The signed assertion for a given issue time (a secret).
    func assertion(issuedAt: Int64) throws(GoogleCredentialsError) -> SecretValue {
        let claims = [
            JWTClaim("iss", .string(email)), JWTClaim("scope", .string(scopes.joined(separator: " "))),
            JWTClaim("aud", .string(endpoint.url.absoluteString)), JWTClaim("iat", .integer(issuedAt)),
            JWTClaim("exp", .integer(issuedAt + 3600)),
        ]
        do {
            return try CompactJWT.signRS256(claims: claims, key: key, keyID: keyID)
        } catch {
            throw GoogleCredentialsError(kind: .invalidFile, message: "signing failed: \(error)", source: email)
        }
    }

    func fetchToken() async throws -> AccessToken {
        // Never in the future: Google rejects assertions issued ahead of its clock.
        let now = Int64(endpoint.context.clock.now().timeIntervalSince1970.rounded(.down))
        let jwt = try assertion(issuedAt: now)
        return try await endpoint.exchange([("grant_type", Self.grantType), ("assertion", jwt.text)])
    }
}

/// gcloud user credentials: refresh token → access token.
struct AuthorizedUserTokenProvider: GoogleTokenProvider {
    let file: CredentialsFile.AuthorizedUser
    let endpoint: OAuthTokenEndpoint

    init(_ file: CredentialsFile.AuthorizedUser, source: String, context: TokenRequestContext) {
        self.file = file
        endpoint = OAuthTokenEndpoint(url: file.tokenURI, source: source, context: context)
    }

    func fetchToken() async throws -> AccessToken {
        try await endpoint.exchange([
            ("grant_type", "refresh_token"), ("client_id", file.clientID),
            ("client_secret", file.clientSecret.text), ("refresh_token", file.refreshToken.text),
        ])
    }
}
