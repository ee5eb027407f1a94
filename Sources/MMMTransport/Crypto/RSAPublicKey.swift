import COpenSSL
import Foundation

/// An RSA public key held by the system OpenSSL: verifies RS256 signatures (ID tokens signed by an OpenID provider).
///
/// `@unchecked Sendable`: the only state is an `EVP_PKEY` C handle that is never mutated after loading; OpenSSL 3
/// allows concurrent verification with one key because every verification uses its own `EVP_MD_CTX`.
public final class RSAPublicKey: @unchecked Sendable, CustomReflectable {
    let handle: OpaquePointer
    /// The key size in bits.
    public let bitCount: Int

    /// Reads a DER `SubjectPublicKeyInfo` (what `openssl pkey -pubout -outform DER` writes).
    /// - Parameters:
    ///   - der: The DER bytes.
    ///   - minimumBits: The smallest accepted modulus (2048 by default; OpenID providers use 2048 or more).
    /// - Throws: ``PublicKeyError``.
    public init(spkiDER der: Data, minimumBits: Int = 2048) throws {
        OpenSSLErrorQueue.clear()
        let bytes = Array(der) + [0]
        let key: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            // d2i_* advances the pointer it is given; the copy lives only in this scope.
            var cursor: UnsafePointer<UInt8>? = buffer.baseAddress
            return d2i_PUBKEY(nil, &cursor, der.count)
        }
        guard let key else { throw PublicKeyError.malformed(OpenSSLErrorQueue.drainReasons().joined(separator: "; ")) }
        guard EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA else {
            EVP_PKEY_free(key)
            throw PublicKeyError.notRSA
        }
        let bits = Int(EVP_PKEY_get_bits(key))
        guard bits >= minimumBits else {
            EVP_PKEY_free(key)
            throw PublicKeyError.tooSmall(bits: bits)
        }
        handle = key
        bitCount = bits
    }

    /// A key from its JWK members (RFC 7518 §6.3.1): the base64url modulus `n` and exponent `e`.
    /// - Parameters:
    ///   - modulus: `n`, base64url.
    ///   - exponent: `e`, base64url.
    ///   - minimumBits: The smallest accepted modulus.
    /// - Throws: ``PublicKeyError``.
    public convenience init(jwkModulus modulus: String, exponent: String, minimumBits: Int = 2048) throws {
        guard let n = Base64URL.decode(modulus), !n.isEmpty, let e = Base64URL.decode(exponent), !e.isEmpty,
            e.count <= 8
        else { throw PublicKeyError.malformed("n and e must be base64url integers") }
        try self.init(spkiDER: Data(RSAPublicKeyDER.encode(modulus: Array(n), exponent: Array(e))), minimumBits: minimumBits)
    }

    deinit { EVP_PKEY_free(handle) }

    /// Reflection shows only the key size, never the C handle.
    public var customMirror: Mirror { Mirror(self, children: ["bitCount": bitCount], displayStyle: .class) }

    /// The JWK members `n` and `e` (base64url, no leading zero bytes), e.g. to publish the key in a JWKS.
    /// - Throws: ``PublicKeyError`` when OpenSSL cannot export the key.
    public func jwkComponents() throws -> (modulus: String, exponent: String) {
        guard let parts = RSAPublicKeyDER.decode(Array(try spkiDER())) else { throw PublicKeyError.malformed("export") }
        return (Base64URL.encode(parts.modulus), Base64URL.encode(parts.exponent))
    }

    /// The DER `SubjectPublicKeyInfo`.
    /// - Throws: ``PublicKeyError`` when OpenSSL cannot export the key.
    public func spkiDER() throws -> Data {
        let length = i2d_PUBKEY(handle, nil)
        guard length > 0 else { throw PublicKeyError.malformed("i2d_PUBKEY") }
        var der = [UInt8](repeating: 0, count: Int(length))
        let written = der.withUnsafeMutableBufferPointer { buffer -> Int32 in
            var cursor = buffer.baseAddress
            return i2d_PUBKEY(handle, &cursor)
        }
        guard written == length else { throw PublicKeyError.malformed("i2d_PUBKEY") }
        return Data(der)
    }

    /// Checks an RSASSA-PKCS1-v1_5 signature over SHA-256 (JWS `RS256`).
    /// - Parameters:
    ///   - signature: The signature bytes; must be exactly as long as the modulus.
    ///   - message: The signed bytes (for a JWT: `base64url(header).base64url(claims)`).
    /// - Returns: Whether the signature is valid for this key. Any OpenSSL failure counts as invalid.
    public func verifyRS256(signature: Data, message: some DataProtocol) -> Bool {
        guard signature.count == Int(EVP_PKEY_get_size(handle)) else { return false }
        OpenSSLErrorQueue.clear()
        defer { OpenSSLErrorQueue.clear() }
        guard let context = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestVerifyInit(context, nil, EVP_sha256(), nil, handle) == 1 else { return false }
        let input = Array(message) + [0]
        let inputCount = input.count - 1
        let signatureBytes = Array(signature)
        let status = input.withUnsafeBufferPointer { source in
            signatureBytes.withUnsafeBufferPointer { sig in
                EVP_DigestVerify(context, sig.baseAddress, sig.count, source.baseAddress, inputCount)
            }
        }
        return status == 1
    }
}

extension RSAPrivateKey {
    /// The public half of the key.
    /// - Throws: ``PrivateKeyError`` or ``PublicKeyError`` when OpenSSL cannot export it.
    public func publicKey() throws -> RSAPublicKey {
        try RSAPublicKey(spkiDER: try publicKeyDER(), minimumBits: 0)
    }
}

/// Why a public key could not be read.
public enum PublicKeyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are not a DER public key (or a JWK's members are not base64url integers).
    case malformed(String)
    /// The key is not an RSA key.
    case notRSA
    /// The modulus is shorter than the minimum.
    case tooSmall(bits: Int)

    public var description: String {
        switch self {
        case .malformed(let detail): "the public key could not be read" + (detail.isEmpty ? "" : " (\(detail))")
        case .notRSA: "the public key is not an RSA key"
        case .tooSmall(let bits): "the RSA public key has \(bits) bits; at least 2048 are required"
        }
    }
}
