import Foundation
import MMMTransport

/// Loads the RSA key a configuration points to, asking for a passphrase only if the key is encrypted.
enum SnowflakePrivateKeyLoader {
    static let passphraseHint = "set SNOWFLAKE_PRIVATE_KEY_FILE_PWD (or PRIVATE_KEY_PASSPHRASE, or the variable named "
        + "by --private-key-passphrase-env), or run interactively to be prompted"

    /// - Throws: ``PrivateKeyError`` (never containing key text or passphrase) or ``SnowflakeConfigurationError``
    ///   when a Secret Manager key is configured but no fetcher is available.
    static func load(
        _ source: SnowflakePrivateKeySource, passphrase: SecretValue?, options: SnowflakeClientOptions
    ) async throws -> RSAPrivateKey {
        let provider = { () throws -> SecretValue? in
            if let passphrase { return passphrase }
            return try options.passphrasePrompt?()
        }
        do {
            switch source {
            case .file(let path):
                return try RSAPrivateKey.load(contentsOfFile: path, passphrase: provider)
            case .pem(let secret, let origin):
                return try RSAPrivateKey(pem: Data(secret.bytes), source: origin, passphrase: provider)
            case .secretManager(let name):
                guard let fetcher = options.secretFetcher else {
                    throw SnowflakeConfigurationError(
                        kind: .invalidSetting,
                        message: "the private key is configured as Secret Manager secret \(name), but Secret Manager "
                            + "access is not available here; use private_key_file instead")
                }
                return try RSAPrivateKey(pem: try await fetcher(name), source: name, passphrase: provider)
            }
        } catch let error as PrivateKeyError where error.kind == .passphraseRequired {
            throw PrivateKeyError(kind: .passphraseRequired, source: error.source, detail: passphraseHint)
        }
    }
}
