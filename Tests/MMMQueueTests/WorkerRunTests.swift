import Foundation
import MMMCloud
import MMMCore
import MMMJobs
import MMMQueue
import Testing

/// The worker's run of a job spec: configuration and data from a folder or gs://, the run folder written to a folder
/// or gs://, resumption, stale folders, same_as.
@Suite(.timeLimit(.minutes(8)))
struct WorkerRunTests {
    private func status(_ files: QueueFiles, _ result: String) async throws -> RunStatus? {
        guard let data = try await files.readIfExists(QueueFiles.join(result, "status.json")) else { return nil }
        return try StrictJSON.decode(RunStatus.self, from: data)
    }

    @Test func localConfigAndDataTrainAndResume() async throws {
        let folder = try temporaryFolder("worker")
        let config = folder.appendingPathComponent("config.json").path
        try StrictJSON.encode(try Demo.config()).write(to: URL(fileURLWithPath: config))
        let result = folder.appendingPathComponent("runs/job-1").path
        let cloud = GoogleCloudServices(environment: GoogleCloudEnvironment(variables: [:], homeDirectory: "/nonexistent-home"))
        let files = QueueFiles(cloud: cloud)
        let run = WorkerRun(spec: QueueJobSpec(config: config, data: Demo.data, result: result, outputs: "small", allocate: false),
                            cloud: cloud)
        let outcome = try await run.run(diagnostics: DiscardingDiagnosticSink())
        guard case .succeeded(let note) = outcome else { Issue.record("\(outcome)"); return }
        #expect(note?.hasPrefix("best model ") == true)
        let first = try #require(try await status(files, result))
        #expect(first.state == .succeeded && first.runId == "job-1")
        #expect(FileManager.default.fileExists(atPath: result + "/model_summary.json"))
        // A second attempt finds the finished folder and trains nothing.
        #expect(try await run.run(diagnostics: DiscardingDiagnosticSink()) == .succeeded("the run folder \(result) had already finished"))
        #expect(try await status(files, result) == first)
    }

    @Test func aStaleRunFolderIsDiscardedAndTrainedAgain() async throws {
        let folder = try temporaryFolder("worker")
        let config = folder.appendingPathComponent("config.json").path
        try StrictJSON.encode(try Demo.config()).write(to: URL(fileURLWithPath: config))
        let result = folder.appendingPathComponent("runs/job-2").path
        try AtomicFile.write(try StrictJSON.encode(RunStatus.running(runId: "job-2", at: Date(timeIntervalSince1970: 0))),
                             to: result + "/status.json")
        try AtomicFile.write("left over", to: result + "/stray.txt")
        let cloud = GoogleCloudServices(environment: GoogleCloudEnvironment(variables: [:], homeDirectory: "/nonexistent-home"))
        let run = WorkerRun(spec: QueueJobSpec(config: config, data: Demo.data, result: result, outputs: "small", allocate: false),
                            cloud: cloud)
        guard case .succeeded = try await run.run(diagnostics: DiscardingDiagnosticSink()) else { Issue.record("not trained"); return }
        #expect(!FileManager.default.fileExists(atPath: result + "/stray.txt"))
        #expect(try await status(QueueFiles(cloud: cloud), result)?.state == .succeeded)
    }

    @Test func aLinkedVariantIsSkippedWithItsReason() async throws {
        let folder = try temporaryFolder("worker")
        let cloud = GoogleCloudServices(environment: GoogleCloudEnvironment(variables: [:], homeDirectory: "/nonexistent-home"))
        let result = folder.appendingPathComponent("b/variants/v2").path
        var run = WorkerRun(
            spec: QueueJobSpec(config: "unused", data: nil, result: result, outputs: "small", benchmarkId: "b", variantId: "v2",
                               sameAs: "v1", sameAsReason: "the data is already weekly"),
            cloud: cloud)
        run.config = try Demo.config()
        #expect(try await run.run(diagnostics: DiscardingDiagnosticSink()) == .skipped("same_as v1: the data is already weekly"))
        let status = try #require(try await status(QueueFiles(cloud: cloud), result))
        #expect(status.state == .skipped && status.skipReason == "same_as v1: the data is already weekly")
    }

    /// Everything on Cloud Storage (fake-gcs-server): the configuration, the data and the run folder.
    @Test func configDataAndRunFolderOnGCS() async throws {
        guard let gcs = try await QueueGCS.get() else { return }
        let bucket = try await gcs.newBucket()
        let cloud = gcs.services
        let files = QueueFiles(cloud: cloud)
        try await files.write(try StrictJSON.encode(try Demo.config()), to: "gs://\(bucket)/configs/c.json")
        try await files.write(try Data(contentsOf: URL(fileURLWithPath: Demo.data)), to: "gs://\(bucket)/data/demo.csv",
                              contentType: "text/csv")
        let result = "gs://\(bucket)/runs/job-3"
        let spec = QueueJobSpec(config: "gs://\(bucket)/configs/c.json", data: "gs://\(bucket)/data/demo.csv", result: result,
                                outputs: "small", allocate: false)
        guard case .succeeded = try await WorkerRun(spec: spec, cloud: cloud).run(diagnostics: DiscardingDiagnosticSink())
        else { Issue.record("not trained"); return }
        #expect(try await status(files, result)?.state == .succeeded)
        #expect(try await files.readIfExists(result + "/model_summary.json") != nil)
    }
}
