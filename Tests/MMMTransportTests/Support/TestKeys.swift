import Foundation
import MMMTestSupport

/// RSA keys in every PEM variant, generated once per test run with the `openssl` CLI in a temporary directory.
struct TestKeys: Sendable {
    /// A key file variant and how it was produced.
    enum Variant: String, CaseIterable, Sendable {
        case pkcs8, pkcs1, pkcs8Des3, pkcs8AES256, pkcs8AES128SHA1PRF, pkcs8PBES1, legacyEncryptedPKCS1

        var isEncrypted: Bool { self != .pkcs8 && self != .pkcs1 }
    }

    static let passphrase = "corr\u{00E9}ct horse 'battery' staple"
    static let shared: Result<TestKeys, any Error> = Result { try TestKeys() }

    let directory: URL
    /// SHA256:base64 fingerprint computed by the openssl CLI (the oracle).
    let expectedFingerprint: String
    /// DER SubjectPublicKeyInfo written by the openssl CLI.
    let expectedPublicDER: Data
    let publicKeyPEMPath: String

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("mmm-transport-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let dir = Shell.quote(directory.path)
        let pass = Shell.quote("pass:" + Self.passphrase)
        try Shell.run("""
            set -e; cd \(dir)
            openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out pkcs8.pem 2>/dev/null
            openssl pkey -in pkcs8.pem -traditional -out pkcs1.pem
            openssl pkcs8 -topk8 -v2 des3 -in pkcs8.pem -passout \(pass) -out pkcs8Des3.pem
            openssl pkcs8 -topk8 -v2 aes256 -in pkcs8.pem -passout \(pass) -out pkcs8AES256.pem
            openssl pkcs8 -topk8 -v2 aes128 -v2prf hmacWithSHA1 -in pkcs8.pem -passout \(pass) -out pkcs8AES128SHA1PRF.pem
            openssl pkcs8 -topk8 -v1 PBE-SHA1-3DES -in pkcs8.pem -passout \(pass) -out pkcs8PBES1.pem
            openssl rsa -in pkcs8.pem -traditional -aes256 -passout \(pass) -out legacyEncryptedPKCS1.pem 2>/dev/null
            openssl pkcs8 -topk8 -provider legacy -provider default -v1 PBE-MD5-DES -in pkcs8.pem -passout \(pass) -out md5des.pem
            openssl pkey -in pkcs8.pem -pubout -out public.pem
            openssl pkey -in pkcs8.pem -pubout -outform DER -out public.der
            openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out small.pem 2>/dev/null
            openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ec.pem
            """)
        let fingerprint = try Shell.run(
            "openssl dgst -sha256 -binary \(Shell.quote(directory.appendingPathComponent("public.der").path)) | openssl enc -base64")
        expectedFingerprint = "SHA256:" + String(decoding: fingerprint, as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        expectedPublicDER = try Data(contentsOf: directory.appendingPathComponent("public.der"))
        publicKeyPEMPath = directory.appendingPathComponent("public.pem").path
    }

    func path(_ variant: Variant) -> String { path(named: variant.rawValue) }
    func path(named name: String) -> String { directory.appendingPathComponent("\(name).pem").path }
    func pem(_ variant: Variant) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path(variant))) }
    func pem(named name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path(named: name))) }

    /// The base64 body lines of a PEM file (key material that must never leak).
    func secretLines(_ variant: Variant) throws -> [String] {
        String(decoding: try pem(variant), as: UTF8.self).split(separator: "\n")
            .filter { !$0.hasPrefix("-----") && $0.count > 20 }.map(String.init)
    }
}

