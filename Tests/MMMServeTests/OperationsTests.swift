import Foundation
import MMMCore
import MMMServe
import MMMTestSupport
import Testing

/// Metrics, health, the OpenAPI document against the router, a crashing worker, and the command's own rules.
struct OperationsTests {
    @Test func metricsCountRequestsAndRuns() async throws {
        let fixture = try await ServeFixture.shared.get()
        _ = try await ServeFixture.trainedRun.get()
        _ = try await TestHTTP.shared.get(fixture.base + "/v1/runs", headers: try fixture.bearer())
        let text = try await TestHTTP.shared.get(fixture.base + "/metrics").text
        #expect(text.contains(#"mmm_http_requests_total{route="/v1/runs",method="POST",status="202"}"#))
        #expect(text.contains(#"mmm_http_requests_total{route="/v1/runs",method="GET",status="200"}"#))
        #expect(text.contains("mmm_http_request_seconds_bucket{le="))
        #expect(text.contains("mmm_queue_depth "))
        #expect(text.contains("mmm_candidates_per_second "))
        let succeeded = text.split(separator: "\n").first { $0.hasPrefix(#"mmm_runs{state="SUCCEEDED"}"#) }
        #expect((succeeded?.split(separator: " ").last.flatMap { Double($0) } ?? 0) >= 1)
        // Route templates only: a raw run id never becomes a label.
        #expect(!text.contains("route=\"/v1/runs/2"))
    }

    @Test func aMetricsTokenProtectsMetrics() async throws {
        let token = "scrape-me-\(UUID().uuidString)"
        let fixture = try await ServeFixture.start(metricsToken: token)
        defer { Task { await fixture.handle.shutdown() } }
        #expect(try await TestHTTP.shared.get(fixture.base + "/metrics").status == 401)
        #expect(try await TestHTTP.shared.get(fixture.base + "/metrics", headers: ["Authorization": "Bearer wrong"]).status == 401)
        #expect(try await TestHTTP.shared.get(fixture.base + "/metrics", headers: ["Authorization": "Bearer " + token]).status == 200)
        #expect(try await TestHTTP.shared.get(fixture.base + "/healthz").status == 200)
    }

    @Test func everyDocumentedOperationIsRoutedAndProtected() async throws {
        let fixture = try await ServeFixture.shared.get()
        let document = try await TestHTTP.shared.get(fixture.base + "/v1/openapi.json", headers: try fixture.bearer())
        #expect(document.status == 200)
        let paths = try #require(document.json["paths"] as? [String: [String: Any]])
        var operations = 0
        for (path, item) in paths {
            let concrete = path.replacingOccurrences(of: "{id}", with: "no-such-id").replacingOccurrences(of: "{name}", with: "x.json")
            for method in item.keys where method != "parameters" {
                operations += 1
                let operation = item[method] as? [String: Any] ?? [:]
                let open = (operation["security"] as? [Any]).map { $0.isEmpty || $0.contains { ($0 as? [String: Any])?.isEmpty == true } } ?? false
                let response = try await TestHTTP.shared.send(method.uppercased(), fixture.base + concrete)
                if open {
                    #expect(response.status == 200, "\(method) \(path)")
                } else {
                    // Routed (not 404/405) and protected.
                    #expect(response.status == 401, "\(method) \(path) answered \(response.status)")
                }
                let responses = operation["responses"] as? [String: Any] ?? [:]
                #expect(open || responses["401"] != nil, "\(method) \(path) does not document 401")
            }
        }
        #expect(operations == 14)
        // And the other way round: routes the document does not know are 404 once signed in.
        let unknown = try await TestHTTP.shared.get(fixture.base + "/v1/models", headers: try fixture.bearer())
        #expect(unknown.status == 404)
        #expect(unknown.error["code"] as? String == "not_found")
    }

    @Test func theOpenAPIDocumentIsValid() async throws {
        let fixture = try await ServeFixture.shared.get()
        let document = try await TestHTTP.shared.get(fixture.base + "/v1/openapi.json", headers: try fixture.bearer())
        let file = try TemporaryDirectory.make("mmm-openapi").appendingPathComponent("openapi.json")
        try document.body.write(to: file)
        let probe = try await ProcessRunner.runOffPool("/usr/bin/env", ["python3", "-c", "import openapi_spec_validator"])
        guard probe.code == 0 else {
            FileHandle.standardError.write(Data("SKIPPED: openapi-spec-validator is not installed (pip install openapi-spec-validator)\n".utf8))
            return
        }
        let script = "import json,sys; from openapi_spec_validator import validate; validate(json.load(open(sys.argv[1]))); print('valid')"
        let result = try await ProcessRunner.runOffPool("/usr/bin/env", ["python3", "-c", script, file.path])
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("valid"))
    }

    /// More running workers than cores must not stall the server: waiting for a child once held one of the few
    /// threads Swift concurrency shares with the global dispatch queues, and two trainings on two cores froze it.
    @Test(.timeLimit(.minutes(3))) func theServerAnswersWhileEveryCoreHasAWorker() async throws {
        let directory = try TemporaryDirectory.make("mmm-slow-worker")
        let script = directory.appendingPathComponent("slow.sh")
        try Data("#!/bin/sh\nexec sleep 60\n".utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let count = ProcessInfo.processInfo.activeProcessorCount + 1
        let fixture = try await ServeFixture.start(workers: count, workerExecutable: script.path)
        defer { Task { await fixture.handle.shutdown() } }
        let started = ContinuousClock.now
        var ids: [String] = []
        for _ in 0..<count {
            let response = try await fixture.submit(config: try ServeFixture.demoConfig(), data: try ServeFixture.demoData)
            ids.append(try #require(response.json["run_id"] as? String))
        }
        let last = try #require(ids.last)
        var state = ""
        for _ in 0..<100 where state != "RUNNING" {
            let status = try await TestHTTP.shared.send("GET", fixture.base + "/v1/runs/\(last)", headers: try fixture.bearer(), timeout: 10)
            state = status.json["state"] as? String ?? ""
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(state == "RUNNING")
        for _ in 0..<5 {
            let health = try await TestHTTP.shared.send("GET", fixture.base + "/healthz", timeout: 10)
            #expect(health.status == 200)
        }
        // A stalled server answers only once the workers (60 s sleeps) end.
        #expect(ContinuousClock.now - started < .seconds(30))
    }

    @Test func aCrashingWorkerFailsItsRunNotTheServer() async throws {
        let directory = try TemporaryDirectory.make("mmm-crash-worker")
        let script = directory.appendingPathComponent("crash.sh")
        try Data("#!/bin/sh\necho 'progress: 1/10 candidates (10%), lowest so far: NRMSE 0.5, DECOMP.RSSD 0.2, ETA 1.0 s' >&2\nkill -9 $$\n".utf8)
            .write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let fixture = try await ServeFixture.start(workerExecutable: script.path)
        defer { Task { await fixture.handle.shutdown() } }
        let response = try await fixture.submit(config: try ServeFixture.demoConfig(), data: try ServeFixture.demoData)
        #expect(response.status == 202)
        let id = try #require(response.json["run_id"] as? String)
        let events = try await fixture.events(id)
        #expect(events.contains { $0.0 == "progress" && $0.1["done"] as? Int == 1 })
        let final = try #require(events.last)
        #expect(final.0 == "state")
        #expect(final.1["state"] as? String == "FAILED")
        #expect(final.1["failed_step"] as? String == "worker")
        #expect((final.1["message"] as? String)?.contains("signal 9") == true)
        // The server answers, and the FAILED status is on disk for every reader.
        #expect(try await TestHTTP.shared.get(fixture.base + "/healthz").status == 200)
        let onDisk = try String(contentsOf: fixture.store.appendingPathComponent("\(id)/status.json"), encoding: .utf8)
        #expect(onDisk.contains("\"FAILED\""))
    }

    @Test func theCommandRefusesUnsafeSettings() async throws {
        let cases: [[String]] = [
            ["serve", "--dev-auth", "--host", "0.0.0.0"],
            ["serve", "--dev-auth", "--host", "192.0.2.1"],
            ["serve"],
            ["serve", "--oidc-issuer", "http://issuer.example.com", "--audience", "a", "--allowed-domains", "example.com"],
            ["serve", "--oidc-issuer", "https://accounts.google.com", "--audience", "a"],
            ["serve", "--oauth-client-id", "x", "--dev-auth"],
            ["serve", "--dev-auth", "--queue-root", "gs://b/q"],
        ]
        for arguments in cases {
            let result = try await ProcessRunner.runOffPool(ServeFixture.cli, arguments)
            #expect(result.code == 2, "\(arguments): \(result.code) \(result.stderr)")
        }
    }

    @Test func sigtermStopsTheServerGracefully() async throws {
        let directory = try TemporaryDirectory.make("mmm-serve-sigterm")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ServeFixture.cli)
        process.arguments = ["serve", "--dev-auth", "--port", "0", "--store", directory.appendingPathComponent("runs").path,
                             "--work-dir", directory.appendingPathComponent("work").path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let lines = LineCollector(errors.fileHandleForReading)
        let listening = try await lines.waitFor(prefix: "serving on ", seconds: 120)
        let base = try #require(listening.firstMatch(of: /http:\/\/127\.0\.0\.1:\d+/)).0
        #expect(try await TestHTTP.shared.get(String(base) + "/healthz").status == 200)
        #expect(lines.all().contains { $0.contains("/auth/dev?token=") })
        kill(process.processIdentifier, SIGTERM)
        let code = await Task.detached { () -> Int32 in
            process.waitUntilExit()
            return process.terminationStatus
        }.value
        #expect(code == 0)
        #expect(process.terminationReason == .exit)
    }
}

/// Collects a pipe's lines on a thread of its own.
final class LineCollector: Sendable {
    private let lines = Locked<[String]>([])

    init(_ handle: FileHandle) {
        let lines = self.lines
        Thread.detachNewThread {
            var pending = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                pending += chunk
                while let newline = pending.firstIndex(of: 0x0A) {
                    let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                    lines.withLock { $0.append(line) }
                    pending = Data(pending[(newline + 1)...])
                }
            }
        }
    }

    func all() -> [String] { lines.withLock { $0 } }

    /// The first line starting with `prefix`, waiting up to `seconds`.
    func waitFor(prefix: String, seconds: Double) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        // Look before giving up: on a loaded machine this task may wake long after the deadline, with the line there.
        while true {
            if let line = all().first(where: { $0.hasPrefix(prefix) }) { return line }
            if Date() >= deadline { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw FixtureError(description: "no line starting with '\(prefix)' within \(seconds) s: \(all())")
    }
}
