import Foundation
import MMMCore
import MMMServe
import MMMTestSupport
import Testing

/// The run form's training backend over HTTP: labelled controls, a bad Bayesian setting said in words and tied to
/// its field, and a Bayesian (MAP) run started from the form.
struct BackendRunFormTests {
    @Test(.timeLimit(.minutes(10)))
    func theRunFormChoosesTheBayesianBackend() async throws {
        let fixture = try await ServeFixture.shared.get()
        let session = try await PageSession.start(fixture)
        let empty = try await session.get("/run")
        #expect(empty.status == 200)
        #expect(PageAudit.audit(empty.text, csrf: session.csrf).problems.isEmpty)
        #expect(empty.text.contains(#"<label for="f-backend">Backend</label>"#))
        #expect(empty.text.contains(#"<option value="native" selected>Native engine"#))
        #expect(empty.text.contains(#"<option value="bayes">Bayesian"#))
        #expect(empty.text.contains(#"<option value="map">MAP + Laplace (fast, approximate)</option>"#))

        // A dataset: the demo table uploaded and mapped with the guessed roles.
        let upload = try await session.post("/data", fields: [:], files: ["data": ("dt_simulated_weekly.csv", try ServeFixture.demoData)])
        let (dataset, mapping) = try await SnowflakeDataPageTests.mappingPage(upload, session)
        var roles: [String: String] = ["csrf": session.csrf, "country": "de"]
        for match in mapping.text.matches(of: /<select id="(?:role|spend)-\d+" name="((?:role|spend)\.[^"]+)">.*?<option value="([^"]*)" selected>/) {
            roles[String(match.1)] = String(match.2)
        }
        let saved = try await post("/data/\(dataset)", roles, session)
        #expect(saved.status == 303, "\(saved.text.suffix(500))")

        var fields = try Self.formFields(try await session.get("/run?dataset=\(dataset)").text)
        #expect(fields["dataset"] == dataset)
        #expect(fields["backend"] == "native")
        fields["csrf"] = session.csrf
        fields["backend"] = "bayes"
        fields["bayes_inference"] = "map"
        fields["bayes_chains"] = "0"
        let refused = try await post("/run", fields, session)
        #expect(refused.status == 400)
        #expect(refused.text.contains("bayes_chains: must be at least 1 (got 0)"), "\(refused.text.suffix(800))")
        #expect(refused.text.contains(#"name="bayes_chains" type="number" value="0" aria-describedby="f-bayes_chains-help" aria-invalid="true""#))
        #expect(refused.text.contains(#"<option value="bayes" selected>"#))  // the choice is kept

        fields["bayes_chains"] = "1"
        fields["bayes_draws"] = "40"
        #expect(fields["bayes_target_accept"] == "0.8" && fields["bayes_baseline"] == "joint" && fields["bayes_range_prior"] == "bounded")
        fields["bayes_target_accept"] = "1.5"
        let badAccept = try await post("/run", fields, session)
        #expect(badAccept.status == 400 && badAccept.text.contains("bayes_target_accept: must be in (0, 1)"), "\(badAccept.text.suffix(600))")
        fields["bayes_target_accept"] = "0.9"
        fields["bayes_baseline"] = "prophet"
        fields["bayes_range_prior"] = "matched"
        let started = try await post("/run", fields, session)
        #expect(started.status == 303, "\(started.text.suffix(800))")
        let id = try #require(started.header("location")?.firstMatch(of: /^\/runs\/([A-Za-z0-9_.-]+)$/)?.1)
        let events = try await fixture.events(String(id))
        #expect(events.last?.1["state"] as? String == "SUCCEEDED", "\(events.last.map { "\($0.1)" } ?? "no events")")
        let summary = try Data(contentsOf: fixture.store.appendingPathComponent("\(id)/model_summary.json"))
        let engine = (try JSONSerialization.jsonObject(with: summary) as? [String: Any])?["engine"] as? [String: Any]
        #expect(engine?["name"] as? String == "mmm-trainer-bayes")
        let diagnostics = try Data(contentsOf: fixture.store.appendingPathComponent("\(id)/posterior_diagnostics.json"))
        let settings = (try JSONSerialization.jsonObject(with: diagnostics) as? [String: Any])?["settings"] as? [String: Any]
        #expect(settings?["target_accept"] as? Double == 0.9 && settings?["baseline"] as? String == "prophet")
        #expect(settings?["range_prior"] as? String == "matched" && settings?["draws"] as? Int == 40, "\(settings ?? [:])")
    }

    /// POSTs a form as a browser does (urlencoded).
    private func post(_ path: String, _ fields: [String: String], _ session: PageSession) async throws -> TestResponse {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let body = fields.sorted { $0.key < $1.key }.map {
            "\($0.key.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
        return try await TestHTTP.shared.send(
            "POST", session.fixture.base + path,
            headers: ["Cookie": "mmm_session=" + session.cookie, "Content-Type": "application/x-www-form-urlencoded"], body: Data(body.utf8))
    }

    /// The values a browser would submit from the run form: inputs, selected options, textareas.
    static func formFields(_ html: String) throws -> [String: String] {
        let form = try #require(html.firstMatch(of: /<form method="post" action="\/run"[\s\S]*?<\/form>/)?.output)
        var fields: [String: String] = [:]
        for match in form.matches(of: /<input id="[^"]*" name="([^"]+)" type="[^"]*" value="([^"]*)"/) {
            fields[String(match.1)] = unescape(String(match.2))
        }
        for match in form.matches(of: /<select id="[^"]*" name="([^"]+)"[^>]*>(.*?)<\/select>/) {
            fields[String(match.1)] = match.2.firstMatch(of: /<option value="([^"]*)" selected>/).map { unescape(String($0.1)) } ?? ""
        }
        for match in form.matches(of: /<textarea id="[^"]*" name="([^"]+)"[^>]*>([^<]*)<\/textarea>/) {
            fields[String(match.1)] = unescape(String(match.2))
        }
        return fields
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
