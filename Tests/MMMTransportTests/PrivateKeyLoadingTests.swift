import Foundation
import MMMTransport
import Testing

struct PrivateKeyLoadingTests {
    @Test(arguments: TestKeys.Variant.allCases)
    func loadsEveryVariantAndMatchesTheOpenSSLFingerprint(variant: TestKeys.Variant) throws {
        let keys = try TestKeys.shared.get()
        var asked = 0
        let key = try RSAPrivateKey.load(contentsOfFile: keys.path(variant)) {
            asked += 1
            return SecretValue(TestKeys.passphrase)
        }
        #expect(asked == (variant.isEncrypted ? 1 : 0))
        #expect(key.bitCount == 2048)
        #expect(try key.publicKeyDER() == keys.expectedPublicDER)
        #expect(try key.publicKeyFingerprintSHA256() == keys.expectedFingerprint)
        #expect(keys.expectedFingerprint.count == 51)
    }

    @Test(arguments: TestKeys.Variant.allCases.filter(\.isEncrypted))
    func wrongPassphraseIsAClearErrorWithoutSecrets(variant: TestKeys.Variant) throws {
        let keys = try TestKeys.shared.get()
        let wrong = "not-the-right-one-\(variant.rawValue)"
        let error = try #require(throws: PrivateKeyError.self) {
            try RSAPrivateKey.load(contentsOfFile: keys.path(variant)) { SecretValue(wrong) }
        }
        #expect(error.kind == .wrongPassphrase)
        let message = error.description
        #expect(message.contains("passphrase is wrong"))
        #expect(message.contains(keys.path(variant)))
        #expect(!message.contains(wrong))
        #expect(!message.contains(TestKeys.passphrase))
        for line in try keys.secretLines(variant) { #expect(!message.contains(line)) }
    }

    /// About 1 wrong passphrase in 200 decrypts to bytes that pass the CBC padding check; OpenSSL's decoders then
    /// report "unsupported"/ASN.1 errors. Those must still read as a wrong passphrase, not an unsupported scheme.
    @Test func wrongPassphrasesThatPassThePaddingCheckAreStillWrongPassphrases() throws {
        let keys = try TestKeys.shared.get()
        let pem = try keys.pem(.legacyEncryptedPKCS1)
        var kinds: [PrivateKeyError.Kind: Int] = [:]
        for attempt in 0..<2500 {
            do {
                _ = try RSAPrivateKey(pem: pem, source: "legacy") { SecretValue("wrong-\(attempt)") }
                Issue.record("wrong passphrase \(attempt) was accepted")
            } catch let error as PrivateKeyError {
                kinds[error.kind, default: 0] += 1
            }
        }
        #expect(kinds == [.wrongPassphrase: 2500])
    }

    @Test(arguments: [TestKeys.Variant.pkcs8Des3, .pkcs8AES256, .legacyEncryptedPKCS1])
    func missingPassphraseAsksForOne(variant: TestKeys.Variant) throws {
        let keys = try TestKeys.shared.get()
        for provider: () -> SecretValue? in [{ nil }, { SecretValue("") }] {
            let error = try #require(throws: PrivateKeyError.self) {
                try RSAPrivateKey.load(contentsOfFile: keys.path(variant), passphrase: provider)
            }
            #expect(error.kind == .passphraseRequired)
            #expect(error.description.contains("no passphrase was provided"))
        }
    }

    @Test func unsupportedEncryptionNamesTheFix() throws {
        let keys = try TestKeys.shared.get()
        let error = try #require(throws: PrivateKeyError.self) {
            try RSAPrivateKey.load(contentsOfFile: keys.path(named: "md5des")) { SecretValue(TestKeys.passphrase) }
        }
        #expect(error.kind == .unsupportedEncryption)
        #expect(error.description.contains("openssl pkcs8 -topk8 -v2 aes256"))
    }

    @Test func rejectsNonRSAAndSmallKeys() throws {
        let keys = try TestKeys.shared.get()
        let ec = try #require(throws: PrivateKeyError.self) {
            try RSAPrivateKey.load(contentsOfFile: keys.path(named: "ec")) { nil }
        }
        #expect(ec.kind == .notRSA)
        let small = try #require(throws: PrivateKeyError.self) {
            try RSAPrivateKey.load(contentsOfFile: keys.path(named: "small")) { nil }
        }
        #expect(small.kind == .keyTooSmall)
        #expect(small.description.contains("1024 bits"))
        let allowed = try RSAPrivateKey.load(contentsOfFile: keys.path(named: "small"), minimumBits: 1024) { nil }
        #expect(allowed.bitCount == 1024)
    }

    @Test func rejectsTextThatIsNotAKey() throws {
        let keys = try TestKeys.shared.get()
        let notPEM = try #require(throws: PrivateKeyError.self) {
            try RSAPrivateKey(pem: Data("hello".utf8), source: "inline") { nil }
        }
        #expect(notPEM.kind == .notPEM)
        let publicOnly = try #require(throws: PrivateKeyError.self) {
            try RSAPrivateKey.load(contentsOfFile: keys.publicKeyPEMPath) { nil }
        }
        #expect(publicOnly.kind == .notPEM)
        let damaged = Data("-----BEGIN PRIVATE KEY-----\nAAAAAAAAAAAAAAAA\n-----END PRIVATE KEY-----\n".utf8)
        let malformed = try #require(throws: PrivateKeyError.self) {
            try RSAPrivateKey(pem: damaged, source: "inline") { nil }
        }
        #expect(malformed.kind == .malformed)
        let missing = try #require(throws: PrivateKeyError.self) {
            try RSAPrivateKey.load(contentsOfFile: "/nonexistent/key.p8") { nil }
        }
        #expect(missing.kind == .unreadable)
    }

    @Test func publicKeyPEMMatchesOpenSSL() throws {
        let keys = try TestKeys.shared.get()
        let key = try RSAPrivateKey.load(contentsOfFile: keys.path(.pkcs8)) { nil }
        let expected = try String(contentsOfFile: keys.publicKeyPEMPath, encoding: .utf8)
        #expect(try key.publicKeyPEM() == expected)
    }
}
