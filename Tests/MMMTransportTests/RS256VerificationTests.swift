import Foundation
import MMMTestSupport
import MMMTransport
import Testing

/// RS256 verification, JWK keys and JWS parsing; oracles are the openssl CLI's own key exports.
struct RS256VerificationTests {
    private func key() throws -> RSAPrivateKey {
        try RSAPrivateKey.load(contentsOfFile: try TestKeys.shared.get().path(.pkcs8)) { nil }
    }

    @Test func signaturesVerifyAndTamperingIsRefused() throws {
        let key = try key()
        let publicKey = try key.publicKey()
        #expect(publicKey.bitCount == 2048)
        let message = Data("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0".utf8)
        let signature = try key.signRS256(message)
        #expect(publicKey.verifyRS256(signature: signature, message: message))
        #expect(!publicKey.verifyRS256(signature: signature, message: message + Data("x".utf8)))
        var flipped = signature
        flipped[10] ^= 0x01
        #expect(!publicKey.verifyRS256(signature: flipped, message: message))
        #expect(!publicKey.verifyRS256(signature: signature.dropLast(), message: message))
        #expect(!publicKey.verifyRS256(signature: Data(), message: message))
        let other = try RSAPrivateKey.load(contentsOfFile: try TestKeys.shared.get().path(named: "small"), minimumBits: 1024) { nil }
        #expect(!publicKey.verifyRS256(signature: try other.signRS256(message), message: message))
    }

    @Test func jwkMembersMatchOpenSSLAndRoundTrip() throws {
        let keys = try TestKeys.shared.get()
        let key = try key()
        let (n, e) = try key.publicKey().jwkComponents()
        // Oracle: openssl's modulus (hex) and the DER it wrote for the public key.
        let modulusLine = try Shell.run("openssl rsa -in \(Shell.quote(keys.path(.pkcs8))) -noout -modulus 2>/dev/null")
        let hex = String(decoding: modulusLine, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            .replacingOccurrences(of: "Modulus=", with: "")
        let modulus = try #require(Base64URL.decode(n))
        #expect(modulus.map { String(format: "%02X", $0) }.joined() == hex)
        #expect(e == "AQAB")
        let rebuilt = try RSAPublicKey(jwkModulus: n, exponent: e)
        #expect(try rebuilt.spkiDER() == keys.expectedPublicDER)
        let message = Data("hello".utf8)
        #expect(rebuilt.verifyRS256(signature: try key.signRS256(message), message: message))
    }

    @Test func badKeysAreRefused() throws {
        let keys = try TestKeys.shared.get()
        let small = try RSAPrivateKey.load(contentsOfFile: keys.path(named: "small"), minimumBits: 1024) { nil }
        let (n, e) = try small.publicKey().jwkComponents()
        #expect(throws: PublicKeyError.tooSmall(bits: 1024)) { try RSAPublicKey(jwkModulus: n, exponent: e) }
        #expect(throws: PublicKeyError.self) { try RSAPublicKey(jwkModulus: "!!", exponent: "AQAB") }
        #expect(throws: PublicKeyError.self) { try RSAPublicKey(spkiDER: Data([0x30, 0x03, 0x02, 0x01, 0x01])) }
        let ecDER = try Shell.run("openssl pkey -in \(Shell.quote(keys.path(named: "ec"))) -pubout -outform DER")
        #expect(throws: PublicKeyError.notRSA) { try RSAPublicKey(spkiDER: ecDER) }
    }

    @Test func signedJWTAcceptsOnlyRS256() throws {
        let key = try key()
        let publicKey = try key.publicKey()
        let token = try CompactJWT.signRS256(claims: [JWTClaim("sub", .string("1"))], key: key, keyID: "k1").text
        let jwt = try SignedJWT(token)
        #expect(jwt.algorithm == "RS256")
        #expect(jwt.keyID == "k1")
        try jwt.verifyRS256(with: publicKey)
        let parts = token.split(separator: ".").map(String.init)
        func forged(header: String, signature: String) throws -> SignedJWT {
            try SignedJWT(Base64URL.encode(Data(header.utf8)) + "." + parts[1] + "." + signature)
        }
        // alg none with an empty signature, and HS256 keyed with the public key's bytes: both refused by name.
        #expect(throws: JWTError.algorithmNotAllowed("none")) {
            try forged(header: #"{"alg":"none","kid":"k1"}"#, signature: "").verifyRS256(with: publicKey)
        }
        let hsHeader = Base64URL.encode(Data(#"{"alg":"HS256","kid":"k1"}"#.utf8))
        let hsTag = HMACSHA256.tag(Data((hsHeader + "." + parts[1]).utf8), key: SecretValue(bytes: Array(try publicKey.spkiDER())))
        #expect(throws: JWTError.algorithmNotAllowed("HS256")) {
            try forged(header: #"{"alg":"HS256","kid":"k1"}"#, signature: Base64URL.encode(hsTag)).verifyRS256(with: publicKey)
        }
        // The right header with another payload: the signature no longer matches.
        let otherClaims = Base64URL.encode(Data(#"{"sub":"2"}"#.utf8))
        #expect(throws: JWTError.badSignature) {
            try SignedJWT(parts[0] + "." + otherClaims + "." + parts[2]).verifyRS256(with: publicKey)
        }
        for bad in ["a.b", "a.b.c.d", "!!.e30.x", parts[0] + ".bm90IGpzb24.x", Base64URL.encode(Data("{}".utf8)) + ".e30.x"] {
            #expect(throws: JWTError.self) { try SignedJWT(bad) }
        }
        #expect(throws: JWTError.self) { try forged(header: #"{"alg":"RS256","crit":["exp"]}"#, signature: parts[2]) }
    }

    @Test func hmacMatchesRFC4231() {
        // RFC 4231 test cases 1 and 2.
        let case1 = HMACSHA256.tag(Data("Hi There".utf8), key: SecretValue(bytes: [UInt8](repeating: 0x0b, count: 20)))
        #expect(case1.map { String(format: "%02x", $0) }.joined()
            == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        let case2 = HMACSHA256.tag(Data("what do ya want for nothing?".utf8), key: SecretValue("Jefe"))
        #expect(case2.map { String(format: "%02x", $0) }.joined()
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(HMACSHA256.constantTimeEquals(case1, case1))
        #expect(!HMACSHA256.constantTimeEquals(case1, case2))
        #expect(!HMACSHA256.constantTimeEquals(case1, case1.dropLast()))
    }

    @Test func randomTokensAreLongAndDistinct() {
        let tokens = (0..<100).map { _ in SecureRandom.token() }
        #expect(Set(tokens).count == 100)
        #expect(tokens.allSatisfy { $0.count == 43 && Base64URL.decode($0)?.count == 32 })
        #expect(SecureRandom.bytes(0).isEmpty)
    }
}
