import Foundation
import MMMTestSupport
import MMMTransport

/// The Google API fake (Tests/Fixtures/gcp/fake_google.py: token endpoint and Secret Manager) for the pages' key
/// saving: `authorized_user` credentials with random secrets, and the variables that point `mmm-cli` at the fake.
final class ServeGoogleFake: Sendable {
    static let shared = SharedResource<ServeGoogleFake> { try await ServeGoogleFake() }
    static let project = "serve-project"

    let server: PythonServer
    let directory: URL
    let refreshToken = "1//refresh-" + UUID().uuidString

    private init() async throws {
        server = try await PythonServer(script: "fake_google.py", fixtures: "gcp", arguments: ["--watch-stdin"], exitWhenTestsExit: true)
        directory = try TemporaryDirectory.make("mmm-serve-google")
        let clientSecret = "client-secret-" + UUID().uuidString
        let user = ["client_id": "serve-client", "client_secret": clientSecret, "refresh_token": refreshToken, "subject": "ana@example.com"]
        let response = try await URLSessionTransport().send(HTTPRequest(
            method: .post, url: server.baseURL.appendingPathComponent("_fake/users"), headers: ["Content-Type": "application/json"],
            body: try JSONSerialization.data(withJSONObject: user)))
        guard response.statusCode == 200 else { throw FixtureError(description: "registering the fake user: HTTP \(response.statusCode)") }
        let adc = [
            "type": "authorized_user", "client_id": "serve-client", "client_secret": clientSecret, "refresh_token": refreshToken,
            "token_uri": server.baseURL.appendingPathComponent("token").absoluteString,
        ]
        try JSONSerialization.data(withJSONObject: adc).write(to: directory.appendingPathComponent("adc.json"))
    }

    /// The shared fake, or nil after a loud SKIPPED line when Python's `cryptography` is missing.
    static func get() async throws -> ServeGoogleFake? {
        do {
            return try await shared.get()
        } catch let error as PythonServer.Unavailable {
            FileHandle.standardError.write(Data("SKIPPED: Google API fake: \(error.reason)\n".utf8))
            return nil
        }
    }

    /// `environment` with these credentials and this Secret Manager (and no developer Google settings).
    func environment(_ base: [String: String]) -> [String: String] {
        var env = base.filter { key, _ in !["GOOGLE_", "CLOUDSDK_", "GCE_", "GCLOUD_", "MMM_"].contains { key.hasPrefix($0) } }
        env["CLOUDSDK_CONFIG"] = "/nonexistent-gcloud-config"
        env["NO_GCE_CHECK"] = "true"
        env["GOOGLE_APPLICATION_CREDENTIALS"] = directory.appendingPathComponent("adc.json").path
        env["MMM_SECRETMANAGER_ENDPOINT"] = server.baseURL.absoluteString
        env["GOOGLE_CLOUD_PROJECT"] = Self.project
        return env
    }
}
