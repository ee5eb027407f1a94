import Foundation
import MMMTransport

/// Verifies OpenID Connect ID tokens: RS256 signature with the provider's published key, exact issuer, audience,
/// `exp`/`iat`/`nbf` within a small clock skew, a verified email, and the allowed domains.
struct IDTokenVerifier: Sendable {
    let provider: OIDCProvider
    let audience: String
    let policy: DomainPolicy
    let clockSkew: TimeInterval

    /// Checks a token.
    /// - Parameters:
    ///   - token: the compact JWS.
    ///   - now: the current time.
    ///   - nonce: the nonce the sign-in flow sent (web sign-in only).
    /// - Returns: the user.
    /// - Throws: ``AuthFailure`` (401 for a token that is not valid, 403 for a valid token of someone not allowed in),
    ///   ``ProviderError`` when the provider cannot be reached.
    func verify(_ token: String, now: Date = Date(), nonce: String? = nil) async throws -> SignedInUser {
        let jwt: SignedJWT
        do {
            jwt = try SignedJWT(token)
        } catch {
            throw AuthFailure.invalidToken("\(error)")
        }
        // The algorithm is checked before any key is looked up: alg none / HS256 never reach a key.
        guard jwt.algorithm == "RS256" else { throw AuthFailure.invalidToken("only RS256 tokens are accepted") }
        guard let key = try await provider.key(id: jwt.keyID) else {
            throw AuthFailure.invalidToken("the token is signed with a key the provider does not publish")
        }
        do {
            try jwt.verifyRS256(with: key)
        } catch {
            throw AuthFailure.invalidToken("\(error)")
        }
        let claims: IDTokenClaims
        do {
            claims = try JSONDecoder().decode(IDTokenClaims.self, from: jwt.claimsJSON)
        } catch {
            throw AuthFailure.invalidToken("the token's claims have the wrong types")
        }
        try checkClaims(claims, now: now, nonce: nonce)
        let email = (claims.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard !email.isEmpty else { throw AuthFailure.forbidden("the token carries no email") }
        guard claims.emailVerified?.value == true else {
            throw AuthFailure.forbidden("the email \(email) is not verified by the provider")
        }
        try policy.check(email: email, hostedDomain: claims.hd)
        return SignedInUser(email: email, subject: claims.sub ?? email, method: .bearer, csrfToken: nil)
    }

    private func checkClaims(_ claims: IDTokenClaims, now: Date, nonce: String?) throws {
        guard let issuer = claims.iss, issuer == provider.issuer else {
            throw AuthFailure.invalidToken("the token's issuer is not \(provider.issuer)")
        }
        let audiences = claims.aud?.values ?? []
        guard audiences.contains(audience) else { throw AuthFailure.invalidToken("the token is for another audience") }
        if audiences.count > 1, claims.azp != audience {
            throw AuthFailure.invalidToken("the token has several audiences and was not issued to this client")
        }
        guard let sub = claims.sub, !sub.isEmpty else { throw AuthFailure.invalidToken("the token has no subject") }
        let t = now.timeIntervalSince1970
        guard let exp = claims.exp else { throw AuthFailure.invalidToken("the token has no expiry") }
        guard t < exp + clockSkew else { throw AuthFailure.invalidToken("the token has expired") }
        guard let iat = claims.iat else { throw AuthFailure.invalidToken("the token has no issue time") }
        guard iat <= t + clockSkew else { throw AuthFailure.invalidToken("the token is issued in the future") }
        if let nbf = claims.nbf, t < nbf - clockSkew { throw AuthFailure.invalidToken("the token is not valid yet") }
        if let nonce, claims.nonce != nonce { throw AuthFailure.invalidToken("the token's nonce does not match this sign-in") }
    }
}

/// The claims of an ID token that are checked; a claim of the wrong JSON type makes the token invalid.
private struct IDTokenClaims: Decodable {
    var iss: String?
    var sub: String?
    var aud: Audience?
    var azp: String?
    var exp: Double?
    var iat: Double?
    var nbf: Double?
    var email: String?
    var emailVerified: VerifiedFlag?
    var hd: String?
    var nonce: String?

    enum CodingKeys: String, CodingKey {
        case iss, sub, aud, azp, exp, iat, nbf, email, hd, nonce
        case emailVerified = "email_verified"
    }

    /// `aud`: one string or a list.
    struct Audience: Decodable {
        let values: [String]
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let single = try? c.decode(String.self) { values = [single] } else { values = try c.decode([String].self) }
        }
    }

    /// `email_verified`: a boolean, or the string "true"/"false" some providers have sent.
    struct VerifiedFlag: Decodable {
        let value: Bool
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let flag = try? c.decode(Bool.self) { value = flag } else { value = (try c.decode(String.self)) == "true" }
        }
    }
}

/// Which email domains may sign in: an exact match on the email's domain (the part after the last `@`) or the
/// `hd` claim. `eu.example.com` is not `example.com`.
struct DomainPolicy: Sendable {
    /// Lower-cased, trimmed domains.
    let domains: [String]

    init(_ domains: [String]) {
        self.domains = domains.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
    }

    func check(email: String, hostedDomain: String?) throws {
        guard !domains.isEmpty else { return }
        let emailDomain = email.split(separator: "@").last.map { String($0).lowercased() } ?? ""
        if domains.contains(emailDomain) { return }
        if let hd = hostedDomain?.lowercased(), domains.contains(hd) { return }
        throw AuthFailure.forbidden("sign-in is restricted to \(domains.joined(separator: ", ")); \(email) is not in these domains")
    }
}

/// Why a request is not let in.
enum AuthFailure: Error, Equatable, CustomStringConvertible {
    /// No credentials (401).
    case missing(String)
    /// Credentials that are not valid (401).
    case invalidToken(String)
    /// Valid credentials of someone not allowed in (403).
    case forbidden(String)
    /// A session request without the right CSRF token (403).
    case csrf

    var description: String {
        switch self {
        case .missing(let why), .invalidToken(let why), .forbidden(let why): why
        case .csrf: "the form or request is missing its CSRF token; reload the page and try again"
        }
    }
}
