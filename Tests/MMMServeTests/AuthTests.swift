import Foundation
import MMMCore
import MMMServe
import MMMTestSupport
import MMMTransport
import Testing

/// Bearer ID tokens against the local issuer: what gets in (200), what is not valid (401), and who is not allowed (403).
struct AuthTests {
    private func status(_ fixture: ServeFixture, _ token: String?) async throws -> TestResponse {
        try await TestHTTP.shared.get(fixture.base + "/v1/runs", headers: token.map { ["Authorization": "Bearer " + $0] } ?? [:])
    }

    @Test func aValidTokenGetsIn() async throws {
        let fixture = try await ServeFixture.shared.get()
        let issuer = fixture.issuer
        #expect(try await status(fixture, issuer.token(issuer.claims())).status == 200)
        // Within the clock skew.
        var late = issuer.claims()
        late["exp"] = Int(Date().timeIntervalSince1970) - 20
        #expect(try await status(fixture, issuer.token(late)).status == 200)
        // Google Workspace: the hosted domain is allowed although the address is an alias domain.
        var hosted = issuer.claims(email: "ana@alias.test")
        hosted["hd"] = "example.com"
        #expect(try await status(fixture, issuer.token(hosted)).status == 200)
        // aud as a list holding the client, issued to it (azp).
        var listed = issuer.claims()
        listed["aud"] = [TestIssuer.audience, "other"]
        listed["azp"] = TestIssuer.audience
        #expect(try await status(fixture, issuer.token(listed)).status == 200)
    }

    @Test func forgedAndInvalidTokensAre401() async throws {
        let fixture = try await ServeFixture.shared.get()
        let issuer = fixture.issuer
        let now = Int(Date().timeIntervalSince1970)
        func with(_ change: (inout [String: Any]) -> Void) -> [String: Any] {
            var claims = issuer.claims()
            change(&claims)
            return claims
        }
        let publicDER = try issuer.published.withLock { $0[0].key }.publicKey().spkiDER()
        let publicPEM = try issuer.published.withLock { $0[0].key }.publicKeyPEM()
        var cases: [(String, String)] = [
            ("other key", try issuer.token(issuer.claims(), key: issuer.foreignKey)),
            ("alg none", try issuer.forged(header: ["alg": "none", "kid": "key-1"], claims: issuer.claims()) { _ in Data() }),
            ("HS256 with the public key (DER)", try issuer.forged(header: ["alg": "HS256", "kid": "key-1"], claims: issuer.claims()) {
                HMACSHA256.tag(Data($0.utf8), key: SecretValue(bytes: Array(publicDER)))
            }),
            ("HS256 with the public key (PEM)", try issuer.forged(header: ["alg": "HS256", "kid": "key-1"], claims: issuer.claims()) {
                HMACSHA256.tag(Data($0.utf8), key: SecretValue(publicPEM))
            }),
            ("expired", try issuer.token(with { $0["exp"] = now - 300 })),
            ("issued in the future", try issuer.token(with { $0["iat"] = now + 600 })),
            ("not yet valid", try issuer.token(with { $0["nbf"] = now + 600 })),
            ("wrong audience", try issuer.token(with { $0["aud"] = "someone-else" })),
            ("several audiences, not ours by azp", try issuer.token(with { $0["aud"] = [TestIssuer.audience, "x"] })),
            ("wrong issuer", try issuer.token(with { $0["iss"] = "https://accounts.google.com" })),
            ("issuer with a trailing slash", try issuer.token(with { $0["iss"] = issuer.url + "/" })),
            ("no expiry", try issuer.token(with { $0.removeValue(forKey: "exp") })),
            ("expiry as text", try issuer.token(with { $0["exp"] = "\(now + 600)" })),
            ("unknown kid", try issuer.token(issuer.claims(), kid: "key-404", key: issuer.foreignKey)),
            ("garbage", "not.a.token"),
        ]
        let valid = try issuer.token(issuer.claims())
        let parts = valid.split(separator: ".").map(String.init)
        cases.append(("payload swapped", parts[0] + "." + Base64URL.encode(try JSONSerialization.data(withJSONObject: with { $0["email"] = "boss@example.com" })) + "." + parts[2]))
        for (name, token) in cases {
            let response = try await status(fixture, token)
            #expect(response.status == 401, "\(name): \(response.status) \(response.text)")
            #expect(response.header("www-authenticate")?.hasPrefix("Bearer") == true, "\(name)")
            #expect(response.error["code"] as? String == "unauthenticated")
            #expect(!response.text.contains(token), "\(name): the token is echoed")
        }
        let none = try await status(fixture, nil)
        #expect(none.status == 401)
        let basic = try await TestHTTP.shared.get(fixture.base + "/v1/runs", headers: ["Authorization": "Basic YTpi"])
        #expect(basic.status == 401)
    }

    @Test func goodTokensOfPeopleNotAllowedInAre403() async throws {
        let fixture = try await ServeFixture.shared.get()
        let issuer = fixture.issuer
        var unverified = issuer.claims()
        unverified["email_verified"] = false
        var unverifiedText = issuer.claims()
        unverifiedText["email_verified"] = "false"
        var noFlag = issuer.claims()
        noFlag.removeValue(forKey: "email_verified")
        var subdomainHD = issuer.claims(email: "eve@other.test")
        subdomainHD["hd"] = "eu.example.com"
        let cases: [(String, [String: Any])] = [
            ("unverified email", unverified), ("email_verified \"false\"", unverifiedText), ("no email_verified", noFlag),
            ("subdomain", issuer.claims(email: "bob@eu.example.com")), ("other domain", issuer.claims(email: "eve@evil.com")),
            ("suffix lookalike", issuer.claims(email: "eve@notexample.com")), ("subdomain hd", subdomainHD),
        ]
        for (name, claims) in cases {
            let response = try await status(fixture, try issuer.token(claims))
            #expect(response.status == 403, "\(name): \(response.status) \(response.text)")
            #expect(response.error["code"] as? String == "forbidden", "\(name)")
        }
    }

    @Test func anUnknownKeyIdRefreshesTheKeysOnce() async throws {
        // An issuer and a server of their own, so the fetch count is not shared with other tests.
        let fixture = try await ServeFixture.start(issuer: try await TestIssuer.start())
        defer { Task { await fixture.handle.shutdown() } }
        let issuer = fixture.issuer
        #expect(try await status(fixture, issuer.token(issuer.claims())).status == 200)
        let kid = "rotated-" + SecureRandom.token(bytes: 6)
        issuer.rotate(kid: kid)
        let before = issuer.jwksFetches.withLock { $0 }
        // The provider rotated its keys: a token with the new kid is accepted after one refresh.
        #expect(try await status(fixture, issuer.token(issuer.claims(), kid: kid)).status == 200)
        #expect(issuer.jwksFetches.withLock { $0 } == before + 1)
        #expect(try await status(fixture, issuer.token(issuer.claims(), kid: kid)).status == 200)
        // Made-up kids do not make the server fetch again right away.
        for index in 0..<5 {
            #expect(try await status(fixture, issuer.token(issuer.claims(), kid: "bogus-\(index)", key: issuer.foreignKey)).status == 401)
        }
        #expect(issuer.jwksFetches.withLock { $0 } == before + 1)
    }

    @Test func onlyHealthAndMetricsAreOpen() async throws {
        let fixture = try await ServeFixture.shared.get()
        #expect(try await TestHTTP.shared.get(fixture.base + "/healthz").status == 200)
        #expect(try await TestHTTP.shared.get(fixture.base + "/metrics").status == 200)
        for path in ["/v1/openapi.json", "/v1/runs", "/v1/runs/x", "/v1/benchmarks", "/v1/runs/x/events"] {
            #expect(try await TestHTTP.shared.get(fixture.base + path).status == 401, "\(path)")
        }
        for path in ["/", "/runs", "/data", "/run"] {
            let page = try await TestHTTP.shared.get(fixture.base + path)
            #expect(page.status == 303, "\(path)")
            #expect(page.header("location")?.hasPrefix("/auth/signin") == true)
        }
    }
}
