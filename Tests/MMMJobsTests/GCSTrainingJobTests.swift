import Foundation
import MMMCloud
import MMMCore
import MMMEngine
import MMMJobs
import MMMTestSupport
import Testing

/// Whole training jobs writing to Cloud Storage (fake-gcs-server): file order, what a concurrent reader sees, and
/// reading the run back.
@Suite(.timeLimit(.minutes(5)))
struct GCSTrainingJobTests {
    private func demoJob(store: any RunStore, runId: String, source: any TableSource) throws -> TrainingJob {
        let config = try JobConfigLoader.load(path: TrainingFixtures.demoConfig).config
        return TrainingJob(
            config: config, source: source, options: TrainingOptions(iterations: 40, trials: 1, seed: 7, threads: 2),
            store: store, runId: runId)
    }

    @Test func statusComesFirstAndLastAndAReaderNeverSeesAFinishedRunWithMissingFiles() async throws {
        guard let (client, bucket, services) = try await emulatorBucket() else { return }
        let root = try GCSURI("gs://\(bucket)/runs/")
        let data = try GCSURI("gs://\(bucket)/data/demo.csv")
        try await client.upload(fileAt: URL(fileURLWithPath: TrainingFixtures.demoData), to: data, contentType: "text/csv")
        let recording = RecordingRunStore(try GCSRunStore(client: client, root: root))
        let job = try demoJob(store: recording, runId: "r1", source: GCSTableSource(uri: data, cloud: services))

        // A reader polls the run while it is written; at the first terminal status every file must be there.
        let reader = Task { () -> (sawRunning: Bool, missing: [String]) in
            let store = try GCSRunStore(client: client, root: root)
            var sawRunning = false
            let deadline = Date().addingTimeInterval(240)
            while Date() < deadline {
                if let folder = try await store.openRun(id: "r1"), let status = try? await folder.status() {
                    if status.state.isTerminal {
                        let names = Set(try await folder.fileNames())
                        let manifest = try await folder.read("run_manifest.json")
                        let listed = manifest.flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }?["files"] as? [String]
                        let expected = (listed ?? []) + ["run_manifest.json", "console.log", "preparation_manifest.json", "job_config.json"]
                        return (sawRunning, manifest == nil ? ["run_manifest.json"] : expected.filter { !names.contains($0) })
                    }
                    sawRunning = true
                }
                try await Task.sleep(for: .milliseconds(20))
            }
            return (sawRunning, ["(no terminal status within the deadline)"])
        }
        let outcome = try await job.run()
        let seen = try await reader.value
        #expect(outcome.state == .succeeded)
        #expect(seen.missing.isEmpty, "files missing when the status said finished: \(seen.missing)")
        #expect(recording.writes.first == "status.json")
        #expect(recording.writes.last == "status.json")
        #expect(recording.writes.filter { $0 == "status.json" }.count == 2)

        // On the server, too: the final status.json is the newest object (generations are microsecond timestamps).
        let objects = try await client.list(try root.appending("r1/")).objects
        let status = try #require(objects.first { $0.uri.objectName.hasSuffix("/status.json") })
        #expect(objects.allSatisfy { $0.generation <= status.generation })

        // Read back as a resumer would: the status, the summary, the manifest's input digest.
        let folder = try #require(try await GCSRunStore(client: client, root: root).openRun(id: "r1"))
        #expect(try await folder.status()?.state == .succeeded)
        let summary = try StrictJSON.decode(ModelSummary.self, from: try #require(try await folder.read("model_summary.json")))
        #expect(summary.bestModel.modelId == outcome.summary?.bestModel.modelId)
        let manifest = try StrictJSON.decode(RunManifest.self, from: try #require(try await folder.read("run_manifest.json")))
        #expect(manifest.dataSource == data.description)
        #expect(manifest.dataSHA256 == (try ProcessRunner.pythonSHA256(TrainingFixtures.demoData)))
        let log = String(decoding: try #require(try await folder.read("console.log")), as: UTF8.self)
        #expect(log.contains("best model \(summary.bestModel.modelId)"))

        // The same job on the local file system writes byte-identical results (streamed uploads are exact).
        let local = try TrainingFixtures.temporaryDirectory()
        let localOutcome = try await demoJob(store: LocalRunStore(root: local.path), runId: "r1",
                                             source: CSVFileSource(path: TrainingFixtures.demoData)).run()
        for name in ["pareto_aggregated.csv", "all_aggregated.csv", "pareto_hyperparameters.csv", "preparation_manifest.json"] {
            let remote = try #require(try await folder.read(name))
            let here = try Data(contentsOf: URL(fileURLWithPath: localOutcome.location).appendingPathComponent(name))
            if name.hasSuffix(".json") {
                // The source differs (gs:// vs path); everything else is equal.
                let text = String(decoding: remote, as: UTF8.self).replacingOccurrences(of: data.description, with: TrainingFixtures.demoData)
                #expect(text == String(decoding: here, as: UTF8.self), "\(name)")
            } else {
                #expect(remote == here, "\(name) differs between gs:// and local")
            }
        }
    }

    @Test func aCancelledRunStillRecordsItsFailedStatusOnCloudStorage() async throws {
        guard let (client, bucket, _) = try await emulatorBucket() else { return }
        let root = try GCSURI("gs://\(bucket)/runs")
        let config = try JobConfigLoader.load(path: TrainingFixtures.demoConfig).config
        let job = TrainingJob(
            config: config, source: CSVFileSource(path: TrainingFixtures.demoData),
            options: TrainingOptions(iterations: 1_000_000, trials: 1, seed: 1, threads: 1),
            store: try GCSRunStore(client: client, root: root), runId: "cancelled")
        let started = Locked(false)
        let task = Task { try await job.run(progress: { _ in started.withLock { $0 = true } }) }
        for _ in 0..<6000 where !started.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(10)) }
        task.cancel()
        await #expect(throws: TrainingJobError.self) { try await task.value }
        // The uploads after Ctrl-C (the log and the final status) are not cancelled with the job.
        let folder = try #require(try await GCSRunStore(client: client, root: root).openRun(id: "cancelled"))
        let status = try #require(try await folder.status())
        #expect(status.state == .failed)
        #expect(status.message == "cancelled")
        let log = String(decoding: try #require(try await folder.read("console.log")), as: UTF8.self)
        #expect(log.contains("cancelled"))
    }

    @Test func aFailedRunEndsWithAFailedStatusOnCloudStorage() async throws {
        guard let (client, bucket, _) = try await emulatorBucket() else { return }
        let root = try GCSURI("gs://\(bucket)/runs")
        var job = TrainingJob(
            config: JobSeamTests.config, source: InMemoryTableSource(table: try JobSeamTests.table()),
            options: TrainingOptions(iterations: 7, trials: 1, seed: 1, threads: 1),
            store: try GCSRunStore(client: client, root: root), runId: "bad")
        job.backend = ScriptedBackend(.fail(EngineError(.noSelectableModel, "scripted failure")))
        await #expect(throws: TrainingJobError.self) { try await job.run() }
        let folder = try #require(try await GCSRunStore(client: client, root: root).openRun(id: "bad"))
        let status = try #require(try await folder.status())
        #expect(status.state == .failed)
        #expect(status.failedStep == "train")
        #expect(try await folder.fileNames().contains("console.log"))
    }
}
