import Foundation
import MMMServe
import MMMCore
import MMMTestSupport
import Testing

/// The Data page's Snowflake form against the Python fake: a table or a query becomes a dataset with the same
/// column typing preview and role guesses as uploading the same rows as a CSV, and its mapping is saved.
@Suite(.timeLimit(.minutes(10)))
struct SnowflakeDataPageTests {
    /// The roles table of a mapping page (typing preview and role selects), without the page around it.
    static func rolesTable(_ html: String) -> String? {
        html.firstMatch(of: /(?s)<table class="roles">.*?<\/table>/).map { String($0.0) }
    }

    /// Follows a 303 to `/data/<id>` and returns the id and the mapping page.
    static func mappingPage(_ response: TestResponse, _ session: PageSession) async throws -> (String, TestResponse) {
        #expect(response.status == 303, "\(response.status): \(response.text.suffix(600))")
        let location = try #require(response.header("location"))
        let id = try #require(location.firstMatch(of: /^\/data\/([A-Za-z0-9_.-]+)$/)?.1)
        let page = try await session.get(location)
        #expect(page.status == 200)
        return (String(id), page)
    }

    @Test func aSnowflakeTableOrQueryIsPreviewedMappedAndSavedLikeAnUpload() async throws {
        let fake = try await ConnectPageTests.fake.get()
        let fixture = try await ServeFixture.start(workers: 1, oauth: false, workerEnvironment: fake.workerEnvironment)
        defer { Task { await fixture.handle.shutdown() } }
        let session = try await PageSession.start(fixture)
        let key = try fake.key

        // The oracle: the same rows uploaded as a CSV.
        let upload = try await session.post("/data", fields: [:], files: ["data": ("dt_simulated_weekly.csv", try ServeFixture.demoData)])
        let (_, uploaded) = try await Self.mappingPage(upload, session)
        let expected = try #require(Self.rolesTable(uploaded.text))

        // A table, with the connection given in the form (nothing saved yet).
        var fields = ServeSnowflakeFake.connection
        fields["source"] = "snowflake"
        fields["table"] = "ANALYTICS.MMM.DEMO"
        let read = try await session.post("/data", fields: fields, files: ["key": ("key.p8", key)])
        let (id, page) = try await Self.mappingPage(read, session)
        #expect(page.text.contains("Snowflake table ANALYTICS.MMM.DEMO: 208 rows, dates in DATE"))
        #expect(Self.rolesTable(page.text) == expected)
        #expect(page.text.contains("<th scope=\"row\">DATE</th><td>date</td>"))
        #expect(PageAudit.audit(page.text, csrf: session.csrf).problems.isEmpty)

        // Its mapping is saved as selected_columns.json, and the run form offers the dataset.
        var roles: [String: String] = ["csrf": session.csrf, "country": "de"]
        for match in page.text.matches(of: /<select id="role-\d+" name="(role\.[^"]+)">.*?<option value="([a-z]+)" selected>/) {
            roles[String(match.1)] = String(match.2)
        }
        for match in page.text.matches(of: /<select id="spend-\d+" name="(spend\.[^"]+)">.*?<option value="([^"]*)" selected>/) {
            roles[String(match.1)] = String(match.2)
        }
        #expect(roles["role.facebook_I"] == "media" && roles["spend.facebook_I"] == "facebook_S")
        #expect(roles["role.revenue"] == "goal")
        let body = roles.map { "\($0.key.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }
            .joined(separator: "&")
        let saved = try await TestHTTP.shared.send(
            "POST", fixture.base + "/data/\(id)",
            headers: ["Cookie": "mmm_session=" + session.cookie, "Content-Type": "application/x-www-form-urlencoded"], body: Data(body.utf8))
        #expect(saved.status == 303, "\(saved.text.suffix(500))")
        #expect(saved.header("location") == "/run?dataset=\(id)")
        let selection = try StrictJSON.decode(
            SelectedColumns.self,
            from: Data(contentsOf: fixture.directory.appendingPathComponent("work/datasets/\(id)/selected_columns.json")))
        #expect(selection.selectedGoal == "revenue")
        #expect(selection.paidMediaSpends == ["tv_S", "ooh_S", "print_S", "search_S", "facebook_S"])
        #expect(selection.varToSpendMapping["facebook_I"] == "facebook_S")
        #expect(try await session.get("/run?dataset=\(id)").text.contains("<option value=\"\(id)\" selected>"))

        // A query, with the connection remembered from /connect (the form comes prefilled; the key is asked again).
        let connect = try await session.post("/connect", fields: ServeSnowflakeFake.connection, files: ["key": ("key.p8", key)])
        #expect(connect.status == 200)
        let form = try await session.get("/data")
        #expect(form.text.contains("From your last successful test"))
        var prefilled: [String: String] = ["source": "snowflake", "sql": ServeSnowflakeFake.query]
        for name in ["account", "user", "warehouse", "database", "schema", "role", "key_secret"] {
            prefilled[name] = form.text.firstMatch(of: try Regex("name=\"\(name)\" type=\"text\" value=\"([^\"]*)\""))?.output[1].substring.map(String.init)
        }
        #expect(prefilled["account"] == "myorg-my_account")
        let query = try await session.post("/data", fields: prefilled, files: ["key": ("key.p8", key)])
        let (_, queried) = try await Self.mappingPage(query, session)
        #expect(queried.text.contains("Snowflake query: 208 rows"))
        #expect(Self.rolesTable(queried.text) == expected)
    }

    @Test func badSnowflakeFormsSayWhyWithoutEchoingTheKey() async throws {
        let fake = try await ConnectPageTests.fake.get()
        let fixture = try await ServeFixture.start(workers: 1, oauth: false, workerEnvironment: fake.workerEnvironment)
        defer { Task { await fixture.handle.shutdown() } }
        let session = try await PageSession.start(fixture)
        let key = try fake.key
        let keyLines = String(decoding: key, as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("-----") }
        let cases: [([String: String], Bool, String)] = [
            (["table": "ANALYTICS.MMM.DEMO", "sql": "SELECT 1"], true, "give either a table or a SQL query"),
            ([:], true, "give either a table or a SQL query"),
            (["table": "ANALYTICS.MMM.DEMO; DROP TABLE X"], true, "Snowflake: "),
            (["table": "ANALYTICS.MMM.DEMO", "limit": "0"], true, "the row limit must be"),
            (["table": "ANALYTICS.MMM.DEMO"], false, "give the private key file, or the Secret Manager secret"),
            (["sql": "SELECT 42"], true, "Snowflake: "),  // the fake does not know this statement
        ]
        for (extra, withKey, message) in cases {
            var fields = ServeSnowflakeFake.connection.merging(extra) { _, new in new }
            fields["source"] = "snowflake"
            let response = try await session.post("/data", fields: fields, files: withKey ? ["key": ("key.p8", key)] : [:])
            #expect(response.status == 400, "\(extra): \(response.status)")
            let alert = response.text.firstMatch(of: /<p class="error" role="alert" id="form-error" tabindex="-1">([^<]*)<\/p>/)?.1 ?? ""
            #expect(alert.contains(message), "\(extra): \(alert)")
            #expect(!response.text.contains("PRIVATE KEY") && !keyLines.contains { response.text.contains($0) })
            // The form keeps what was typed (not the key), so it can be corrected.
            if let table = extra["table"] { #expect(response.text.contains("value=\"\(table.replacingOccurrences(of: "\"", with: "&quot;"))\"")) }
        }
        #expect(fixture.directory.appendingPathComponent("work/datasets").isEmptyDirectory)
    }
}

extension URL {
    fileprivate var isEmptyDirectory: Bool { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).isEmpty }
}

/// The key saved in Secret Manager on `/connect` (the Google API fake) is what the Data page then reads with: no
/// key upload, and neither the key nor a Google token in any page.
@Suite(.timeLimit(.minutes(10)))
struct SavedKeyPageTests {
    @Test func aKeySavedOnConnectReadsASnowflakeTableOnData() async throws {
        guard let google = try await ServeGoogleFake.get() else { return }
        let fake = try await ConnectPageTests.fake.get()
        let fixture = try await ServeFixture.start(workers: 1, oauth: false, workerEnvironment: google.environment(fake.workerEnvironment))
        defer { Task { await fixture.handle.shutdown() } }
        let session = try await PageSession.start(fixture)
        let key = try fake.key
        let keyLines = String(decoding: key, as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("-----") }
        func leaks(_ text: String) -> Bool {
            text.contains("PRIVATE KEY") || keyLines.contains { text.contains($0) } || text.contains(google.refreshToken)
                || text.contains("ya29.") || text.contains("eyJ")
        }
        let secret = "sf-key-" + UUID().uuidString.prefix(8).lowercased()
        let resource = "projects/\(ServeGoogleFake.project)/secrets/\(secret)"

        var fields = ServeSnowflakeFake.connection
        fields["save_secret"] = secret
        let saved = try await session.post("/connect", fields: fields, files: ["key": ("key.p8", key)])
        #expect(saved.status == 200, "\(saved.text.suffix(600))")
        #expect(saved.text.contains("The key is saved in Secret Manager as \(resource)."))
        #expect(!leaks(saved.text))

        let form = try await session.get("/data")
        #expect(form.text.contains("name=\"key_secret\" type=\"text\" value=\"\(resource)\""))
        #expect(form.text.contains("From your last successful test"))
        var read = ServeSnowflakeFake.connection
        read["source"] = "snowflake"
        read["table"] = "ANALYTICS.MMM.DEMO"
        read["key_secret"] = resource
        let response = try await session.post("/data", fields: read)
        #expect(response.status == 303, "\(response.text.suffix(600))")
        let page = try await session.get(try #require(response.header("location")))
        #expect(page.text.contains("Snowflake table ANALYTICS.MMM.DEMO: 208 rows"))
        #expect(!leaks(page.text) && !leaks(form.text))

        // A secret that does not exist: refused in words, and still nothing leaks.
        read["key_secret"] = "projects/\(ServeGoogleFake.project)/secrets/missing-\(secret)"
        let missing = try await session.post("/data", fields: read)
        #expect(missing.status == 400)
        #expect(missing.text.contains("role=\"alert\""))
        #expect(!leaks(missing.text))
    }
}
