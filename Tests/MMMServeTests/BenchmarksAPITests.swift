import Foundation
import MMMCore
import MMMServe
import MMMTestSupport
import Testing

/// `POST /v1/benchmarks` → a worker trains the variants and analyses them → `GET /v1/benchmarks/{id}`.
struct BenchmarksAPITests {
    @Test func aBenchmarkRunsAndReportsItsResults() async throws {
        let fixture = try await ServeFixture.shared.get()
        let config = try Data(contentsOf: URL(fileURLWithPath: ServeFixture.path("Examples/benchmarks/adstock_comparison.json")))
        var form = Multipart()
        form.add("config", config, filename: "adstock_comparison.json")
        form.add("base", try ServeFixture.demoConfig(), filename: "base.json")
        form.add("data", try ServeFixture.demoData, filename: "data.csv")
        form.add("mode", Data("test_run".utf8))
        var headers = try fixture.bearer()
        headers["Content-Type"] = form.contentType
        let accepted = try await TestHTTP.shared.send("POST", fixture.base + "/v1/benchmarks", headers: headers, body: form.finished())
        #expect(accepted.status == 202, "\(accepted.text)")
        let id = try #require(accepted.json["benchmark_id"] as? String)
        #expect((accepted.json["variants"] as? Int ?? 0) >= 1)
        await fixture.handle.waitUntilIdle()
        let result = try await TestHTTP.shared.get(fixture.base + "/v1/benchmarks/\(id)", headers: try fixture.bearer())
        #expect(result.status == 200)
        #expect(result.json["state"] as? String == "SUCCEEDED", "\(result.text)")
        let rows = try #require(result.json["results"] as? [[String: Any]])
        // The trained variant and the naive baseline.
        #expect(rows.count >= 2)
        #expect(rows.contains { $0["state"] as? String == "SUCCEEDED" })
        #expect(rows.contains { $0["variant_id"] as? String == "naive_baseline" })
        #expect(result.json["recommendations"] != nil)
        let report = try #require(result.json["report_url"] as? String)
        let page = try await TestHTTP.shared.get(fixture.base + report, headers: try fixture.bearer())
        #expect(page.status == 200)
        #expect(page.text.contains("<html"))
        let listing = try await TestHTTP.shared.get(fixture.base + "/v1/benchmarks", headers: try fixture.bearer())
        #expect((listing.json["benchmarks"] as? [[String: Any]])?.contains { $0["benchmark_id"] as? String == id } == true)
    }

    @Test func badBenchmarkSubmissionsAreRefused() async throws {
        let fixture = try await ServeFixture.shared.get()
        func post(_ parts: [(String, Data)]) async throws -> TestResponse {
            var form = Multipart()
            for (name, data) in parts { form.add(name, data) }
            var headers = try fixture.bearer()
            headers["Content-Type"] = form.contentType
            return try await TestHTTP.shared.send("POST", fixture.base + "/v1/benchmarks", headers: headers, body: form.finished())
        }
        let base = try ServeFixture.demoConfig()
        let noBase = try await post([("config", Data(#"{"name": "x", "variants": {}}"#.utf8))])
        #expect(noBase.status == 400)
        #expect(noBase.errorField == "base")
        let badDimension = try await post([("config", Data(#"{"name": "x", "variants": {"colour": []}}"#.utf8)), ("base", base)])
        #expect(badDimension.status == 400)
        #expect(badDimension.errorField?.hasPrefix("$.variants") == true, "\(badDimension.text)")
        let badMode = try await post([("config", Data(#"{"name": "x", "variants": {"seed": [{"name": "s1", "seed": 1}]}}"#.utf8)), ("base", base), ("mode", Data("fast".utf8))])
        #expect(badMode.status == 400)
        #expect(badMode.errorField == "mode")
        let unknown = try await TestHTTP.shared.get(fixture.base + "/v1/benchmarks/nope", headers: try fixture.bearer())
        #expect(unknown.status == 404)
    }
}
