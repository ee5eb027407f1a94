import Foundation
import MMMCloud
import MMMCore
import MMMJobs
import MMMTestSupport
import MMMTransport

/// A Cloud Storage client for the shared fake-gcs-server and a fresh bucket, or nil (after SKIPPED) without it.
func emulatorBucket() async throws -> (client: GCSClient, bucket: String, services: GoogleCloudServices)? {
    guard let emulator = try await GCSEmulator.get() else { return nil }
    let environment = GoogleCloudEnvironment(variables: ["STORAGE_EMULATOR_HOST": emulator.host],
                                             homeDirectory: "/nonexistent-home")
    // Fast retries; a generous request timeout (CI runs every suite at once on two cores).
    let options = GoogleCredentialsOptions(client: GoogleClientOptions(
        userAgent: "mmm-jobs-tests/1.0",
        retryPolicy: RetryPolicy(maxAttempts: 4, initialDelay: .milliseconds(5), maxDelay: .milliseconds(40)),
        requestTimeout: 60, transferTimeout: 120))
    let services = GoogleCloudServices(environment: environment, options: options)
    return (try await services.storage(), try await emulator.newBucket(), services)
}

/// A store that records the order of whole-file writes to the folders it hands out, around any other store.
final class RecordingRunStore: RunStore {
    let inner: any RunStore
    private let log = Locked<[String]>([])

    init(_ inner: any RunStore) { self.inner = inner }

    /// File names written (not appended), in order.
    var writes: [String] { log.withLock { $0 } }

    var location: String { inner.location }

    func createRun(id: String, allowSuffix: Bool) async throws -> any RunFolder {
        Folder(inner: try await inner.createRun(id: id, allowSuffix: allowSuffix), store: self)
    }

    func openRun(id: String) async throws -> (any RunFolder)? { try await inner.openRun(id: id) }

    func runIds() async throws -> [String] { try await inner.runIds() }

    fileprivate func record(_ name: String) { log.withLock { $0.append(name) } }

    private struct Folder: RunFolder {
        let inner: any RunFolder
        let store: RecordingRunStore
        var runId: String { inner.runId }
        var location: String { inner.location }

        func write(_ data: Data, to name: String) async throws {
            try await inner.write(data, to: name)
            store.record(name)
        }

        func append(_ data: Data, to name: String) async throws { try await inner.append(data, to: name) }

        func writeStreaming(to name: String, _ produce: (([UInt8]) throws -> Void) throws -> Void) async throws {
            try await inner.writeStreaming(to: name, produce)
            store.record(name)
        }

        func read(_ name: String) async throws -> Data? { try await inner.read(name) }

        func fileNames() async throws -> [String] { try await inner.fileNames() }
    }
}
