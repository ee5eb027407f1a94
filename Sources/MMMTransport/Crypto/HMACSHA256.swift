import COpenSSL
import Foundation

/// HMAC-SHA256 (RFC 2104) through the system OpenSSL, and a constant-time comparison for checking tags.
public enum HMACSHA256 {
    /// The tag of `message` under `key`.
    /// - Parameters:
    ///   - message: The bytes to authenticate.
    ///   - key: The secret key (any length; 32 random bytes is the usual choice).
    /// - Returns: The 32-byte tag.
    public static func tag(_ message: some DataProtocol, key: SecretValue) -> Data {
        let input = Array(message) + [0]
        let inputCount = input.count - 1
        let keyBytes = key.bytes + [0]
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let result = input.withUnsafeBufferPointer { source in
            keyBytes.withUnsafeBufferPointer { keyBuffer in
                output.withUnsafeMutableBufferPointer { out in
                    HMAC(EVP_sha256(), keyBuffer.baseAddress, Int32(keyBytes.count - 1), source.baseAddress, inputCount,
                         out.baseAddress, &length)
                }
            }
        }
        // HMAC with a built-in digest only fails on allocation failure.
        precondition(result != nil && length == 32, "HMAC(SHA-256) failed")
        return Data(output.prefix(32))
    }

    /// Compares two byte strings in time that depends only on their lengths (for MACs and CSRF tokens).
    /// - Returns: Whether they are equal.
    public static func constantTimeEquals(_ a: some DataProtocol, _ b: some DataProtocol) -> Bool {
        let left = Array(a)
        let right = Array(b)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}

/// Cryptographically secure random bytes from OpenSSL's DRBG.
public enum SecureRandom {
    /// `count` random bytes.
    /// - Parameter count: How many bytes.
    /// - Returns: The bytes.
    public static func bytes(_ count: Int) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: max(count, 1))
        let status = output.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32($0.count)) }
        // RAND_bytes fails only when the DRBG cannot be seeded, in which case nothing secure can be done.
        precondition(status == 1, "RAND_bytes failed")
        return Array(output.prefix(count))
    }

    /// A random base64url token of `count` random bytes (session ids, CSRF tokens, PKCE verifiers, nonces).
    /// - Parameter count: How many random bytes (32 gives 43 characters).
    /// - Returns: The token.
    public static func token(bytes count: Int = 32) -> String { Base64URL.encode(bytes(count)) }
}
