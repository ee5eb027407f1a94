import Foundation
import MMMCore
import MMMServe
import MMMTestSupport
import MMMTransport
import Testing

/// The pages' sign-in: authorization code with PKCE against the local issuer, the session cookie, CSRF, and
/// `--dev-auth` one-time links.
struct WebSignInTests {
    /// Runs the whole code flow for the issuer's next user; returns the callback's response and the session cookie.
    private func signIn(_ fixture: ServeFixture, next: String = "/runs") async throws -> (TestResponse, String?) {
        let login = try await TestHTTP.shared.get(fixture.base + "/auth/login?next=" + next.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
        #expect(login.status == 303)
        let location = try #require(login.header("location"))
        let query = try #require(URLComponents(string: location)?.queryItems)
        func item(_ name: String) -> String? { query.first { $0.name == name }?.value }
        #expect(location.hasPrefix(fixture.issuer.url + "/authorize?"))
        #expect(item("code_challenge_method") == "S256")
        #expect(item("code_challenge")?.count == 43)
        #expect(item("client_id") == TestIssuer.clientID)
        #expect(item("redirect_uri") == fixture.base + "/auth/callback")
        #expect(item("scope") == "openid email profile")
        #expect(item("nonce") != nil && item("state") != nil)
        let flowCookie = try #require(login.cookies["mmm_oauth"])
        #expect(login.header("set-cookie")?.contains("HttpOnly") == true)
        #expect(login.header("set-cookie")?.contains("SameSite=Lax") == true)
        let authorize = try await TestHTTP.shared.get(location)
        #expect(authorize.status == 302)
        let callback = try #require(authorize.header("location"))
        let response = try await TestHTTP.shared.get(callback, headers: ["Cookie": "mmm_oauth=" + flowCookie])
        // PKCE: the verifier the server sent hashes to the challenge it sent (the issuer checked it too).
        let verifier = try #require(fixture.issuer.lastTokenRequest.withLock { $0["code_verifier"] })
        #expect(Base64URL.encode(SHA256Digest.hash(Data(verifier.utf8))) == item("code_challenge"))
        #expect(fixture.issuer.lastTokenRequest.withLock { $0["client_secret"] } == TestIssuer.clientSecret)
        return (response, response.cookies["mmm_session"])
    }

    @Test func theCodeFlowWithPKCEStartsASession() async throws {
        let fixture = try await ServeFixture.shared.get()
        fixture.issuer.nextUser.withLock { $0 = .init(email: "ana@example.com") }
        let (callback, session) = try await signIn(fixture, next: "/runs?state=SUCCEEDED")
        #expect(callback.status == 303)
        #expect(callback.header("location") == "/runs?state=SUCCEEDED")
        let cookie = try #require(session)
        let setCookie = callback.header("set-cookie") ?? ""
        #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax") && setCookie.contains("Path=/"))
        let page = try await TestHTTP.shared.get(fixture.base + "/runs", headers: ["Cookie": "mmm_session=" + cookie])
        #expect(page.status == 200)
        #expect(page.text.contains("ana@example.com"))
        // Session requests that change something need the page's CSRF token.
        let csrf = try #require(page.text.firstMatch(of: /name="csrf" value="([^"]+)"/)?.1)
        let config = try ServeFixture.demoConfig(iterations: 10, trials: 1)
        let without = try await fixture.submit(config: config, data: try ServeFixture.demoData, headers: ["Cookie": "mmm_session=" + cookie])
        #expect(without.status == 403)
        #expect(without.error["code"] as? String == "csrf")
        let wrong = try await fixture.submit(
            config: config, data: try ServeFixture.demoData, headers: ["Cookie": "mmm_session=" + cookie, "X-CSRF-Token": "x" + csrf])
        #expect(wrong.status == 403)
        let list = try await TestHTTP.shared.get(fixture.base + "/v1/runs", headers: ["Cookie": "mmm_session=" + cookie])
        #expect(list.status == 200)
    }

    @Test func theCodeFlowRefusesOtherDomainsAndForeignState() async throws {
        let fixture = try await ServeFixture.start(issuer: try await TestIssuer.start())
        defer { Task { await fixture.handle.shutdown() } }
        fixture.issuer.nextUser.withLock { $0 = .init(email: "eve@eu.example.com") }
        let (denied, session) = try await signIn(fixture)
        #expect(denied.status == 403)
        #expect(session == nil)
        fixture.issuer.nextUser.withLock { $0 = .init(email: "ana@example.com", verified: false) }
        let (unverified, _) = try await signIn(fixture)
        #expect(unverified.status == 403)
        // A callback without the flow cookie (another browser, or a forged link) is refused.
        let stray = try await TestHTTP.shared.get(fixture.base + "/auth/callback?code=abc&state=def")
        #expect(stray.status == 401)
        let next = try await TestHTTP.shared.get(fixture.base + "/auth/login?next=//evil.test/x")
        let flow = try #require(next.cookies["mmm_oauth"])
        #expect(!String(decoding: Base64URL.decode(String(flow.split(separator: ".")[0])) ?? Data(), as: UTF8.self).contains("evil"))
    }

    @Test func forgedOrExpiredSessionCookiesAreNotSessions() async throws {
        let fixture = try await ServeFixture.shared.get()
        let login = try await TestHTTP.shared.get(fixture.handle.devLoginURL())
        let cookie = try #require(login.cookies["mmm_session"])
        let parts = cookie.split(separator: ".").map(String.init)
        let payloadData = try #require(Base64URL.decode(parts[0]))
        var payload = try #require(try JSONSerialization.jsonObject(with: payloadData) as? [String: Any])
        payload["email"] = "boss@example.com"
        let tampered = Base64URL.encode(try JSONSerialization.data(withJSONObject: payload)) + "." + parts[1]
        payload["email"] = "developer@localhost"
        payload["exp"] = Date().timeIntervalSince1970 - 10
        let expired = Base64URL.encode(try JSONSerialization.data(withJSONObject: payload)) + "." + parts[1]
        for bad in [tampered, expired, parts[0] + ".", "x"] {
            let response = try await TestHTTP.shared.get(fixture.base + "/v1/runs", headers: ["Cookie": "mmm_session=" + bad])
            #expect(response.status == 401)
        }
        #expect(try await TestHTTP.shared.get(fixture.base + "/v1/runs", headers: ["Cookie": "mmm_session=" + cookie]).status == 200)
    }

    @Test func devLoginLinksWorkOnce() async throws {
        let fixture = try await ServeFixture.shared.get()
        let link = fixture.handle.devLoginURL()
        let first = try await TestHTTP.shared.get(link)
        #expect(first.status == 303)
        #expect(first.cookies["mmm_session"] != nil)
        let second = try await TestHTTP.shared.get(link)
        #expect(second.status == 401)
        #expect(second.cookies["mmm_session"] == nil)
        #expect(try await TestHTTP.shared.get(fixture.base + "/auth/dev?token=guess").status == 401)
    }
}
