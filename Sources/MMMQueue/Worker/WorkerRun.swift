import Foundation
import MMMCloud
import MMMCore
import MMMEngine
import MMMJobs

/// What a worker does for one job spec: fetch the configuration and the data, train (native or Robyn), and write
/// the run folder at the spec's result location (`status.json` RUNNING first and its final state last).
///
/// - A run folder that already finished (SUCCEEDED or SKIPPED, for the same benchmark variant) is not trained
///   again: its outcome is reported as it stands.
/// - An unfinished or failed run folder (an earlier attempt that crashed) is removed and the run starts over.
/// - A benchmark variant linked by `same_as` writes its configuration and `status.json` SKIPPED with the reason.
public struct WorkerRun: Sendable {
    /// The job spec.
    public var spec: QueueJobSpec
    /// The configuration when it is already at hand (a plan's variant); nil reads ``QueueJobSpec/config``.
    public var config: JobConfig?
    /// Where configurations, data and run folders are (local paths or `gs://`).
    public var cloud: GoogleCloudServices
    /// The clock.
    public var clock: any JobClock = SystemJobClock()
    /// Makes the training backend the spec names (`native`, `robyn` or `bayes` with its settings).
    public var backend: @Sendable (_ spec: QueueJobSpec) async throws -> any TrainingBackend = WorkerRun.defaultBackend

    /// A run of `spec`.
    public init(spec: QueueJobSpec, cloud: GoogleCloudServices) {
        self.spec = spec
        self.cloud = cloud
    }

    /// The native engine, Robyn (R found and checked before anything is written), or the Bayesian backend with the
    /// spec's settings.
    public static func defaultBackend(_ spec: QueueJobSpec) async throws -> any TrainingBackend {
        guard let name = BackendName(rawValue: spec.backend) else {
            throw QueueUsageError("the job's backend '\(spec.backend)' is not native, robyn or bayes")
        }
        return try await name.make(bayes: spec.bayes ?? BayesSettings())
    }

    /// Runs it.
    /// - Parameters:
    ///   - diagnostics: Every diagnostic of the run.
    ///   - progress: Search progress.
    /// - Returns: The outcome the worker records: SUCCEEDED, SKIPPED or FAILED (with the message).
    /// - Throws: `CancellationError` when cancelled (the run folder then says FAILED `cancelled`).
    public func run(
        diagnostics: any DiagnosticSink, progress: @escaping @Sendable (SearchProgress) -> Void = { _ in }
    ) async throws -> JobOutcome {
        do {
            return try await train(diagnostics: diagnostics, progress: progress)
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as TrainingJobError {
            if error.underlying is CancellationError { throw CancellationError() }
            return .failed("\(error)")
        } catch {
            return .failed("\(error)")
        }
    }

    private func train(diagnostics: any DiagnosticSink, progress: @escaping @Sendable (SearchProgress) -> Void) async throws
        -> JobOutcome
    {
        let files = LocationFiles(cloud: cloud)
        let (store, runId) = try await RunLocator.parent(of: try StorageLocation(spec.result), cloud: cloud)
        let config = try await loadConfig(files)
        let backend = try await self.backend(spec)
        if let finished = try await finishedOutcome(store, runId: runId, backend: backend) { return finished }

        if let sameAs = spec.sameAs {
            return try await writeLinked(store, runId: runId, config: config, sameAs: sameAs, engine: backend.engine)
        }
        guard let data = spec.data ?? config.dataPath else {
            throw QueueUsageError("no data: the job has none and its config has no data_path")
        }
        let options = TrainingOptions(
            iterations: config.iterations, trials: config.trials, seed: config.seed,
            threads: config.threads ?? ProcessInfo.processInfo.activeProcessorCount)
        var job = TrainingJob(
            config: config, source: files.tableSource(try StorageLocation(data), csv: config.csv), options: options,
            store: store, runId: runId)
        if let path = config.holidaysPath, StorageLocation.looksLikeGCS(path) {
            // The job reads local holiday files itself; a gs:// one is fetched here (the config keeps the URI).
            job.holidays = try await files.holidays(try StorageLocation(path))
        }
        job.backend = backend
        job.clock = clock
        job.outputs = spec.outputs == "small" ? .small : .full
        if spec.allocate { job.afterTraining.append(AllocateStep()) }
        if spec.benchmarkId == nil { job.afterTraining.append(ReportStep()) }
        let outcome = try await job.run(diagnostics: diagnostics, progress: progress)
        return outcome.state == .skipped ? .skipped(outcome.skipReason ?? "skipped")
            : .succeeded(outcome.summary.map { "best model \($0.bestModel.modelId)" })
    }

    /// The job's configuration (its own file, written at submission).
    private func loadConfig(_ files: LocationFiles) async throws -> JobConfig {
        if let config { return config }
        return try await files.jobConfig(try StorageLocation(spec.config)).config
    }

    /// The outcome of a run folder that already finished for this job; an unfinished or failed one is removed.
    private func finishedOutcome(_ store: any RunStore, runId: String, backend: any TrainingBackend) async throws -> JobOutcome? {
        guard let folder = try await store.openRun(id: runId) else { return nil }
        let status = try? await folder.status()
        let config = try? await folder.read("job_config.json").map { try StrictJSON.decode(JobConfig.self, from: $0) }
        if let status, status.state == .succeeded || status.state == .skipped,
            await backend.trainedAlike(folder, status: status),
            spec.variantId == nil || config?.benchmark?.variantId == spec.variantId
        {
            return status.state == .skipped ? .skipped(status.skipReason ?? "skipped")
                : .succeeded("the run folder \(folder.location) had already finished")
        }
        try await QueueFiles(cloud: cloud).remove(folder: spec.result)
        return nil
    }

    /// A variant that trains the same model as another: its configuration and SKIPPED with the reason.
    private func writeLinked(_ store: any RunStore, runId: String, config: JobConfig, sameAs: String, engine: EngineInfo)
        async throws -> JobOutcome
    {
        let folder = try await store.createRun(id: runId, allowSuffix: false)
        let status = RunStatus.running(runId: runId, at: clock.now(), engine: engine)
        try await folder.writeJSON(status, to: "status.json")
        try await folder.write(try StrictJSON.encode(config), to: "job_config.json")
        let reason = "same_as \(sameAs): \(spec.sameAsReason ?? "trains exactly the same model")"
        try await folder.writeJSON(status.finished(.skipped, at: clock.now(), skipReason: reason), to: "status.json")
        return .skipped(reason)
    }
}
