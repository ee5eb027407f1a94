import COpenSSL
import Foundation

/// An RSA private key held by the system OpenSSL, loaded from PEM.
///
/// Reads PKCS#8 (PEM label `PRIVATE KEY`), PKCS#1 (label `RSA PRIVATE KEY`), encrypted PKCS#8 (label
/// `ENCRYPTED PRIVATE KEY`: PBES2 with AES or 3DES, PBES1 SHA1-3DES) and legacy encrypted PKCS#1
/// (`Proc-Type: 4,ENCRYPTED`); see ``PEMKeyLabel``.
///
/// `@unchecked Sendable`: the only state is an `EVP_PKEY` C handle that is never mutated after loading; OpenSSL 3
/// allows concurrent signing with one key because every signature uses its own `EVP_MD_CTX`.
public final class RSAPrivateKey: @unchecked Sendable, CustomReflectable {
    let handle: OpaquePointer
    /// The key size in bits.
    public let bitCount: Int

    /// Loads a key from PEM text.
    ///
    /// - Parameters:
    ///   - pem: The PEM bytes.
    ///   - source: A non-secret label for messages, e.g. the file path.
    ///   - minimumBits: Smallest accepted modulus (Snowflake requires 2048).
    ///   - passphrase: Called only when the key is encrypted; return `nil` when no passphrase is available.
    /// - Throws: ``PrivateKeyError``.
    public init(
        pem: Data, source: String, minimumBits: Int = 2048, passphrase: () throws -> SecretValue?
    ) throws {
        let inspection = PEMInspection(pem)
        guard inspection.hasPrivateKeyBlock else { throw PrivateKeyError(kind: .notPEM, source: source) }
        var secret: SecretValue?
        if inspection.isEncrypted {
            guard let provided = try passphrase(), !provided.isEmpty else {
                throw PrivateKeyError(kind: .passphraseRequired, source: source)
            }
            secret = provided
        }
        let key = try Self.read(pem: pem, passphrase: secret, encrypted: inspection.isEncrypted, source: source)
        guard EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA else {
            EVP_PKEY_free(key)
            throw PrivateKeyError(kind: .notRSA, source: source)
        }
        let bits = Int(EVP_PKEY_get_bits(key))
        guard bits >= minimumBits else {
            EVP_PKEY_free(key)
            throw PrivateKeyError(kind: .keyTooSmall, source: source, detail: "\(bits) bits")
        }
        self.handle = key
        self.bitCount = bits
    }

    deinit { EVP_PKEY_free(handle) }

    /// Reflection shows only the key size, never the C handle.
    public var customMirror: Mirror { Mirror(self, children: ["bitCount": bitCount], displayStyle: .class) }

    private static func read(pem: Data, passphrase: SecretValue?, encrypted: Bool, source: String) throws
        -> OpaquePointer
    {
        OpenSSLErrorQueue.clear()
        var pemBytes = Array(pem)
        var passBytes = passphrase?.bytes ?? []
        defer {
            // Best effort: overwrite our copies of the key text and passphrase.
            for index in pemBytes.indices { pemBytes[index] = 0 }
            for index in passBytes.indices { passBytes[index] = 0 }
        }
        let key: OpaquePointer? = pemBytes.withUnsafeBytes { pemBuffer in
            passBytes.withUnsafeBytes { passBuffer in
                var context = PassphraseContext(
                    bytes: passBuffer.baseAddress, count: passphrase == nil ? -1 : passBuffer.count)
                return withUnsafeMutablePointer(to: &context) { contextPointer in
                    // Every pointer below is used only inside these scopes; the BIO is freed before they end.
                    guard let bio = BIO_new_mem_buf(pemBuffer.baseAddress, Int32(pemBuffer.count)) else { return nil }
                    defer { BIO_free(bio) }
                    return PEM_read_bio_PrivateKey(bio, nil, passphraseCallback, contextPointer)
                }
            }
        }
        if let key { return key }
        throw classify(OpenSSLErrorQueue.drain(), encrypted: encrypted, source: source)
    }

    private static func classify(_ errors: [OpenSSLErrorQueue.Entry], encrypted: Bool, source: String) -> PrivateKeyError {
        let joined = errors.map(\.reason).joined(separator: "; ")
        // Only the EVP layer failing to fetch the cipher or KDF means "unsupported scheme"; the decoders also say
        // "unsupported" when they are handed garbage (a wrong passphrase that happened to pass the padding check).
        let schemeUnsupported = errors.contains {
            $0.library == "digital envelope routines" && ($0.reason.contains("unsupported") || $0.reason.contains("unknown cipher"))
        }
        if encrypted, schemeUnsupported {
            return PrivateKeyError(kind: .unsupportedEncryption, source: source, detail: joined)
        }
        if encrypted {
            // A wrong passphrase usually shows as "bad decrypt"; rarely the padding matches by chance and the
            // decrypted bytes then fail to parse. Both mean the passphrase did not produce a key.
            return PrivateKeyError(kind: .wrongPassphrase, source: source)
        }
        return PrivateKeyError(kind: .malformed, source: source, detail: joined)
    }
}

/// What the C passphrase callback may read; `count` is −1 when no passphrase is available.
private struct PassphraseContext {
    var bytes: UnsafeRawPointer?
    var count: Int
}

/// OpenSSL's `pem_password_cb`. Returning −1 (no passphrase) also stops OpenSSL from prompting on the terminal.
private let passphraseCallback: @convention(c) (
    UnsafeMutablePointer<CChar>?, Int32, Int32, UnsafeMutableRawPointer?
) -> Int32 = { buffer, size, _, userData in
    guard let buffer, let userData else { return -1 }
    let context = userData.assumingMemoryBound(to: PassphraseContext.self).pointee
    guard context.count >= 0, context.count <= Int(size) else { return -1 }
    if let bytes = context.bytes, context.count > 0 {
        UnsafeMutableRawPointer(buffer).copyMemory(from: bytes, byteCount: context.count)
    }
    return Int32(context.count)
}

extension RSAPrivateKey {
    /// Loads a PEM key file.
    /// - Parameters:
    ///   - path: The file path (`~` is not expanded here).
    ///   - minimumBits: Smallest accepted modulus.
    ///   - passphrase: Called only when the key is encrypted.
    /// - Returns: The key.
    /// - Throws: ``PrivateKeyError`` (``PrivateKeyError/Kind/unreadable`` when the file cannot be read).
    public static func load(
        contentsOfFile path: String, minimumBits: Int = 2048, passphrase: () throws -> SecretValue?
    ) throws -> RSAPrivateKey {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? "no such file or not readable"
            throw PrivateKeyError(kind: .unreadable, source: path, detail: reason)
        }
        return try RSAPrivateKey(pem: data, source: path, minimumBits: minimumBits, passphrase: passphrase)
    }
}
