import Foundation
import MMMCore
import MMMServe
import MMMTestSupport
import Testing

/// The runs API end to end: the demo trained by a worker process, its events, files, and decisions.
struct RunsAPITests {
    @Test func aSubmittedRunTrainsAndStreamsProgressThenItsFinalState() async throws {
        let fixture = try await ServeFixture.shared.get()
        let id = try await ServeFixture.trainedRun.get()
        let events = try await fixture.events(id)
        // A finished run replays its last progress and then the final state, which always comes last.
        #expect(events.last?.0 == "state")
        #expect(events.last?.1["state"] as? String == "SUCCEEDED")
        let progress = events.filter { $0.0 == "progress" }.map(\.1)
        #expect(!progress.isEmpty)
        #expect(progress.last?["done"] as? Int == progress.last?["total"] as? Int)
        let status = try await TestHTTP.shared.get(fixture.base + "/v1/runs/\(id)", headers: try fixture.bearer())
        #expect(status.status == 200)
        #expect(status.json["state"] as? String == "SUCCEEDED")
        #expect(status.json["run_id"] as? String == id)
        // The worker wrote the run folder into the store.
        #expect(FileManager.default.fileExists(atPath: fixture.store.appendingPathComponent("\(id)/model.json").path))
    }

    @Test func runsAreListedAndFiltered() async throws {
        let fixture = try await ServeFixture.shared.get()
        let id = try await ServeFixture.trainedRun.get()
        let headers = try fixture.bearer()
        func ids(_ query: String) async throws -> [String] {
            let response = try await TestHTTP.shared.get(fixture.base + "/v1/runs" + query, headers: headers)
            #expect(response.status == 200)
            return (response.json["runs"] as? [[String: Any]] ?? []).compactMap { $0["run_id"] as? String }
        }
        #expect(try await ids("").contains(id))
        #expect(try await ids("?country=de").contains(id))
        #expect(try await ids("?country=DE&state=SUCCEEDED").contains(id))
        #expect(try await !ids("?country=fr").contains(id))
        #expect(try await !ids("?state=FAILED").contains(id))
        let bad = try await TestHTTP.shared.get(fixture.base + "/v1/runs?state=DONE", headers: headers)
        #expect(bad.status == 400)
        #expect(bad.errorField == "state")
    }

    @Test func artifactsAreServedAndNothingOutsideTheFolder() async throws {
        let fixture = try await ServeFixture.shared.get()
        let id = try await ServeFixture.trainedRun.get()
        let headers = try fixture.bearer()
        let summary = try await TestHTTP.shared.get(fixture.base + "/v1/runs/\(id)/artifacts/model_summary.json", headers: headers)
        #expect(summary.status == 200)
        #expect(summary.header("content-type") == "application/json")
        let onDisk = try Data(contentsOf: fixture.store.appendingPathComponent("\(id)/model_summary.json"))
        #expect(summary.body == onDisk)
        let report = try await TestHTTP.shared.get(fixture.base + "/v1/runs/\(id)/artifacts/report.html", headers: headers)
        #expect(report.status == 200)
        #expect(report.header("content-security-policy")?.contains("sandbox") == true)
        // A secret next to the store and a file of another folder must stay out of reach.
        try Data("secret".utf8).write(to: fixture.directory.appendingPathComponent("secret.txt"))
        let attempts = [
            "/v1/runs/\(id)/artifacts/..%2F..%2Fsecret.txt", "/v1/runs/\(id)/artifacts/%2e%2e/%2e%2e/secret.txt",
            "/v1/runs/\(id)/artifacts/..%252F..%252Fsecret.txt", "/v1/runs/\(id)/artifacts/%2Fetc%2Fpasswd",
            "/v1/runs/\(id)/artifacts/.//..//..//secret.txt", "/v1/runs/..%2F/artifacts/secret.txt",
            "/v1/runs/%2e%2e/artifacts/secret.txt", "/v1/runs/\(id)/artifacts/no_such_file.csv",
            "/v1/runs/\(id)/artifacts/", "/v1/runs/\(id)/artifacts/model_summary.json%00.txt",
        ]
        for path in attempts {
            let response = try await TestHTTP.shared.get(fixture.base + path, headers: headers)
            #expect(response.status == 404, "\(path) answered \(response.status)")
            #expect(!response.text.contains("secret") || response.text.contains("no file"), "\(path) leaked: \(response.text)")
            #expect(response.error["code"] as? String == "not_found", "\(path): \(response.text)")
        }
        let missing = try await TestHTTP.shared.get(fixture.base + "/v1/runs/no-such-run", headers: headers)
        #expect(missing.status == 404)
        #expect(missing.error["code"] as? String == "not_found")
    }

    @Test func allocateAndResponseAnswerAsTheCommandLineDoes() async throws {
        let fixture = try await ServeFixture.shared.get()
        let id = try await ServeFixture.trainedRun.get()
        let headers = try fixture.bearer()
        let runFolder = fixture.store.appendingPathComponent(id).path
        let cases: [([String: Any], [String])] = [
            (["budget": 120_000], ["--budget", "120000"]),
            (["target_roas": 2.5, "date_range": "all"], ["--target-roas", "2.5", "--date-range", "all"]),
            ([:], []),
        ]
        for (body, flags) in cases {
            let api = try await TestHTTP.shared.postJSON(fixture.base + "/v1/runs/\(id)/allocate", body, headers: headers)
            #expect(api.status == 200, "\(body): \(api.text)")
            let cli = try await ProcessRunner.runOffPool(ServeFixture.cli, ["allocate", "--run", runFolder, "--json"] + flags)
            #expect(cli.code == 0, "\(cli.stderr)")
            #expect(api.body == cli.stdoutData, "allocate \(body) differs from mmm-cli allocate --json \(flags)")
        }
        let point = try await TestHTTP.shared.postJSON(
            fixture.base + "/v1/runs/\(id)/response", ["channel": "tv_S", "spend": 25_000], headers: headers)
        #expect(point.status == 200)
        let cli = try await ProcessRunner.runOffPool(
            ServeFixture.cli, ["response", "--run", runFolder, "--channel", "tv_S", "--spend", "25000", "--json"])
        #expect(point.body == cli.stdoutData)
    }

    @Test func decisionInputErrorsNameTheJSONPath() async throws {
        let fixture = try await ServeFixture.shared.get()
        let id = try await ServeFixture.trainedRun.get()
        let headers = try fixture.bearer()
        let allocate = fixture.base + "/v1/runs/\(id)/allocate"
        let cases: [([String: Any], String)] = [
            (["budgt": 1], "$.budgt"), (["budget": -1], "$.budget"), (["budget": "lots"], "$.budget"),
            (["target_cpa": 3], "$.target_cpa"), (["bounds": ["default": [2, 1]]], "$.bounds.default"),
            (["bounds": ["defaults": [0.5, 2]]], "$.bounds.defaults"), (["date_range": "yesterday"], "$.date_range"),
            (["model": "9_9_9"], "$.model"),
        ]
        for (body, field) in cases {
            let response = try await TestHTTP.shared.postJSON(allocate, body, headers: headers)
            #expect(response.status == 400, "\(body): \(response.status) \(response.text)")
            #expect(response.errorField == field, "\(body): \(response.text)")
            #expect(Set(response.error.keys) == ["code", "message", "field"])
        }
        let channel = try await TestHTTP.shared.postJSON(
            fixture.base + "/v1/runs/\(id)/response", ["channel": "radio_S", "spend": 1], headers: headers)
        #expect(channel.status == 400)
        #expect(channel.errorField == "$.channel")
        var text = headers
        text["Content-Type"] = "text/plain"
        let wrongType = try await TestHTTP.shared.send("POST", allocate, headers: text, body: Data("{}".utf8))
        #expect(wrongType.status == 415)
        #expect(wrongType.error["code"] as? String == "unsupported_media_type")
        var json = headers
        json["Content-Type"] = "application/json"
        let huge = try await TestHTTP.shared.send("POST", allocate, headers: json, body: Data(repeating: 0x20, count: 1_100_000))
        #expect(huge.status == 413)
        let unknown = try await TestHTTP.shared.postJSON(fixture.base + "/v1/runs/nope/allocate", ["budget": 1], headers: headers)
        #expect(unknown.status == 404)
    }
}
