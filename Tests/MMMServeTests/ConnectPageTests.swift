import Foundation
import MMMServe
import MMMTestSupport
import Testing

/// `/connect` and `/benchmarks` over HTTP: labels and CSRF tokens on the forms, POSTs without the token refused,
/// and the Snowflake test-connection against the Python fake — with the private key never echoed back or left behind.
@Suite(.timeLimit(.minutes(10)))
struct ConnectPageTests {
    static let fake = SharedResource { try await ServeSnowflakeFake.start() }

    @Test func theConnectAndBenchmarksPagesLabelEveryControlAndCarryTheCSRFToken() async throws {
        let session = try await PageSession.start(try await ServeFixture.shared.get())
        for (path, minimumControls) in [("/connect", 9), ("/benchmarks", 4), ("/data", 11)] {
            let page = try await session.get(path)
            #expect(page.status == 200, "\(path)")
            #expect(page.header("content-type")?.hasPrefix("text/html") == true)
            #expect(page.header("content-security-policy")?.contains("script-src 'self'") == true)
            let audit = PageAudit.audit(page.text, csrf: session.csrf)
            #expect(audit.problems.isEmpty, "\(path): \(audit.problems)")
            #expect(audit.controls >= minimumControls, "\(path): \(audit.controls) controls")
            #expect(audit.forms >= 2, "\(path): the page's form(s) and sign-out")
        }
    }

    @Test func postsWithoutTheCSRFTokenAreRefused() async throws {
        let session = try await PageSession.start(try await ServeFixture.shared.get())
        let key = Data("-----BEGIN PRIVATE KEY-----\nTESTKEYBODYNOTREAL0123456789\n-----END PRIVATE KEY-----\n".utf8)
        for path in ["/connect", "/benchmarks", "/data"] {
            for csrf in [nil, "wrong-token"] {
                let response = try await session.post(
                    path, fields: ["account": "myorg-my_account", "source": "snowflake", "table": "A.B.C"], files: ["key": ("key.p8", key)],
                    csrf: csrf)
                #expect(response.status == 403, "\(path) csrf=\(csrf ?? "none"): \(response.status)")
                #expect(!response.text.contains("TESTKEYBODYNOTREAL"))
            }
        }
    }

    @Test func testConnectionAgainstTheFakeNeverEchoesThePrivateKey() async throws {
        let fake = try await Self.fake.get()
        let fixture = try await ServeFixture.start(workers: 1, oauth: false, workerEnvironment: fake.workerEnvironment)
        defer { Task { await fixture.handle.shutdown() } }
        let session = try await PageSession.start(fixture)
        let key = try fake.key
        // Any line of the key's base64 body appearing anywhere is an echo.
        let keyLines = String(decoding: key, as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("-----") }.map(String.init)
        #expect(keyLines.count > 10)
        func leaks(_ text: String) -> Bool { text.contains("PRIVATE KEY") || keyLines.contains { text.contains($0) } }

        let ok = try await session.post("/connect", fields: ServeSnowflakeFake.connection, files: ["key": ("key.p8", key)])
        #expect(ok.status == 200, "\(ok.text.suffix(800))")
        #expect(ok.text.contains("role=\"status\"><strong>Connected:</strong>"))
        for expected in ["MY_ACCOUNT", "JANE.DOE", "ANALYST", "127.0.0.1"] { #expect(ok.text.contains(expected), "\(expected)") }
        #expect(!leaks(ok.text))

        // The settings (not the key) are remembered for the Connect and Data pages.
        for path in ["/connect", "/data"] {
            let again = try await session.get(path)
            #expect(again.text.contains("value=\"myorg-my_account\""), "\(path)")
            #expect(again.text.contains("value=\"ANALYST\""), "\(path)")
            #expect(!leaks(again.text), "\(path)")
        }

        // A key the fake does not know: refused, with a text label, and still not echoed.
        let other = try await ServeSnowflakeFake.start()
        defer { other.stop() }
        let bad = try await session.post("/connect", fields: ServeSnowflakeFake.connection, files: ["key": ("key.p8", try other.key)])
        #expect(bad.status == 400)
        #expect(bad.text.contains("class=\"error\" role=\"alert\""))
        #expect(!leaks(bad.text))
        let otherLines = String(decoding: try other.key, as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("-----") }
        #expect(!otherLines.contains { bad.text.contains($0) })
        let none = try await session.post("/connect", fields: ServeSnowflakeFake.connection)
        #expect(none.status == 400)
        #expect(none.text.contains("give a private key file or a Secret Manager secret"))

        // Nothing of the key is left in the server's folders (the staged 0600 copy is deleted after the test).
        let everything = FileManager.default.enumerator(atPath: fixture.directory.path)?.allObjects as? [String] ?? []
        for relative in everything {
            let path = fixture.directory.appendingPathComponent(relative).path
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            #expect(!leaks(String(decoding: data, as: UTF8.self)), "\(relative)")
        }
        #expect(everything.contains { $0.hasPrefix("work/connections/") && $0.hasSuffix(".json") })
    }
}
