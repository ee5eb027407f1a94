import COpenSSL
import Foundation

extension RSAPrivateKey {
    /// Signs a message with RSASSA-PKCS1-v1_5 over SHA-256 (the JWS `RS256` algorithm).
    /// - Parameter message: The bytes to sign (for a JWT: `base64url(header).base64url(claims)`).
    /// - Returns: The signature, as long as the modulus.
    /// - Throws: ``PrivateKeyError`` with kind ``PrivateKeyError/Kind/operationFailed``.
    public func signRS256(_ message: some DataProtocol) throws -> Data {
        OpenSSLErrorQueue.clear()
        guard let context = EVP_MD_CTX_new() else { throw failure("EVP_MD_CTX_new") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestSignInit(context, nil, EVP_sha256(), nil, handle) == 1 else {
            throw failure("EVP_DigestSignInit")
        }
        // One spare byte keeps the buffer's base address non-nil for an empty message.
        let input = Array(message) + [0]
        let inputCount = input.count - 1
        var signature = [UInt8](repeating: 0, count: Int(EVP_PKEY_get_size(handle)))
        var length = signature.count
        let status = input.withUnsafeBufferPointer { source in
            signature.withUnsafeMutableBufferPointer { output in
                // Both buffers are only touched by OpenSSL inside these scopes.
                EVP_DigestSign(context, output.baseAddress, &length, source.baseAddress, inputCount)
            }
        }
        guard status == 1, length <= signature.count else { throw failure("EVP_DigestSign") }
        return Data(signature.prefix(length))
    }

    /// The DER `SubjectPublicKeyInfo` of the public half of the key (what `openssl rsa -pubout -outform DER` writes).
    /// - Throws: ``PrivateKeyError`` with kind ``PrivateKeyError/Kind/operationFailed``.
    public func publicKeyDER() throws -> Data {
        OpenSSLErrorQueue.clear()
        let length = i2d_PUBKEY(handle, nil)
        guard length > 0 else { throw failure("i2d_PUBKEY") }
        var der = [UInt8](repeating: 0, count: Int(length))
        let written = der.withUnsafeMutableBufferPointer { buffer -> Int32 in
            // i2d_* advances the pointer it is given, so hand it a copy that lives only in this scope.
            var cursor = buffer.baseAddress
            return i2d_PUBKEY(handle, &cursor)
        }
        guard written == length else { throw failure("i2d_PUBKEY") }
        return Data(der)
    }

    /// The public key fingerprint Snowflake shows as `RSA_PUBLIC_KEY_FP`: `SHA256:` + base64(SHA-256(DER SPKI)).
    /// - Throws: ``PrivateKeyError`` with kind ``PrivateKeyError/Kind/operationFailed``.
    public func publicKeyFingerprintSHA256() throws -> String {
        "SHA256:" + SHA256Digest.hash(try publicKeyDER()).base64EncodedString()
    }

    /// The public key as PEM (`-----BEGIN PUBLIC KEY-----`), e.g. for `ALTER USER … SET RSA_PUBLIC_KEY`.
    /// - Throws: ``PrivateKeyError`` with kind ``PrivateKeyError/Kind/operationFailed``.
    public func publicKeyPEM() throws -> String {
        let body = try publicKeyDER().base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN PUBLIC KEY-----\n\(body)\n-----END PUBLIC KEY-----\n"
    }

    private func failure(_ step: String) -> PrivateKeyError {
        let reasons = OpenSSLErrorQueue.drainReasons().joined(separator: "; ")
        return PrivateKeyError(kind: .operationFailed, source: "in memory",
                               detail: reasons.isEmpty ? step : "\(step): \(reasons)")
    }
}
