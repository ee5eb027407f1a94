import Foundation

/// One JWT claim value: JWTs used here only carry strings and integer seconds.
public enum JWTClaimValue: Sendable, Equatable {
    /// A JSON string.
    case string(String)
    /// A JSON integer (e.g. `iat`/`exp` in whole seconds).
    case integer(Int64)
}

/// One named claim; claims are written in the order given.
public struct JWTClaim: Sendable, Equatable {
    /// The claim name, e.g. `iss`.
    public let name: String
    /// The claim value.
    public let value: JWTClaimValue

    /// Creates a claim.
    /// - Parameters:
    ///   - name: The claim name.
    ///   - value: The claim value.
    public init(_ name: String, _ value: JWTClaimValue) {
        self.name = name
        self.value = value
    }
}

/// A compact-serialised, RS256-signed JWT encoder with a fixed header and deterministic claim order.
///
/// The header is always `{"alg":"RS256","typ":"JWT"}` (this key order), claims are written in the order
/// given, and times are integers. The output is a secret: never log it.
public enum CompactJWT {
    /// The fixed JOSE header.
    public static let headerJSON = #"{"alg":"RS256","typ":"JWT"}"#

    /// Encodes claims as JSON in the given order.
    /// - Parameter claims: The claims.
    /// - Returns: The JSON object text.
    public static func claimsJSON(_ claims: [JWTClaim]) -> String {
        var json = "{"
        for (index, claim) in claims.enumerated() {
            if index > 0 { json += "," }
            json += JSONText.quoted(claim.name) + ":"
            switch claim.value {
            case .string(let text): json += JSONText.quoted(text)
            case .integer(let number): json += String(number)
            }
        }
        return json + "}"
    }

    /// Builds and signs a JWT.
    /// - Parameters:
    ///   - claims: The claims in output order.
    ///   - key: The RSA signing key.
    /// - Returns: `base64url(header).base64url(claims).base64url(signature)`.
    /// - Throws: ``PrivateKeyError`` when signing fails.
    public static func signRS256(claims: [JWTClaim], key: RSAPrivateKey) throws -> SecretValue {
        try signRS256(claims: claims, key: key, keyID: nil)
    }

    /// The JOSE header, with a `kid` member after `typ` when a key id is given (Google service-account keys).
    /// - Parameter keyID: The key id, or `nil` for ``headerJSON``.
    /// - Returns: The header JSON text.
    public static func headerJSON(keyID: String?) -> String {
        guard let keyID else { return headerJSON }
        return #"{"alg":"RS256","typ":"JWT","kid":"# + JSONText.quoted(keyID) + "}"
    }

    /// Builds and signs a JWT whose header names the signing key.
    /// - Parameters:
    ///   - claims: The claims in output order.
    ///   - key: The RSA signing key.
    ///   - keyID: The `kid` header value (e.g. a service-account key's `private_key_id`), or `nil` for none.
    /// - Returns: `base64url(header).base64url(claims).base64url(signature)`.
    /// - Throws: ``PrivateKeyError`` when signing fails.
    public static func signRS256(claims: [JWTClaim], key: RSAPrivateKey, keyID: String?) throws -> SecretValue {
        let header = headerJSON(keyID: keyID)
        let signingInput = Base64URL.encode(Data(header.utf8)) + "." + Base64URL.encode(Data(claimsJSON(claims).utf8))
        let signature = try key.signRS256(Data(signingInput.utf8))
        return SecretValue(signingInput + "." + Base64URL.encode(signature))
    }
}

/// Minimal JSON string quoting (RFC 8259): escapes quotes, backslashes and control characters only.
public enum JSONText {
    /// Returns `text` as a quoted JSON string.
    /// - Parameter text: Any string.
    /// - Returns: The JSON string literal, quotes included.
    public static func quoted(_ text: String) -> String {
        var output = "\""
        output.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}
