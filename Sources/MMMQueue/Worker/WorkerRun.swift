import Foundation
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
    /// Reads configurations and data, removes stale run folders.
    public var files: QueueFiles
    /// Makes the run store for a result's parent location (a folder, or a `gs://` prefix).
    public var store: @Sendable (_ parent: String) async throws -> any RunStore
    /// Where downloads go (removed afterwards).
    public var scratch: URL
    /// The clock.
    public var clock: any JobClock = SystemJobClock()
    /// Makes the training backend (`native` or `robyn`).
    public var backend: @Sendable (_ name: String) async throws -> any TrainingBackend = WorkerRun.defaultBackend

    /// A run of `spec`.
    public init(
        spec: QueueJobSpec, files: QueueFiles, scratch: URL,
        store: @escaping @Sendable (_ parent: String) async throws -> any RunStore
    ) {
        self.spec = spec
        self.files = files
        self.scratch = scratch
        self.store = store
    }

    /// The native engine, or Robyn (R found and checked before anything is written).
    public static func defaultBackend(_ name: String) async throws -> any TrainingBackend {
        name == "robyn" ? RobynBackend(runtime: try await RobynRuntime.probe()) : NativeBackend()
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
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
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
        let runId = spec.runId
        let parent = String(spec.result.dropLast(spec.result.hasSuffix("/") ? 1 : 0).dropLast(runId.count))
        guard PathSegment.isSafe(runId), !parent.isEmpty else {
            throw QueueUsageError("the result location \(spec.result) must end in a run folder name")
        }
        let store = try await self.store(parent)
        let config = try await loadConfig()
        let backend = try await self.backend(spec.backend)
        if let finished = try await finishedOutcome(store, runId: runId, engine: backend.engine.name) { return finished }

        if let sameAs = spec.sameAs {
            return try await writeLinked(store, runId: runId, config: config, sameAs: sameAs, engine: backend.engine)
        }
        guard let data = spec.data ?? config.dataPath else {
            throw QueueUsageError("no data: the job has none and its config has no data_path")
        }
        let local = try await files.localCopy(of: data, in: scratch.appendingPathComponent("data"))
        let options = TrainingOptions(
            iterations: config.iterations, trials: config.trials, seed: config.seed,
            threads: config.threads ?? ProcessInfo.processInfo.activeProcessorCount)
        var job = TrainingJob(
            config: config, source: TableFileFormat.source(path: local, csv: config.csv), options: options, store: store,
            runId: runId)
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
    private func loadConfig() async throws -> JobConfig {
        if let config { return config }
        let local = try await files.localCopy(of: spec.config, in: scratch.appendingPathComponent("config"))
        return try JobConfigLoader.load(path: local).config
    }

    /// The outcome of a run folder that already finished for this job; an unfinished or failed one is removed.
    private func finishedOutcome(_ store: any RunStore, runId: String, engine: String) async throws -> JobOutcome? {
        guard let folder = try await store.openRun(id: runId) else { return nil }
        let status = try? await folder.status()
        let config = try? await folder.read("job_config.json").map { try StrictJSON.decode(JobConfig.self, from: $0) }
        if let status, status.state == .succeeded || status.state == .skipped,
            (status.engine?.name ?? EngineInfo.native.name) == engine,
            spec.variantId == nil || config?.benchmark?.variantId == spec.variantId
        {
            return status.state == .skipped ? .skipped(status.skipReason ?? "skipped")
                : .succeeded("the run folder \(folder.location) had already finished")
        }
        try await files.remove(folder: spec.result)
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
