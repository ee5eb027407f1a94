import Foundation
import MMMSnowflake
import MMMTransport
import Testing

struct AuthenticatorTests {
    private func claims(_ token: SecretValue) throws -> (header: String, payload: String, json: [String: Any]) {
        let parts = token.text.split(separator: ".").map(String.init)
        try #require(parts.count == 3)
        let header = String(decoding: try #require(Base64URL.decode(parts[0])), as: UTF8.self)
        let payload = String(decoding: try #require(Base64URL.decode(parts[1])), as: UTF8.self)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any])
        return (header, payload, json)
    }

    private func authenticator(clock: any WallClock, lifetime: Int = 3540) throws -> SnowflakeKeyPairAuthenticator {
        let keys = try SnowflakeTestKeys.shared.get()
        let key = try RSAPrivateKey.load(contentsOfFile: keys.plainKey) { nil }
        return try SnowflakeKeyPairAuthenticator(key: key, account: try SnowflakeAccount("myorg-my_account"),
                                                 user: "jane.doe", clock: clock, lifetime: lifetime)
    }

    @Test func claimsHaveSnowflakesShape() async throws {
        let keys = try SnowflakeTestKeys.shared.get()
        let auth = try authenticator(clock: ManualClock())
        #expect(auth.fingerprint == keys.fingerprint)
        #expect(auth.subject == "MYORG-MY_ACCOUNT.JANE.DOE")
        #expect(auth.issuer == "MYORG-MY_ACCOUNT.JANE.DOE." + keys.fingerprint)
        let token = try await ManualClock.$current.withValue(Date(timeIntervalSince1970: 1_700_000_000.75)) {
            try await auth.token()
        }
        let decoded = try claims(token)
        #expect(decoded.header == #"{"alg":"RS256","typ":"JWT"}"#)
        #expect(decoded.payload == #"{"iss":"MYORG-MY_ACCOUNT.JANE.DOE.\#(keys.fingerprint)","sub":"MYORG-MY_ACCOUNT.JANE.DOE","iat":1700000000,"exp":1700003540}"#)
    }

    @Test func tokensAreCachedAndReissuedBeforeExpiry() async throws {
        let auth = try authenticator(clock: ManualClock())
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let first = try await ManualClock.$current.withValue(start) { try await auth.token() }
        // 301 s left: still more than the 300 s margin.
        let cached = try await ManualClock.$current.withValue(start + 3540 - 301) { try await auth.token() }
        #expect(cached == first)
        #expect(await auth.mintedCount == 1)
        // 299 s left: re-issue.
        let second = try await ManualClock.$current.withValue(start + 3540 - 299) { try await auth.token() }
        #expect(second != first)
        #expect(try claims(second).json["iat"] as? Int == 1_700_000_000 + 3540 - 299)
        #expect(await auth.mintedCount == 2)
        await auth.invalidate()
        #expect(try await auth.token() != second)
        #expect(await auth.mintedCount == 3)
    }

    @Test func lifetimeNeverExceedsOneHour() async throws {
        let json = try claims(try await authenticator(clock: ManualClock(), lifetime: 7200).token()).json
        let iat = try #require(json["iat"] as? Int)
        #expect(json["exp"] as? Int == iat + 3600)
    }
}
