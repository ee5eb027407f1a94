import Foundation
import MMMTestSupport
import MMMTransport

/// The Google API fakes (`Tests/Fixtures/gcp/fake_google.py`: token endpoint, Secret Manager) for the CLI, with
/// gcloud-style user credentials (`authorized_user` ADC file) whose refresh token and client secret are random, so
/// tests can grep every output for them. Started once per test process.
final class CLIGoogleFake: Sendable {
    static let shared = SharedResource<CLIGoogleFake> { try await CLIGoogleFake() }
    static let project = "cli-project"

    let server: PythonServer
    let directory: URL
    let refreshToken = "1//refresh-" + UUID().uuidString
    let clientSecret = "client-secret-" + UUID().uuidString
    var credentialsFile: String { directory.appendingPathComponent("adc.json").path }

    private init() async throws {
        server = try await PythonServer(script: "fake_google.py", fixtures: "gcp", arguments: ["--watch-stdin"],
                                        exitWhenTestsExit: true)
        directory = try TemporaryDirectory.make("mmm-cli-google")
        let user = ["client_id": "cli-client", "client_secret": clientSecret, "refresh_token": refreshToken,
                    "subject": "analyst@example.com"]
        let response = try await URLSessionTransport().send(HTTPRequest(
            method: .post, url: server.baseURL.appendingPathComponent("_fake/users"),
            headers: ["Content-Type": "application/json"], body: try JSONSerialization.data(withJSONObject: user)))
        guard response.statusCode == 200 else {
            throw SetupFailure(description: "registering the fake user answered HTTP \(response.statusCode)")
        }
        let adc: [String: String] = [
            "type": "authorized_user", "client_id": "cli-client", "client_secret": clientSecret,
            "refresh_token": refreshToken, "token_uri": server.baseURL.appendingPathComponent("token").absoluteString,
        ]
        try JSONSerialization.data(withJSONObject: adc).write(to: URL(fileURLWithPath: credentialsFile))
    }

    /// The shared fake, or nil after a loud SKIPPED line when Python's `cryptography` is missing.
    static func get() async throws -> CLIGoogleFake? {
        do {
            return try await shared.get()
        } catch let error as PythonServer.Unavailable {
            FileHandle.standardError.write(Data("SKIPPED: Google API fakes: \(error.reason)\n".utf8))
            return nil
        }
    }

    /// Variables that make `mmm-cli` use these credentials and this Secret Manager.
    var variables: [String: String] {
        [
            "GOOGLE_APPLICATION_CREDENTIALS": credentialsFile, "MMM_SECRETMANAGER_ENDPOINT": server.baseURL.absoluteString,
            "GOOGLE_CLOUD_PROJECT": Self.project,
        ]
    }

    /// Every bearer token the fake saw (to check that none reaches an output).
    func bearerTokens() async throws -> [String] {
        let response = try await URLSessionTransport().send(HTTPRequest(
            method: .get, url: server.baseURL.appendingPathComponent("_fake/requests")))
        let entries = try JSONSerialization.jsonObject(with: response.body) as? [[String: Any]] ?? []
        return entries.compactMap { entry in
            guard let value = (entry["headers"] as? [String: String])?["authorization"], value.hasPrefix("Bearer ") else {
                return nil
            }
            return String(value.dropFirst(7))
        }
    }
}

struct SetupFailure: Error, CustomStringConvertible { let description: String }

/// A process environment for `mmm-cli` with the developer's Google and Snowflake settings removed (no gcloud
/// configuration, no metadata-server probing), plus `extra`.
func cloudEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
    var env = ProcessInfo.processInfo.environment.filter { key, _ in
        !["GOOGLE_", "CLOUDSDK_", "GCE_", "GCLOUD_", "SNOWFLAKE_", "STORAGE_EMULATOR_HOST", "MMM_"].contains { key.hasPrefix($0) }
    }
    env["CLOUDSDK_CONFIG"] = "/nonexistent-gcloud-config"
    env["NO_GCE_CHECK"] = "true"
    env.merge(extra) { _, new in new }
    return env
}
