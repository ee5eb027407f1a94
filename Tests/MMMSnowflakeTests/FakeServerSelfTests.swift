import MMMTestSupport
import Foundation
import MMMSnowflake
import MMMTransport
import Testing

/// Checks that the fake really enforces what it claims (headers, JWT algorithm and signature), so the client
/// tests passing means something.
/// Time limit: the work takes seconds, but Swift Testing starts every test at once and a test also waits for a
/// cooperative-pool thread before and after its body; a whole `swift test` took up to 10 minutes at load average 20 on
/// 2 cores, so 20 minutes can only be exceeded by a hang.
@Suite(.dedicatedThreads, .timeLimit(.minutes(20)))
struct FakeServerSelfTests {
    private func validToken() async throws -> SecretValue {
        let keys = try SnowflakeTestKeys.shared.get()
        let key = try RSAPrivateKey.load(contentsOfFile: keys.plainKey) { nil }
        return try await SnowflakeKeyPairAuthenticator(key: key, account: try SnowflakeAccount("myorg-my_account"),
                                                       user: "jane.doe").token()
    }

    private func submit(_ fake: FakeSnowflake, headers: [String: String]) async throws -> HTTPResponse {
        try await URLSessionTransport().send(HTTPRequest(
            method: .post, url: fake.baseURL.appendingPathComponent("api/v2/statements"), headers: headers,
            body: Data(#"{"statement":"SELECT 1"}"#.utf8)))
    }

    @Test func headerAndTokenChecksAreEnforced() async throws {
        var scenario = FakeScenario()
        scenario.result("SELECT 1", columns: [FakeScenario.column("1", "fixed", scale: 0)], partitions: [[["1"]]])
        let fake = try await FakeSnowflake(scenario: scenario)
        defer { fake.stop() }
        let token = try await validToken().text
        let good = ["Authorization": "Bearer " + token, "Accept": "application/json", "User-Agent": "probe/1.0",
                    "Content-Type": "application/json", "X-Snowflake-Authorization-Token-Type": "KEYPAIR_JWT"]
        #expect(try await submit(fake, headers: good).statusCode == 200)

        var wrongType = good
        wrongType["Content-Type"] = "text/plain"
        #expect(try await submit(fake, headers: wrongType).statusCode == 415)
        var noAccept = good
        noAccept["Accept"] = "text/html"
        #expect(try await submit(fake, headers: noAccept).statusCode == 400)
        var oauth = good
        oauth["X-Snowflake-Authorization-Token-Type"] = "OAUTH"
        #expect(try await submit(fake, headers: oauth).statusCode == 401)

        // Same claims, but the header says HS256 / the signature is tampered with.
        let parts = token.split(separator: ".").map(String.init)
        let hs256 = Base64URL.encode(Data(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
        var forged = good
        forged["Authorization"] = "Bearer \(hs256).\(parts[1]).\(parts[2])"
        #expect(try await submit(fake, headers: forged).statusCode == 401)
        var tampered = good
        tampered["Authorization"] = "Bearer \(parts[0]).\(parts[1]).\(parts[2].dropLast(4))AAAA"
        #expect(try await submit(fake, headers: tampered).statusCode == 401)

        let reasons = try await fake.requests().map(\.auth.reason)
        #expect(reasons.contains("header must be exactly {alg: RS256, typ: JWT}"))
        #expect(reasons.contains("signature does not verify with the registered public key"))
        #expect(reasons.contains("token type header is not KEYPAIR_JWT"))
        let rejected = try await submit(fake, headers: tampered)
        #expect(String(decoding: rejected.body, as: UTF8.self).contains("390144"))
    }

    @Test func tokensLongerThanAnHourAreRejected() async throws {
        let fake = try await FakeSnowflake(scenario: FakeScenario())
        defer { fake.stop() }
        let keys = try SnowflakeTestKeys.shared.get()
        let key = try RSAPrivateKey.load(contentsOfFile: keys.plainKey) { nil }
        let now = Int64(Date().timeIntervalSince1970)
        let auth = try SnowflakeKeyPairAuthenticator(key: key, account: try SnowflakeAccount("myorg-my_account"), user: "jane.doe")
        let token = try CompactJWT.signRS256(claims: [
            JWTClaim("iss", .string(auth.issuer)), JWTClaim("sub", .string(auth.subject)),
            JWTClaim("iat", .integer(now)), JWTClaim("exp", .integer(now + 3601)),
        ], key: key)
        let response = try await submit(fake, headers: [
            "Authorization": "Bearer " + token.text, "Accept": "application/json", "User-Agent": "probe/1.0",
            "Content-Type": "application/json",
        ])
        #expect(response.statusCode == 401)
        #expect(try await fake.requests().first?.auth.reason == "exp is more than one hour after iat")
    }
}
