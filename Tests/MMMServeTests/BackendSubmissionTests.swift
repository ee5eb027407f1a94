import Foundation
import MMMCore
import MMMJobs
import MMMQueue
import MMMServe
import MMMTestSupport
import Testing

/// `POST /v1/runs` with `backend` and `bayes`: a Bayesian run trains through the real `mmm-cli` worker, the worker's
/// command line carries the backend's flags, queue jobs carry them, and bad choices are 400s naming the JSON path.
struct BackendSubmissionTests {
    @Test(.timeLimit(.minutes(10)))
    func aBayesianMAPRunTrainsWithTheBayesianBackend() async throws {
        let fixture = try await ServeFixture.shared.get()
        let response = try await fixture.submit(
            config: try ServeFixture.demoConfig(), data: try ServeFixture.demoData,
            extra: [("backend", Data("bayes".utf8)), ("bayes", Data(#"{"inference": "map", "chains": 1, "draws": 40}"#.utf8))])
        #expect(response.status == 202, "\(response.text)")
        let id = try #require(response.json["run_id"] as? String)
        let events = try await fixture.events(id)
        #expect(events.last?.1["state"] as? String == "SUCCEEDED", "\(events.last.map { "\($0.1)" } ?? "no events")")
        let summary = try await TestHTTP.shared.get(fixture.base + "/v1/runs/\(id)/artifacts/model_summary.json", headers: try fixture.bearer())
        #expect(summary.status == 200)
        #expect((summary.json["engine"] as? [String: Any])?["name"] as? String == "mmm-trainer-bayes", "\(summary.text.prefix(400))")
        let posterior = try await TestHTTP.shared.get(fixture.base + "/v1/runs/\(id)/artifacts/posterior.csv", headers: try fixture.bearer())
        #expect(posterior.status == 200)
        #expect(posterior.text.hasPrefix("name,channel,mean,sd,q05,q50,q95"), "\(posterior.text.prefix(200))")
        // The run page names the engine.
        let page = try await TestHTTP.shared.get(fixture.base + "/runs/\(id)", headers: try fixture.bearer())
        #expect(page.text.contains("<dt>Engine</dt><dd>mmm-trainer-bayes</dd>"))
    }

    @Test func badBackendChoicesAreRefusedNamingTheJSONPath() async throws {
        let fixture = try await ServeFixture.shared.get()
        let headers = try fixture.bearer()
        let config = try JSONSerialization.jsonObject(with: try ServeFixture.demoConfig())
        let base: [String: Any] = ["config": config, "data_uri": "gs://bucket/data.csv"]
        let cases: [([String: Any], String)] = [
            (["backend": "stan"], "$.backend"),
            (["backend": 3], "$.backend"),
            (["bayes": ["inference": "map"]], "$.bayes"),
            (["backend": "native", "bayes": [String: Any]()], "$.bayes"),
            (["backend": "bayes", "bayes": ["chains": 0]], "$.bayes.chains"),
            (["backend": "bayes", "bayes": ["chain": 2]], "$.bayes.chain"),
            (["backend": "bayes", "bayes": ["inference": "hmc"]], "$.bayes.inference"),
            (["backend": "bayes", "bayes": ["target_accept": 1.5]], "$.bayes.target_accept"),
            (["backend": "bayes", "bayes": ["warmup": 5]], "$.bayes.warmup"),
        ]
        for (extra, field) in cases {
            let body = base.merging(extra) { $1 }
            let response = try await TestHTTP.shared.postJSON(fixture.base + "/v1/runs", body, headers: headers)
            #expect(response.status == 400, "\(extra): \(response.text)")
            #expect(response.errorField == field, "\(extra): \(response.text)")
        }
        // The multipart parts are checked the same way, before anything is queued.
        let parts: [([(String, Data)], String)] = [
            ([("backend", Data("stan".utf8))], "$.backend"),
            ([("bayes", Data(#"{"inference": "map"}"#.utf8))], "$.bayes"),
            ([("backend", Data("bayes".utf8)), ("bayes", Data(#"{"chains": 0}"#.utf8))], "$.bayes.chains"),
            ([("backend", Data("bayes".utf8)), ("bayes", Data(#"{"draws": 10, "seed": 1}"#.utf8))], "$.bayes.seed"),
            ([("backend", Data("bayes".utf8)), ("bayes", Data("chains=2".utf8))], "$.bayes"),
        ]
        for (extra, field) in parts {
            let response = try await fixture.submit(config: try ServeFixture.demoConfig(), data: try ServeFixture.demoData, extra: extra)
            #expect(response.status == 400, "\(extra.map(\.0)): \(response.text)")
            #expect(response.errorField == field, "\(response.text)")
        }
    }

    @Test func theWorkerCommandLineCarriesTheBackendAndItsSettings() async throws {
        let directory = try TemporaryDirectory.make("mmm-argv-worker")
        let script = directory.appendingPathComponent("record.sh")
        // Records its arguments (one per line) in a file named by the run id, then exits without a run folder.
        try Data("#!/bin/sh\nwhile [ \"$1\" != --run-id ]; do shift; done\nout=\"\(directory.path)/$2.argv\"\nshift 2\nprintf '%s\\n' \"$@\" > \"$out\"\nexit 1\n".utf8)
            .write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let fixture = try await ServeFixture.start(workerExecutable: script.path, oauth: false)
        defer { Task { await fixture.handle.shutdown() } }

        func argumentsAfterRunId(_ response: TestResponse) async throws -> [String] {
            let id = try #require(response.json["run_id"] as? String, "\(response.text)")
            let events = try await fixture.events(id)
            #expect(events.last?.1["state"] as? String == "FAILED")
            let text = try String(contentsOf: directory.appendingPathComponent("\(id).argv"), encoding: .utf8)
            return text.split(separator: "\n").map(String.init)
        }
        let bayes = try await fixture.submit(
            config: try ServeFixture.demoConfig(), data: try ServeFixture.demoData,
            extra: [("backend", Data("bayes".utf8)), ("bayes", Data(#"{"inference": "map", "chains": 2, "draws": 30, "target_accept": 0.9}"#.utf8))])
        #expect(
            try await argumentsAfterRunId(bayes) == [
                "--threads", "1", "--backend", "bayes", "--inference", "map", "--chains", "2", "--warmup", "1000", "--draws", "30",
                "--target-accept", "0.9", "--baseline", "joint", "--range-prior", "bounded",
            ])
        // JSON bodies too; bayes without settings runs on the backend's defaults (spelled out).
        let config = try JSONSerialization.jsonObject(with: try ServeFixture.demoConfig())
        let json = try await TestHTTP.shared.postJSON(
            fixture.base + "/v1/runs", ["config": config, "data_uri": "gs://bucket/data.csv", "backend": "bayes"], headers: try fixture.bearer())
        #expect(
            try await argumentsAfterRunId(json) == [
                "--threads", "1", "--backend", "bayes", "--inference", "nuts", "--chains", "4", "--warmup", "1000", "--draws", "1000",
                "--target-accept", "0.8", "--baseline", "joint", "--range-prior", "bounded",
            ])
        let robyn = try await fixture.submit(config: try ServeFixture.demoConfig(), data: try ServeFixture.demoData, extra: [("backend", Data("robyn".utf8))])
        #expect(try await argumentsAfterRunId(robyn) == ["--threads", "1", "--backend", "robyn"])
        let native = try await fixture.submit(config: try ServeFixture.demoConfig(), data: try ServeFixture.demoData)
        #expect(try await argumentsAfterRunId(native) == ["--threads", "1"])
    }

    @Test(.timeLimit(.minutes(5)))
    func aRobynRunWithoutRFailsSayingWhy() async throws {
        var environment = ProcessInfo.processInfo.environment
        environment["MMM_RSCRIPT"] = "/nonexistent/Rscript"
        let fixture = try await ServeFixture.start(workers: 1, oauth: false, workerEnvironment: environment)
        defer { Task { await fixture.handle.shutdown() } }
        let response = try await fixture.submit(
            config: try ServeFixture.demoConfig(), data: try ServeFixture.demoData, extra: [("backend", Data("robyn".utf8))])
        #expect(response.status == 202, "\(response.text)")
        let id = try #require(response.json["run_id"] as? String)
        let final = try #require(try await fixture.events(id).last)
        #expect(final.1["state"] as? String == "FAILED")
        let message = final.1["message"] as? String ?? ""
        #expect(message.contains("MMM_RSCRIPT=/nonexistent/Rscript is not an executable file"), "\(message)")
    }

    @Test func queueJobsCarryTheBackendAndItsSettings() async throws {
        let root = try TemporaryDirectory.make("mmm-serve-queue").appendingPathComponent("queues").path
        let fixture = try await ServeFixture.start(oauth: false, queueRoot: root)
        defer { Task { await fixture.handle.shutdown() } }
        let queue = JobQueue(store: LocalQueueStore(root: root, queue: "web"), name: "web")
        let config = try JSONSerialization.jsonObject(with: try ServeFixture.demoConfig())
        let bayes = try await TestHTTP.shared.postJSON(
            fixture.base + "/v1/runs",
            ["config": config, "data_uri": "gs://bucket/data.csv", "backend": "bayes", "bayes": ["inference": "map", "draws": 40, "baseline": "prophet"]],
            headers: try fixture.bearer())
        #expect(bayes.status == 202, "\(bayes.text)")
        let bayesId = try #require(bayes.json["run_id"] as? String)
        let bayesJob = try #require(try await QueueServeTests.waitForJob(bayesId, in: queue))
        var expected = BayesSettings()
        expected.inference = .map
        expected.draws = 40
        expected.baseline = .prophet
        #expect(bayesJob.spec.backend == "bayes")
        #expect(bayesJob.spec.bayes == expected)

        let native = try await fixture.submit(config: try ServeFixture.demoConfig(), data: try ServeFixture.demoData)
        let nativeId = try #require(native.json["run_id"] as? String)
        let nativeJob = try #require(try await QueueServeTests.waitForJob(nativeId, in: queue))
        #expect(nativeJob.spec.backend == "native")
        #expect(nativeJob.spec.bayes == nil)
    }
}
