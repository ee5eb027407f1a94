import Foundation

/// A compact-serialised JWS (`header.claims.signature`) taken apart, for verification.
///
/// Parsing checks the shape only. ``verifyRS256(with:)`` accepts nothing but `"alg": "RS256"`: a token that names
/// `none`, `HS256` or any other algorithm is never checked with some other rule (the classic JWT forgeries).
public struct SignedJWT: Sendable {
    /// The decoded header JSON.
    public let headerJSON: Data
    /// The decoded claims JSON.
    public let claimsJSON: Data
    /// The header's `alg`.
    public let algorithm: String
    /// The header's `kid`, if any.
    public let keyID: String?
    /// `base64url(header).base64url(claims)` as received: the bytes the signature covers.
    public let signingInput: Data
    /// The decoded signature.
    public let signature: Data

    /// Splits and decodes a token.
    /// - Parameter token: The compact JWS text.
    /// - Throws: ``JWTError/malformed(_:)`` when it is not three base64url parts with a JSON object header and
    ///   claims, or when the header lists critical extensions (`crit`), which are not understood here.
    public init(_ token: String) throws {
        // ID tokens are a few kilobytes; a huge header must not make us decode megabytes.
        guard token.utf8.count <= 16_384 else { throw JWTError.malformed("longer than 16 KiB") }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw JWTError.malformed("expected three dot-separated parts") }
        guard let header = Base64URL.decode(String(parts[0])), let claims = Base64URL.decode(String(parts[1])),
            let signature = Base64URL.decode(String(parts[2]))
        else { throw JWTError.malformed("a part is not base64url") }
        guard let headerObject = try? JSONSerialization.jsonObject(with: header) as? [String: Any] else {
            throw JWTError.malformed("the header is not a JSON object")
        }
        guard (try? JSONSerialization.jsonObject(with: claims) as? [String: Any]) != nil else {
            throw JWTError.malformed("the claims are not a JSON object")
        }
        guard let algorithm = headerObject["alg"] as? String else { throw JWTError.malformed("the header has no alg") }
        guard headerObject["crit"] == nil else { throw JWTError.malformed("critical header extensions are not supported") }
        if let kid = headerObject["kid"], !(kid is String) { throw JWTError.malformed("kid is not a string") }
        self.headerJSON = header
        self.claimsJSON = claims
        self.algorithm = algorithm
        self.keyID = headerObject["kid"] as? String
        self.signingInput = Data((parts[0] + "." + parts[1]).utf8)
        self.signature = signature
    }

    /// Checks the signature with an RSA public key, requiring `alg` RS256.
    /// - Parameter key: The key the issuer published for this token's `kid`.
    /// - Throws: ``JWTError/algorithmNotAllowed(_:)`` or ``JWTError/badSignature``.
    public func verifyRS256(with key: RSAPublicKey) throws {
        guard algorithm == "RS256" else { throw JWTError.algorithmNotAllowed(algorithm) }
        guard key.verifyRS256(signature: signature, message: signingInput) else { throw JWTError.badSignature }
    }
}

/// Why a JWT was refused. Messages never quote the token.
public enum JWTError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Not a well-formed compact JWS.
    case malformed(String)
    /// The header names an algorithm other than RS256.
    case algorithmNotAllowed(String)
    /// The signature does not verify.
    case badSignature

    public var description: String {
        switch self {
        case .malformed(let why): "the token is malformed: \(why)"
        case .algorithmNotAllowed(let alg): "the token's algorithm \(alg.prefix(20)) is not allowed; only RS256 is"
        case .badSignature: "the token's signature does not verify"
        }
    }
}
