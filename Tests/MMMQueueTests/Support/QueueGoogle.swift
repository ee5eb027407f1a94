import Foundation
import MMMCloud
import MMMQueue
import MMMTestSupport
import MMMTransport

/// The Python fake of Google's APIs (`Tests/Fixtures/gcp/fake_google.py`: Cloud Run Admin v2 and a metadata server
/// that hands out tokens), started once per test process.
final class QueueGoogle: Sendable {
    static let shared = SharedResource<QueueGoogle> { try await QueueGoogle() }
    let server: PythonServer

    private init() async throws {
        server = try await PythonServer(script: "fake_google.py", fixtures: "gcp", arguments: ["--watch-stdin"],
                                        exitWhenTestsExit: true)
    }

    /// The shared fake, or nil after a loud SKIPPED line when Python's `cryptography` is missing.
    static func get() async throws -> QueueGoogle? {
        do {
            return try await shared.get()
        } catch let error as PythonServer.Unavailable {
            skipped("Google API fakes: \(error.reason)")
            return nil
        }
    }

    var base: String { "http://127.0.0.1:\(server.port)" }

    /// Credentials from the fake metadata server, and the Cloud Run endpoint pointing at the fake.
    var environment: GoogleCloudEnvironment {
        GoogleCloudEnvironment(
            variables: ["GCE_METADATA_HOST": "127.0.0.1:\(server.port)", "GCE_METADATA_IP": "127.0.0.1:\(server.port)",
                        "MMM_RUN_ENDPOINT": base],
            homeDirectory: "/nonexistent-home")
    }

    /// A Cloud Run client for the fake.
    func client() async throws -> CloudRunClient {
        let options = GoogleCredentialsOptions(client: fastClientOptions())
        let credentials = try await GoogleCredentials.discover(environment: environment, options: options)
        return CloudRunClient(credentials: credentials, endpoints: try GoogleEndpoints(environment: environment),
                              options: fastClientOptions())
    }

    /// Creates a Cloud Run job in the fake; its environment steers the fake executions (`FAKE_POLLS`,
    /// `FAKE_FAILED_TASKS`, `FAKE_HANG`).
    func newJob(env: [String: String] = [:]) async throws -> CloudRunJobName {
        let name = try CloudRunJobName(project: "fake-project", location: "europe-west1",
                                       job: "worker-" + UUID().uuidString.lowercased().prefix(8))
        let body = try JSONSerialization.data(withJSONObject: ["name": name.resourceName, "taskCount": 1, "env": env])
        let response = try await URLSessionTransport().send(HTTPRequest(
            method: .post, url: URL(string: base + "/_fake/run/jobs") ?? server.baseURL,
            headers: ["Content-Type": "application/json"], body: body))
        guard response.statusCode == 200 else { throw QueueRuntimeError("creating a fake job: HTTP \(response.statusCode)") }
        return name
    }
}
