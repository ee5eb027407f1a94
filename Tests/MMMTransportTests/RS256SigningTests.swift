import Foundation
import MMMTestSupport
import MMMTransport
import Testing

struct RS256SigningTests {
    struct OpenSSLFailure: Error, CustomStringConvertible { let description: String }

    /// Verifies a signature with the openssl CLI against the public key it wrote (independent oracle).
    /// - Returns: true for "Verified OK" (exit 0), false for "Verification failure" (exit 1).
    /// - Throws: when openssl could not run or said anything else (a broken oracle must fail the test, not read
    ///   as a rejected signature).
    private func opensslVerifies(message: Data, signature: Data, keys: TestKeys) throws -> Bool {
        let dir = keys.directory.appendingPathComponent("verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try message.write(to: dir.appendingPathComponent("msg"))
        try signature.write(to: dir.appendingPathComponent("sig"))
        let result = try ProcessRunner.run("/bin/sh", ["-c", """
            cd \(Shell.quote(dir.path)) && openssl dgst -sha256 -verify \(Shell.quote(keys.publicKeyPEMPath)) \
            -signature sig msg
            """])
        switch (result.code, result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) {
        case (0, "Verified OK"): return true
        case (1, "Verification failure"): return false
        default:
            throw OpenSSLFailure(description: "openssl dgst -verify exited \(result.code): \(result.stdout) \(result.stderr)")
        }
    }

    @Test(arguments: [TestKeys.Variant.pkcs8, .pkcs1, .pkcs8Des3])
    func signaturesVerifyWithOpenSSL(variant: TestKeys.Variant) throws {
        let keys = try TestKeys.shared.get()
        let key = try RSAPrivateKey.load(contentsOfFile: keys.path(variant)) { SecretValue(TestKeys.passphrase) }
        for message in [Data(), Data("eyJhbGciOiJSUzI1NiJ9.e30".utf8), Data(repeating: 0xab, count: 100_000)] {
            let signature = try key.signRS256(message)
            #expect(signature.count == 256)
            #expect(try opensslVerifies(message: message, signature: signature, keys: keys))
            // PKCS#1 v1.5 is deterministic: same key and message, same signature.
            #expect(try key.signRS256(message) == signature)
        }
        let tampered = try key.signRS256(Data("a".utf8))
        #expect(try !opensslVerifies(message: Data("b".utf8), signature: tampered, keys: keys))
    }

    @Test func concurrentSigningWithOneKeyIsCorrect() async throws {
        let keys = try TestKeys.shared.get()
        let key = try RSAPrivateKey.load(contentsOfFile: keys.path(.pkcs8)) { nil }
        let reference = try key.signRS256(Data("message-0".utf8))
        let results = try await withThrowingTaskGroup(of: (Int, Data).self) { group in
            for index in 0..<32 {
                group.addTask { (index, try key.signRS256(Data("message-\(index % 4)".utf8))) }
            }
            var collected: [(Int, Data)] = []
            for try await result in group { collected.append(result) }
            return collected
        }
        #expect(results.count == 32)
        for (index, signature) in results where index % 4 == 0 { #expect(signature == reference) }
        let distinct = Set(results.map(\.1))
        #expect(distinct.count == 4)
    }

    @Test func jwtHasFixedHeaderOrderedIntegerClaimsAndAValidSignature() throws {
        let keys = try TestKeys.shared.get()
        let key = try RSAPrivateKey.load(contentsOfFile: keys.path(.pkcs8)) { nil }
        let claims = [
            JWTClaim("iss", .string("ACME-PROD.JANE.SHA256:abc=")), JWTClaim("sub", .string("ACME-PROD.JANE")),
            JWTClaim("iat", .integer(1_700_000_000)), JWTClaim("exp", .integer(1_700_003_540)),
        ]
        let token = try CompactJWT.signRS256(claims: claims, key: key).text
        let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        try #require(parts.count == 3)
        #expect(Base64URL.decode(parts[0]) == Data(#"{"alg":"RS256","typ":"JWT"}"#.utf8))
        let payload = String(decoding: try #require(Base64URL.decode(parts[1])), as: UTF8.self)
        #expect(payload == #"{"iss":"ACME-PROD.JANE.SHA256:abc=","sub":"ACME-PROD.JANE","iat":1700000000,"exp":1700003540}"#)
        let signature = try #require(Base64URL.decode(parts[2]))
        #expect(try opensslVerifies(message: Data("\(parts[0]).\(parts[1])".utf8), signature: signature, keys: keys))
    }

    @Test func jsonQuotingEscapesControlCharacters() {
        #expect(JSONText.quoted("a\"b\\c\nd\u{01}é") == #""a\"b\\c\nd\u0001é""#)
    }
}
