import Foundation
import MMMCloud
import MMMCore
import MMMEngine
import MMMJobs
import MMMTestSupport
import Testing

/// Run history over a folder of runs of every kind: this version's (succeeded, running, failed), an older
/// manifest, the previous system's `robyn/<revision>/<country>/<run>` layout, broken files, and folders that are
/// not runs — on the local file system and, copied object by object, on Cloud Storage.
@Suite(.timeLimit(.minutes(5)))
struct RunHistoryTests {
    static func config(country: String, revision: String, adstock: AdstockType) -> JobConfig {
        var config = JobSeamTests.config
        config.country = country
        config.revision = revision
        config.adstock = adstock
        return config
    }

    static func summary(nrmseVal: Double, rssd: Double) -> ModelSummary {
        var best = ModelMetrics(modelId: "1_1_1")
        best.nrmseVal = nrmseVal
        best.decompRssd = rssd
        best.rsqTrain = 0.9
        return ModelSummary(
            runId: "", engine: EngineInfo(name: "scripted", version: "1"), config: JobSeamTests.config, candidateCount: 7,
            paretoModelCount: 1, paretoModels: [best], bestModel: best, bestModelRule: "scripted", decomposition: [])
    }

    /// Builds the tree under `root` (a fresh folder).
    static func makeRuns(in root: URL) async throws {
        let store = LocalRunStore(root: root.path)
        func run(_ id: String, _ config: JobConfig, _ backend: ScriptedBackend) async throws {
            var job = TrainingJob(
                config: config, source: InMemoryTableSource(table: try JobSeamTests.table()),
                options: TrainingOptions(iterations: 7, trials: 1, seed: 1, threads: 1), store: store, runId: id)
            job.backend = backend
            job.clock = FrozenClock()
            _ = try? await job.run()
        }
        try await run("a", config(country: "DE", revision: "r1", adstock: .geometric),
                      ScriptedBackend(.succeed(summary(nrmseVal: 0.2, rssd: 0.1))))
        try await run("b", config(country: "FR", revision: "r2", adstock: .weibullCDF),
                      ScriptedBackend(.succeed(summary(nrmseVal: 0.25, rssd: 0.05))))
        try await run("failed", config(country: "DE", revision: "r1", adstock: .geometric),
                      ScriptedBackend(.fail(EngineError(.noSelectableModel, "no model passed"))))
        let running = try store.claim(id: "running", allowSuffix: false)
        try await running.writeJSON(RunStatus.running(runId: "running", at: Date(timeIntervalSince1970: 1_800_000_000)), to: "status.json")
        func write(_ text: String, _ path: String) throws {
            try AtomicFile.write(text, to: root.appendingPathComponent(path).path)
        }
        // An older version: no engine in the status, a manifest without `diagnostics`.
        try write(#"{"schema_version":1,"state":"SUCCEEDED","run_id":"old","started_at":"2026-01-01T10:00:00Z","updated_at":"2026-01-01T10:01:00Z","finished_at":"2026-01-01T10:01:00Z","duration_seconds":60}"#, "old/status.json")
        try write(#"{"schema_version":1,"run_id":"old","engine":{"name":"mmm-trainer","version":"0.0.9"},"data_source":"d.csv","data_sha256":"ab","config_sha256":"cd","seed":1,"threads":1,"platform":"Linux x86_64","candidates":3,"timings":[{"step":"train","seconds":1.5}],"started_at":"2026-01-01T10:00:00Z","finished_at":"2026-01-01T10:01:00Z","files":[]}"#, "old/run_manifest.json")
        // The previous system (R/Robyn): its own status and summary shapes, one-element arrays from jsonlite.
        try write(#"{"state":"SUCCEEDED","start_time":"2026-01-22 11:31:41","end_time":"2026-01-22 11:44:11","duration_minutes":12.5}"#, "robyn/default/de/0122_113141/status.json")
        try write(#"{"country":"de","revision":"default","timestamp":"0122_113141","training_time_mins":12.1,"has_pareto_models":true,"pareto_model_count":9,"candidate_model_count":100,"best_model":{"model_id":"3_140_2","nrmse":0.11,"nrmse_val":[0.12],"decomp_rssd":0.05,"rsq_train":0.8,"mape":0},"input_metadata":{"adstock":"geometric"}}"#, "robyn/default/de/0122_113141/model_summary.json")
        try write(#"{"state":"FAILED","start_time":"2026-01-23 00:00:00","step":"robyn_run","error_message":"boom"}"#, "robyn/default/fr/0123_000000/status.json")
        try write("not json", "broken/status.json")
        try write("a folder with notes, not a run", "notes/README.txt")
    }

    @Test func listsEveryKindOfRunAndSkipsFoldersThatAreNotRuns() async throws {
        let root = try TrainingFixtures.temporaryDirectory()
        try await Self.makeRuns(in: root)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let listing = try await RunHistory(store: LocalRunStore(root: root.path)).list()
        #expect(listing.runs.map(\.path) == [
            "a", "b", "broken", "failed", "old", "robyn/default/de/0122_113141", "robyn/default/fr/0123_000000", "running",
        ])
        #expect(listing.otherFolders == ["empty", "notes"])
        let runs = Dictionary(uniqueKeysWithValues: listing.runs.map { ($0.path, $0) })
        let a = try #require(runs["a"])
        #expect(a.state == "SUCCEEDED")
        #expect(a.country == "DE" && a.revision == "r1")
        #expect(a.bestModel == "1_1_1" && a.nrmseVal == 0.2 && a.decompRssd == 0.1)
        #expect(a.engine == "scripted 1")
        #expect(a.durationSeconds == 0)
        #expect(a.dataSHA256 == String(repeating: "0", count: 64))
        #expect(a.location == root.appendingPathComponent("a").path)
        let running = try #require(runs["running"])
        #expect(running.state == "RUNNING" && running.bestModel == nil && running.durationSeconds == nil)
        let failed = try #require(runs["failed"])
        #expect(failed.state == "FAILED" && failed.failedStep == "train" && failed.message?.contains("no model passed") == true)
        #expect(failed.bestModel == nil && failed.country == "DE")
        let old = try #require(runs["old"])
        #expect(old.state == "SUCCEEDED" && old.engine == "mmm-trainer 0.0.9" && old.durationSeconds == 60 && old.problems.isEmpty)
        let robyn = try #require(runs["robyn/default/de/0122_113141"])
        #expect(robyn.runId == "0122_113141")
        #expect(robyn.country == "de" && robyn.revision == "default")
        #expect(robyn.bestModel == "3_140_2" && robyn.nrmseVal == 0.12 && robyn.decompRssd == 0.05)
        #expect(robyn.durationSeconds == 750 && robyn.engine == "robyn")
        let robynFailed = try #require(runs["robyn/default/fr/0123_000000"])
        #expect(robynFailed.state == "FAILED" && robynFailed.failedStep == "robyn_run" && robynFailed.message == "boom")
        #expect(robynFailed.country == "fr" && robynFailed.revision == "default", "from the folder layout")
        let broken = try #require(runs["broken"])
        #expect(broken.state == "INCOMPLETE" && broken.problems == ["status.json: not valid JSON"])

        // --country, case-insensitive; unknown countries are left out.
        let de = try await RunHistory(store: LocalRunStore(root: root.path)).list(country: "de")
        #expect(de.runs.map(\.path) == ["a", "failed", "robyn/default/de/0122_113141"])
        // The JSON rows always have every key.
        let json = try #require(try JSONSerialization.jsonObject(with: StrictJSON.encode(listing)) as? [String: Any])
        let rows = try #require(json["runs"] as? [[String: Any]])
        #expect(rows.allSatisfy { $0.keys.contains("best_model") && $0.keys.contains("nrmse_val") && $0.keys.contains("engine") })
        #expect(json["other_folders"] as? [String] == ["empty", "notes"])
    }

    @Test func detailsAndComparison() async throws {
        let root = try TrainingFixtures.temporaryDirectory()
        try await Self.makeRuns(in: root)
        let history = RunHistory(store: LocalRunStore(root: root.path))
        let robyn = try #require(try await history.details(of: "robyn/default/de/0122_113141"))
        #expect(robyn.candidateCount == 100 && robyn.paretoModelCount == 9)
        #expect(robyn.bestModelMetrics.first { $0.name == "nrmse_val" }?.value == 0.12)
        #expect(robyn.bestModelMetrics.first { $0.name == "rsq_val" }?.value == nil)
        #expect(try await history.details(of: "notes") == nil)
        #expect(try await history.details(of: "nope") == nil)
        #expect(try await history.details(of: "robyn/x/y") == nil)

        let a = try #require(try await history.details(of: "a"))
        let b = try #require(try await history.details(of: "b"))
        #expect(a.files.contains("job_config.json") && a.timings.contains { $0.name == "prepare_data" })
        let comparison = RunComparison(a, b)
        #expect(comparison.configsCompared)
        let differences = Dictionary(uniqueKeysWithValues: comparison.configDifferences.map { ($0.path, $0) })
        #expect(differences["$.adstock"] == .init(path: "$.adstock", a: "geometric", b: "weibull_cdf"))
        #expect(differences["$.country"]?.b == "FR")
        #expect(differences["$.revision"]?.a == "r1")
        #expect(differences["$.dep_var"] == nil, "equal values are not differences")
        #expect(comparison.dataDigestsEqual == true)
        #expect(comparison.configDigestsEqual == false)
        let nrmse = try #require(comparison.metrics.first { $0.metric == "nrmse_val" })
        #expect(nrmse.a == 0.2 && nrmse.b == 0.25 && abs((nrmse.delta ?? 0) - 0.05) < 1e-12)
        #expect(!comparison.metrics.contains { $0.metric == "rsq_test" }, "a metric neither run has is left out")

        // A run without a configuration or digest: nothing is claimed about it.
        let old = try #require(try await history.details(of: "old"))
        let partial = RunComparison(old, robyn)
        #expect(partial.dataDigestsEqual == nil && !partial.configsCompared && partial.configDifferences.isEmpty)
    }

    @Test func cloudStorageGivesTheSameHistory() async throws {
        guard let (client, bucket, services) = try await emulatorBucket() else { return }
        let root = try TrainingFixtures.temporaryDirectory()
        try await Self.makeRuns(in: root)
        let base = root.standardizedFileURL.path
        let enumerator = try #require(FileManager.default.enumerator(atPath: base))
        for case let relative as String in enumerator {
            var isDirectory: ObjCBool = false
            let path = base + "/" + relative
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            try await client.upload(fileAt: URL(fileURLWithPath: path), to: GCSURI("gs://\(bucket)/history/\(relative)"))
        }
        let local = try await RunHistory(store: LocalRunStore(root: root.path)).list()
        let store = try await RunLocator.store(at: try StorageLocation("gs://\(bucket)/history"), cloud: services)
        let remote = try await RunHistory(store: store).list()
        func strip(_ records: [RunRecord]) -> [RunRecord] { records.map { var r = $0; r.location = ""; return r } }
        #expect(strip(remote.runs) == strip(local.runs))
        #expect(remote.otherFolders == local.otherFolders)
        #expect(remote.runs.allSatisfy { $0.location == "gs://\(bucket)/history/\($0.path)" })
        // A run folder named by its URI.
        let (parent, id) = try await RunLocator.parent(of: try StorageLocation("gs://\(bucket)/history/robyn/default/de/0122_113141/"),
                                                       cloud: services)
        #expect(id == "0122_113141")
        #expect(try await RunHistory(store: parent).details(of: id)?.record.bestModel == "3_140_2")
    }
}
