import Foundation
import MMMTestSupport
import MMMTransport
import Testing

/// CRC-32C and the streaming digests against published vectors and independent Python oracles.
struct ChecksumTests {
    @Test func crc32cKnownVectors() {
        // RFC 3720 appendix B.4 and the usual check value.
        #expect(CRC32C.checksum(Data("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum(Data()) == 0)
        #expect(CRC32C.checksum(Data(repeating: 0, count: 32)) == 0x8A91_36AA)
        #expect(CRC32C.checksum(Data(repeating: 0xFF, count: 32)) == 0x62A8_AB43)
        #expect(CRC32C.checksum(Data((0..<32).map { UInt8($0) })) == 0x46DD_794E)
        #expect(CRC32C.checksum(Data((0..<32).reversed().map { UInt8($0) })) == 0x113F_DB5C)
        #expect(CRC32C.base64(0xE306_9283) == "4waSgw==")
        #expect(CRC32C.decodeBase64("4waSgw==") == 0xE306_9283)
        #expect(CRC32C.decodeBase64("AAAA") == nil)
    }

    @Test func crc32cIsIndependentOfChunkingAndMatchesPython() throws {
        var generator = SeededRandom(seed: 42)
        let data = Data((0..<100_003).map { _ in UInt8.random(in: 0...255, using: &generator) })
        var chunked = CRC32C()
        var offset = 0
        for size in [1, 7, 8, 9, 4096, 13, 65_536] {
            chunked.update(data[offset..<min(data.count, offset + size)])
            offset = min(data.count, offset + size)
        }
        chunked.update(data[offset...])
        #expect(chunked.value == CRC32C.checksum(data))
        // Bitwise CRC-32C in Python (no tables, no slicing): an independent implementation.
        let script = """
            import sys
            data = sys.stdin.buffer.read(); crc = 0xFFFFFFFF
            for b in data:
                crc ^= b
                for _ in range(8): crc = (crc >> 1) ^ 0x82F63B78 if crc & 1 else crc >> 1
            print(crc ^ 0xFFFFFFFF)
            """
        let output = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script], stdin: data)
        #expect(UInt32(output.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) == chunked.value)
    }

    @Test func streamingDigestsMatchPython() throws {
        let data = Data((0..<70_000).map { UInt8($0 % 251) })
        let md5 = StreamingDigest(.md5)
        let sha = StreamingDigest(.sha256)
        for start in stride(from: 0, to: data.count, by: 9_999) {
            md5.update(data[start..<min(data.count, start + 9_999)])
            sha.update(data[start..<min(data.count, start + 9_999)])
        }
        #expect(sha.finish() == SHA256Digest.hash(data))
        let script = "import hashlib,sys;print(hashlib.md5(sys.stdin.buffer.read()).hexdigest())"
        let python = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", script], stdin: data).stdout
        #expect(md5.finish().map { String(format: "%02x", $0) }.joined() == python.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(md5.finish() == StreamingDigest.hash(.md5, data), "finish is stable")
        #expect(StreamingDigest.hash(.md5, Data()).base64EncodedString() == "1B2M2Y8AsgTpgAmY7PhCfg==")
    }

    @Test func jwtHeaderCarriesTheKeyID() throws {
        #expect(CompactJWT.headerJSON(keyID: nil) == CompactJWT.headerJSON)
        #expect(CompactJWT.headerJSON(keyID: "k\"1") == #"{"alg":"RS256","typ":"JWT","kid":"k\"1"}"#)
        let keys = try TestKeys.shared.get()
        let key = try RSAPrivateKey.load(contentsOfFile: keys.path(.pkcs8)) { nil }
        let jwt = try CompactJWT.signRS256(claims: [JWTClaim("iss", .string("a"))], key: key, keyID: "abc")
        let header = try #require(jwt.text.split(separator: ".").first.flatMap { Base64URL.decode(String($0)) })
        #expect(String(decoding: header, as: UTF8.self) == #"{"alg":"RS256","typ":"JWT","kid":"abc"}"#)
    }
}
