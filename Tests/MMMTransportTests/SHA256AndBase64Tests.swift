import Foundation
import MMMTestSupport
import MMMTransport
import Testing

struct SHA256AndBase64Tests {
    /// FIPS 180-2 test vectors.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256MatchesPublishedVectors(input: String, hex: String) {
        let digest = SHA256Digest.hash(Data(input.utf8))
        #expect(digest.map { String(format: "%02x", $0) }.joined() == hex)
    }

    @Test func sha256MatchesOpenSSLCLIOnLargeInput() throws {
        let input = Data((0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let oracle = try Shell.run("openssl dgst -sha256 -binary", input: input)
        #expect(SHA256Digest.hash(input) == oracle)
    }

    /// RFC 4648 §10 vectors, mapped to the URL alphabet without padding.
    @Test(arguments: [("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"),
                      ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy")])
    func base64URLVectors(plain: String, encoded: String) {
        #expect(Base64URL.encode(Data(plain.utf8)) == encoded)
        #expect(Base64URL.decode(encoded) == Data(plain.utf8))
    }

    @Test func base64URLUsesURLAlphabet() {
        // 0xfb 0xff encodes to "+/8=" in standard base64.
        #expect(Base64URL.encode(Data([0xfb, 0xff])) == "-_8")
        #expect(Base64URL.decode("-_8") == Data([0xfb, 0xff]))
        #expect(Base64URL.decode("a") == nil)
        #expect(Base64URL.decode("!!!!") == nil)
    }

    @Test func secretValueNeverPrints() {
        let secret = SecretValue("hunter2-passphrase")
        #expect(secret.description == "<redacted>")
        #expect("\(secret)" == "<redacted>")
        #expect(String(reflecting: secret) == "<redacted>")
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains("hunter2"))
        #expect(secret.text == "hunter2-passphrase")
    }
}
