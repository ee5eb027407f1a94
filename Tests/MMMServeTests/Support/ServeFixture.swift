import Foundation
import MMMCore
import MMMServe
import MMMTestSupport
import MMMTransport

/// A server started in the test process, with runs trained by the built `mmm-cli` in worker processes, signing in
/// against the test issuer.
struct ServeFixture: Sendable {
    let handle: ServeHandle
    let directory: URL
    let issuer: TestIssuer

    var base: String { handle.baseURL }
    var store: URL { directory.appendingPathComponent("runs") }

    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The built `mmm-cli` (SwiftPM builds it because this target depends on it).
    static var cli: String { BuiltExecutable.path("mmm-cli", repoRoot: repoRoot) }

    static func path(_ relative: String) -> String { repoRoot.appendingPathComponent(relative).path }

    /// One server shared by the API tests (two workers, 1 thread each, a 2 MB upload limit).
    static let shared = SharedResource { try await ServeFixture.start() }

    /// Starts a server.
    static func start(
        workers: Int = 2, maxUploadBytes: Int = 2 * 1024 * 1024, workerExecutable: String? = nil, metricsToken: String? = nil,
        oauth: Bool = true, devAuth: Bool = true, domains: [String] = ["example.com"], issuer given: TestIssuer? = nil,
        queueRoot: String? = nil, workerEnvironment: [String: String]? = nil
    ) async throws -> ServeFixture {
        let issuer: TestIssuer
        if let given { issuer = given } else { issuer = try await TestIssuer.shared.get() }
        let directory = try TemporaryDirectory.make("mmm-serve-tests")
        var configuration = ServeConfiguration(
            workDirectory: directory.appendingPathComponent("work").path, workerExecutable: workerExecutable ?? cli)
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.store = directory.appendingPathComponent("runs").path
        configuration.workers = workers
        configuration.queueRoot = queueRoot
        if let workerEnvironment { configuration.workerEnvironment = workerEnvironment }
        configuration.queuePollSeconds = 0.3
        configuration.threadsPerRun = 1
        configuration.maxUploadBytes = maxUploadBytes
        configuration.metricsToken = metricsToken.map { SecretValue($0) }
        configuration.auth.issuer = issuer.url
        configuration.auth.audience = TestIssuer.audience
        configuration.auth.allowedDomains = domains
        configuration.auth.devAuth = devAuth
        if oauth {
            configuration.auth.oauthClientID = TestIssuer.clientID
            configuration.auth.oauthClientSecret = SecretValue(TestIssuer.clientSecret)
        }
        let handle = try await ServeServer.start(configuration)
        return ServeFixture(handle: handle, directory: directory, issuer: issuer)
    }

    /// `Authorization` for a valid token of `email`.
    func bearer(_ email: String = "ana@example.com") throws -> [String: String] {
        ["Authorization": "Bearer " + (try issuer.token(issuer.claims(email: email)))]
    }

    /// The demo job config at small counts, as JSON bytes.
    static func demoConfig(iterations: Int = 40, trials: Int = 2, edit: (inout [String: Any]) -> Void = { _ in }) throws -> Data {
        let data = try Data(contentsOf: URL(fileURLWithPath: path("Examples/configs/demo_job_config.json")))
        var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        object["iterations"] = iterations
        object["trials"] = trials
        object.removeValue(forKey: "output_location")
        object.removeValue(forKey: "threads")
        edit(&object)
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    static var demoData: Data {
        get throws { try Data(contentsOf: URL(fileURLWithPath: path("Examples/data/dt_simulated_weekly.csv"))) }
    }

    /// POSTs a multipart run.
    func submit(
        config: Data, data: Data? = nil, dataFile: (name: String, type: String) = ("data.csv", "text/csv"),
        headers: [String: String]? = nil, extra: [(String, Data)] = []
    ) async throws -> TestResponse {
        var form = Multipart()
        form.add("config", config, filename: "job_config.json", contentType: "application/json")
        if let data { form.add("data", data, filename: dataFile.name, contentType: dataFile.type) }
        for (name, value) in extra { form.add(name, value) }
        var all = try headers ?? bearer()
        all["Content-Type"] = form.contentType
        return try await TestHTTP.shared.send("POST", base + "/v1/runs", headers: all, body: form.finished())
    }

    /// Follows a run's event stream to its end and returns the events (name, JSON data) in order.
    func events(_ runId: String) async throws -> [(String, [String: Any])] {
        let response = try await TestHTTP.shared.get(base + "/v1/runs/\(runId)/events", headers: try bearer())
        var events: [(String, [String: Any])] = []
        for frame in response.text.components(separatedBy: "\n\n") {
            var name: String?
            var data: String?
            for line in frame.split(separator: "\n") {
                if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
            }
            if let name, let data, let object = try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any] {
                events.append((name, object))
            }
        }
        return events
    }

    /// A trained demo run shared by the tests that read one.
    static let trainedRun = SharedResource { () async throws -> String in
        let fixture = try await shared.get()
        let response = try await fixture.submit(config: try demoConfig(), data: try demoData)
        guard response.status == 202, let id = response.json["run_id"] as? String else {
            throw FixtureError(description: "submit answered \(response.status): \(response.text)")
        }
        let events = try await fixture.events(id)
        guard events.last?.1["state"] as? String == "SUCCEEDED" else {
            throw FixtureError(description: "the demo run did not succeed: \(events.last.map { "\($0.1)" } ?? "no events")")
        }
        return id
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
}
