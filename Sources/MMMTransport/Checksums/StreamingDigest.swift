import COpenSSL
import Foundation

/// An incremental MD5 or SHA-256 through the system OpenSSL, for hashing files chunk by chunk.
///
/// MD5 is used only as Cloud Storage's integrity check (`md5Hash`), never for security. Not `Sendable`: one digest
/// belongs to the code that feeds it.
public final class StreamingDigest {
    /// The hash algorithm.
    public enum Algorithm: Sendable {
        /// MD5 (16 bytes), Cloud Storage's `md5Hash`.
        case md5
        /// SHA-256 (32 bytes).
        case sha256
    }

    private let context: OpaquePointer
    private var finished: Data?

    /// Starts a digest.
    /// - Parameter algorithm: The algorithm.
    public init(_ algorithm: Algorithm) {
        // EVP_MD_CTX_new/EVP_DigestInit_ex only fail on allocation failure (or a missing built-in provider).
        guard let context = EVP_MD_CTX_new() else { fatalError("EVP_MD_CTX_new failed") }
        let md = algorithm == .md5 ? EVP_md5() : EVP_sha256()
        precondition(EVP_DigestInit_ex(context, md, nil) == 1, "EVP_DigestInit_ex failed")
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Feeds bytes; ignored after ``finish()``.
    /// - Parameter data: The next bytes.
    public func update(_ data: some DataProtocol) {
        guard finished == nil else { return }
        for region in data.regions {
            region.withUnsafeBytes { buffer in
                // The buffer is only read inside this scope.
                if let base = buffer.baseAddress, buffer.count > 0 {
                    precondition(EVP_DigestUpdate(context, base, buffer.count) == 1, "EVP_DigestUpdate failed")
                }
            }
        }
    }

    /// Finishes the digest; later calls return the same bytes.
    /// - Returns: The digest (16 bytes for MD5, 32 for SHA-256).
    public func finish() -> Data {
        if let finished { return finished }
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let status = digest.withUnsafeMutableBufferPointer { EVP_DigestFinal_ex(context, $0.baseAddress, &length) }
        precondition(status == 1, "EVP_DigestFinal_ex failed")
        let result = Data(digest.prefix(Int(length)))
        finished = result
        return result
    }

    /// The digest of some bytes in one call.
    /// - Parameters:
    ///   - algorithm: The algorithm.
    ///   - data: The bytes.
    /// - Returns: The digest.
    public static func hash(_ algorithm: Algorithm, _ data: some DataProtocol) -> Data {
        let digest = StreamingDigest(algorithm)
        digest.update(data)
        return digest.finish()
    }
}
