import Foundation
import MMMTestSupport

/// RSA keys for the Snowflake tests, generated once per run with the `openssl` CLI in a temporary directory.
struct SnowflakeTestKeys: Sendable {
    static let passphrase = "s3cret-Passphrase-\u{00FC}"
    static let shared: Result<SnowflakeTestKeys, any Error> = Result { try SnowflakeTestKeys() }

    let directory: URL
    /// Unencrypted PKCS#8 key registered with the fake.
    var plainKey: String { path("key.p8") }
    /// The same key, PKCS#1.
    var pkcs1Key: String { path("key-pkcs1.pem") }
    /// The same key, encrypted with `-v2 des3` (Snowflake's documented command).
    var des3Key: String { path("key-des3.p8") }
    /// The same key, encrypted with `-v2 aes256`.
    var aes256Key: String { path("key-aes256.p8") }
    /// A different key the fake does not know.
    var otherKey: String { path("other.p8") }
    /// The registered public key (PEM).
    var publicKey: String { path("key.pub") }
    /// `SHA256:` fingerprint computed by the openssl CLI.
    let fingerprint: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mmm-snowflake-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let pass = Shell.quote("pass:" + Self.passphrase)
        try Shell.run("""
            set -e; cd \(Shell.quote(directory.path))
            openssl genrsa 2048 2>/dev/null | openssl pkcs8 -topk8 -inform PEM -out key.p8 -nocrypt
            openssl pkey -in key.p8 -traditional -out key-pkcs1.pem
            openssl pkcs8 -topk8 -v2 des3 -in key.p8 -passout \(pass) -out key-des3.p8
            openssl pkcs8 -topk8 -v2 aes256 -in key.p8 -passout \(pass) -out key-aes256.p8
            openssl rsa -in key.p8 -pubout -out key.pub 2>/dev/null
            openssl genrsa 2048 2>/dev/null | openssl pkcs8 -topk8 -inform PEM -out other.p8 -nocrypt
            """)
        let output = try Shell.run("""
            openssl rsa -in \(Shell.quote(directory.appendingPathComponent("key.p8").path)) -pubout -outform DER 2>/dev/null \
            | openssl dgst -sha256 -binary | openssl enc -base64
            """)
        fingerprint = "SHA256:" + String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Base64 body lines of every private key file (key material that must never leak).
    func secretLines() throws -> [String] {
        try ["key.p8", "key-pkcs1.pem", "key-des3.p8", "key-aes256.p8"].flatMap { name in
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: path(name))), as: UTF8.self)
                .split(separator: "\n").filter { !$0.hasPrefix("-----") && $0.count > 20 }.map(String.init)
        }
    }
}
