import COpenSSL
import Foundation

/// SHA-256 through the system OpenSSL.
public enum SHA256Digest {
    /// Hashes bytes.
    /// - Parameter data: The input.
    /// - Returns: The 32-byte digest.
    public static func hash(_ data: some DataProtocol) -> Data {
        // One spare byte keeps the buffer's base address non-nil for empty input.
        let input = Array(data) + [0]
        let inputCount = input.count - 1
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let status = input.withUnsafeBytes { source in
            digest.withUnsafeMutableBufferPointer { output in
                // The input pointer is only read inside this scope (see swift-notes §2).
                EVP_Digest(source.baseAddress, inputCount, output.baseAddress, &length, EVP_sha256(), nil)
            }
        }
        // EVP_Digest with a built-in algorithm only fails on allocation failure.
        precondition(status == 1 && length == 32, "EVP_Digest(SHA-256) failed")
        return Data(digest.prefix(Int(length)))
    }

    /// The digest as lower-case hex (the form manifests record).
    /// - Parameter data: The input.
    public static func hex(_ data: some DataProtocol) -> String {
        hash(data).map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }
}
