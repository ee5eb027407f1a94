import Foundation
import MMMCore
import MMMParquet
import MMMServe
import MMMTestSupport
import Testing

/// `POST /v1/runs`: what is refused (400 with the JSON path, 413, 415) and concurrent submissions.
struct SubmissionTests {
    @Test func badConfigsAreRefusedNamingTheJSONPath() async throws {
        let fixture = try await ServeFixture.shared.get()
        let data = try ServeFixture.demoData
        let cases: [(Data, String)] = [
            (try ServeFixture.demoConfig { $0["adstock"] = "exponential" }, "$.adstock"),
            (try ServeFixture.demoConfig { $0["iteratons"] = 10 }, "$.iteratons"),
            (try ServeFixture.demoConfig { $0["holidays_path"] = "/etc/passwd" }, "$.holidays_path"),
            (try ServeFixture.demoConfig { $0["output_location"] = "/tmp/elsewhere" }, "$.output_location"),
            (try ServeFixture.demoConfig { $0["data_path"] = "/etc/hosts" }, "$.data_path"),
            (try ServeFixture.demoConfig { $0["calibration_input"] = "/etc/lift.csv" }, "$.calibration_input"),
            (Data("{not json".utf8), "$"),
        ]
        for (config, field) in cases {
            let response = try await fixture.submit(config: config, data: data)
            #expect(response.status == 400, "\(field): \(response.status) \(response.text)")
            #expect(response.errorField == field, "\(response.text)")
            #expect(response.error["code"] as? String == "invalid_config")
        }
        let noData = try await fixture.submit(config: try ServeFixture.demoConfig())
        #expect(noData.status == 400)
        #expect(noData.errorField == "data")
        let unknownPart = try await fixture.submit(config: try ServeFixture.demoConfig(), data: data, extra: [("notes", Data("x".utf8))])
        #expect(unknownPart.status == 400)
        #expect(unknownPart.errorField == "notes")
        let localURI = try await fixture.submit(config: try ServeFixture.demoConfig(), extra: [("data_uri", Data("/etc/hosts".utf8))])
        #expect(localURI.status == 400)
        #expect(localURI.errorField == "data_uri")
    }

    @Test func jsonSubmissionsAreStrict() async throws {
        let fixture = try await ServeFixture.shared.get()
        let headers = try fixture.bearer()
        let config = try JSONSerialization.jsonObject(with: try ServeFixture.demoConfig())
        let cases: [([String: Any], String)] = [
            (["config": config, "data_uri": "gs://bucket/data.csv", "priority": 1], "$.priority"),
            (["config": config], "$.data_uri"),
            (["config": config, "data_uri": "/etc/hosts"], "$.data_uri"),
            (["config": config, "data_uri": "gs:/bucket"], "$.data_uri"),
        ]
        for (body, field) in cases {
            let response = try await TestHTTP.shared.postJSON(fixture.base + "/v1/runs", body, headers: headers)
            #expect(response.status == 400, "\(body.keys): \(response.text)")
            #expect(response.errorField == field, "\(response.text)")
        }
        var badConfig = try #require(config as? [String: Any])
        badConfig["dep_var_type"] = "profit"
        let nested = try await TestHTTP.shared.postJSON(fixture.base + "/v1/runs", ["config": badConfig, "data_uri": "gs://b/d.csv"], headers: headers)
        #expect(nested.status == 400)
        #expect(nested.errorField == "$.config.dep_var_type")
        var duplicate = headers
        duplicate["Content-Type"] = "application/json"
        let twice = try await TestHTTP.shared.send(
            "POST", fixture.base + "/v1/runs", headers: duplicate, body: Data(#"{"data_uri": "gs://b/a.csv", "data_uri": "gs://b/b.csv"}"#.utf8))
        #expect(twice.status == 400)
    }

    @Test func wrongMediaTypeAndOversizeUploadsAreRefused() async throws {
        let fixture = try await ServeFixture.shared.get()
        var headers = try fixture.bearer()
        headers["Content-Type"] = "text/csv"
        let csv = try await TestHTTP.shared.send("POST", fixture.base + "/v1/runs", headers: headers, body: try ServeFixture.demoData)
        #expect(csv.status == 415)
        #expect(csv.error["code"] as? String == "unsupported_media_type")
        // The shared server allows 2 MB; 3 MB of data is refused, and nothing is left behind.
        let big = Data(repeating: UInt8(ascii: "1"), count: 3 * 1024 * 1024)
        let response = try await fixture.submit(config: try ServeFixture.demoConfig(), data: big)
        #expect(response.status == 413)
        #expect(response.error["code"] as? String == "too_large")
        let uploads = fixture.directory.appendingPathComponent("work/uploads")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: uploads.path).filter { name in
            FileManager.default.fileExists(atPath: uploads.appendingPathComponent("\(name)/request.body").path)
        }
        #expect(leftovers.isEmpty)
    }

    @Test func concurrentSubmissionsEachGetTheirOwnRun() async throws {
        let fixture = try await ServeFixture.shared.get()
        let config = try ServeFixture.demoConfig(iterations: 10, trials: 1)
        let data = try ServeFixture.demoData
        let ids = try await withThrowingTaskGroup(of: String?.self) { group in
            for _ in 0..<6 {
                group.addTask {
                    let response = try await fixture.submit(config: config, data: data)
                    return response.status == 202 ? response.json["run_id"] as? String : nil
                }
            }
            var ids: [String] = []
            for try await id in group { if let id { ids.append(id) } }
            return ids
        }
        #expect(ids.count == 6)
        #expect(Set(ids).count == 6)
        let states = try await withThrowingTaskGroup(of: String?.self) { group in
            for id in ids { group.addTask { try await fixture.events(id).last?.1["state"] as? String } }
            var states: [String] = []
            for try await state in group { states.append(state ?? "none") }
            return states
        }
        #expect(states == Array(repeating: "SUCCEEDED", count: 6))
        for id in ids {
            let status = try Data(contentsOf: fixture.store.appendingPathComponent("\(id)/status.json"))
            #expect(String(decoding: status, as: UTF8.self).contains("\"run_id\" : \"\(id)\""))
        }
    }

    @Test func aParquetUploadTrains() async throws {
        let fixture = try await ServeFixture.shared.get()
        let table = try CSVReader().read(path: ServeFixture.path("Examples/data/dt_simulated_weekly.csv"))
        let parquet = Data(try ParquetWriter().bytes(for: table))
        let response = try await fixture.submit(
            config: try ServeFixture.demoConfig(), data: parquet, dataFile: ("weekly.parquet", "application/vnd.apache.parquet"))
        #expect(response.status == 202, "\(response.text)")
        let id = try #require(response.json["run_id"] as? String)
        let events = try await fixture.events(id)
        #expect(events.last?.1["state"] as? String == "SUCCEEDED", "\(events.last.map { "\($0.1)" } ?? "none")")
        let log = try await TestHTTP.shared.get(fixture.base + "/v1/runs/\(id)/artifacts/console.log", headers: try fixture.bearer())
        #expect(log.text.contains("read 208 rows"))
        #expect(log.text.contains(".parquet"))
    }
}
