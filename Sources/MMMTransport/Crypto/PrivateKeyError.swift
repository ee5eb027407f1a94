/// Why a private key could not be loaded or used. Messages never contain key material or passphrases.
public struct PrivateKeyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The failure category.
    public enum Kind: String, Sendable, Equatable {
        /// The key file could not be read.
        case unreadable
        /// The text is not a PEM private key block.
        case notPEM
        /// The PEM block could not be parsed as a private key.
        case malformed
        /// The key is encrypted and no passphrase was available.
        case passphraseRequired
        /// The key is encrypted and the passphrase did not decrypt it.
        case wrongPassphrase
        /// The key uses an encryption scheme OpenSSL cannot read here.
        case unsupportedEncryption
        /// The key is not an RSA key.
        case notRSA
        /// The RSA key is shorter than 2048 bits.
        case keyTooSmall
        /// Signing or exporting the public key failed.
        case operationFailed
    }

    /// The failure category.
    public let kind: Kind
    /// Where the key came from (a file path or a label such as `SNOWFLAKE_PRIVATE_KEY_RAW`), for the message.
    public let source: String
    /// Extra non-secret detail (OpenSSL reason strings, bit counts).
    public let detail: String

    /// Creates an error.
    /// - Parameters:
    ///   - kind: The failure category.
    ///   - source: A non-secret label of where the key came from.
    ///   - detail: Non-secret detail.
    public init(kind: Kind, source: String, detail: String = "") {
        self.kind = kind
        self.source = source
        self.detail = detail
    }

    public var description: String {
        let suffix = detail.isEmpty ? "" : " (\(detail))"
        switch kind {
        case .unreadable:
            return "private key file \(source) could not be read" + suffix
        case .notPEM:
            let lines = PEMKeyLabel.allCases.map { "'\($0.beginLine)'" }.joined(separator: ", ")
            return "private key \(source) is not a PEM private key: expected one of the blocks \(lines)" + suffix
        case .malformed:
            return "private key \(source) could not be parsed" + suffix
        case .passphraseRequired:
            return "private key \(source) is encrypted and no passphrase was provided" + (detail.isEmpty ? "" : "; \(detail)")
        case .wrongPassphrase:
            return "private key \(source) could not be decrypted: the passphrase is wrong (or the file is damaged)"
        case .unsupportedEncryption:
            return "private key \(source) uses an unsupported encryption scheme" + suffix
                + "; re-export it with `openssl pkcs8 -topk8 -v2 aes256 -in OLD -out NEW.p8`"
        case .notRSA:
            return "private key \(source) is not an RSA key" + suffix + "; Snowflake key-pair auth needs RSA"
        case .keyTooSmall:
            return "private key \(source) is too small" + suffix + "; use an RSA key of at least 2048 bits"
        case .operationFailed:
            return "private key \(source) could not be used" + suffix
        }
    }
}
