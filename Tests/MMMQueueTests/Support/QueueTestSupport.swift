import Foundation
import MMMCloud
import MMMCore
import MMMJobs
import MMMQueue
import MMMTestSupport
import MMMTransport

/// Prints the loud line a test that cannot run its dependency must leave (stderr only).
func skipped(_ why: String) {
    FileHandle.standardError.write(Data("SKIPPED: \(why)\n".utf8))
}

/// Client options with quick retries (CI runs every suite at once on two cores, so timeouts stay generous).
func fastClientOptions() -> GoogleClientOptions {
    GoogleClientOptions(
        userAgent: "mmm-trainer-tests/1.0",
        retryPolicy: RetryPolicy(maxAttempts: 4, initialDelay: .milliseconds(5), maxDelay: .milliseconds(40)),
        pollPolicy: RetryPolicy(initialDelay: .milliseconds(20), maxDelay: .milliseconds(60)),
        requestTimeout: 60, transferTimeout: 60)
}

/// A fresh temporary folder.
func temporaryFolder(_ prefix: String = "queue") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("mmm-\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// fake-gcs-server (the shared ``GCSEmulator`` of MMMTestSupport), with the clients the queue tests use.
struct QueueGCS: Sendable {
    let emulator: GCSEmulator

    /// The shared emulator, or nil after a loud SKIPPED line when the wheel is missing.
    static func get() async throws -> QueueGCS? {
        try await GCSEmulator.get().map(QueueGCS.init)
    }

    var host: String { emulator.host }

    /// The environment a user of the emulator has.
    var environment: GoogleCloudEnvironment {
        GoogleCloudEnvironment(variables: ["STORAGE_EMULATOR_HOST": host], homeDirectory: "/nonexistent-home")
    }

    /// A client (anonymous, as with `STORAGE_EMULATOR_HOST`).
    func client() throws -> GCSClient {
        GCSClient(credentials: .anonymous(projectID: nil), endpoints: try GoogleEndpoints(environment: environment),
                  options: fastClientOptions())
    }

    /// Services as a worker has them (Cloud Storage on the emulator).
    var services: GoogleCloudServices {
        GoogleCloudServices(environment: environment, options: GoogleCredentialsOptions(client: fastClientOptions()))
    }

    /// A new bucket.
    func newBucket() async throws -> String { try await emulator.newBucket("q") }
}

/// The two kinds of queue store under the same tests.
enum StoreKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case local, gcs
    var description: String { rawValue }
}

/// A fresh queue of a kind: its root (as workers are told it), a way to make independent store instances (one per
/// simulated processor), and file access. Nil (after SKIPPED) when fake-gcs-server is missing.
struct QueueFixture: Sendable {
    let root: String
    let name: String
    let files: QueueFiles
    let makeStore: @Sendable () async throws -> any QueueStore

    static func make(_ kind: StoreKind, name: String = "q") async throws -> QueueFixture? {
        switch kind {
        case .local:
            let root = try temporaryFolder().path
            return QueueFixture(root: root, name: name, files: QueueFiles(storage: { throw QueueUsageError("no gs:// here") }),
                                makeStore: { LocalQueueStore(root: root, queue: name) })
        case .gcs:
            guard let gcs = try await QueueGCS.get() else { return nil }
            let bucket = try await gcs.newBucket()
            let root = "gs://\(bucket)/queues"
            let client = try gcs.client()
            return QueueFixture(root: root, name: name, files: QueueFiles(storage: { client }), makeStore: {
                try GCSQueueStore(client: try gcs.client(), root: try GCSURI(root), queue: name)
            })
        }
    }

    /// A queue over a new store instance (as another process would have).
    func queue() async throws -> JobQueue { JobQueue(store: try await makeStore(), name: name) }

    /// A job spec whose run folder is `<results>/<id>`.
    func spec(_ id: String, results: String) -> QueueJobSpec {
        QueueJobSpec(config: "\(results)/configs/\(id).json", data: "\(results)/data.csv", result: "\(results)/\(id)")
    }
}

/// The repository's demo data and a small configuration of it (30 candidates, one thread: seconds, not minutes).
enum Demo {
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let data = repoRoot.appendingPathComponent("Examples/data/dt_simulated_weekly.csv").path

    static func config() throws -> JobConfig {
        var config = try JobConfigLoader.load(path: repoRoot.appendingPathComponent("Examples/configs/demo_job_config.json").path).config
        config.iterations = 30
        config.trials = 1
        config.threads = 1
        config.outputLocation = nil
        return config
    }
}
