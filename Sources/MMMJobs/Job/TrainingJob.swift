import Foundation
import MMMCore
import MMMEngine
import MMMTransport

/// One training run end to end: input → preparation → backend → outputs → store.
///
/// The run folder gets `status.json` RUNNING first, then the input snapshot (when the source has one), the
/// preparation manifest and the job config, the backend's files, the files of the after-training steps and the run
/// manifest, and `status.json` in its final state last. Every seam is injected: where the table comes from
/// (``TableSource``), where the run goes (``RunStore``), what trains (``TrainingBackend``), who hears about it
/// (``DiagnosticSink``) and what time it is (``JobClock``).
public struct TrainingJob: Sendable {
    /// The configuration.
    public var config: JobConfig
    /// The input table.
    public var source: any TableSource
    /// Search sizes, seed and threads.
    public var options: TrainingOptions
    /// Where the run folder is created.
    public var store: any RunStore
    /// The run id; nil means `output_timestamp` from the config, else now as a ``RunTimestamp``.
    public var runId: String?
    /// What trains the model.
    public var backend: any TrainingBackend = NativeBackend()
    /// The clock for timestamps and step durations.
    public var clock: any JobClock = SystemJobClock()
    /// Holiday calendar; nil means the config's `holidays_path`, else the built-in table.
    public var holidays: HolidayCalendar?
    /// Preparation options.
    public var preparation = DataPreparer.Options()
    /// Which files the backend writes.
    public var outputs = OutputLevel.full
    /// Steps after training (allocator, report), in order.
    public var afterTraining: [any AfterTrainingStep] = []
    /// Diagnostics found before the job started (e.g. a flag that changed the configuration); reported first.
    public var notes: [Diagnostic] = []

    /// Creates a job with the native backend and the system clock.
    public init(config: JobConfig, source: any TableSource, options: TrainingOptions, store: any RunStore, runId: String? = nil) {
        self.config = config
        self.source = source
        self.options = options
        self.store = store
        self.runId = runId
    }

    /// Runs the job.
    /// - Parameters:
    ///   - diagnostics: receives every diagnostic as it happens (they are also in `console.log`, the outcome and the
    ///     manifests).
    ///   - progress: search progress.
    /// - Returns: the outcome (SUCCEEDED or SKIPPED).
    /// - Throws: ``TrainingJobError`` after writing `status.json` FAILED (with message `cancelled` on cancellation),
    ///   or the store's error when the run folder itself cannot be created.
    public func run(
        diagnostics: any DiagnosticSink = DiscardingDiagnosticSink(),
        progress: @escaping @Sendable (SearchProgress) -> Void = { _ in }
    ) async throws -> TrainingOutcome {
        let started = clock.now()
        let requestedId = runId ?? config.outputTimestamp ?? RunTimestamp(started).description
        let folder = try await store.createRun(
            id: requestedId, allowSuffix: runId == nil && config.outputTimestamp == nil)
        let log = RunLog(sink: diagnostics, clock: clock)
        var status = RunStatus.running(runId: folder.runId, at: started, engine: backend.engine)
        try await folder.writeJSON(status, to: "status.json")
        var step = "load_data"
        do {
            let outcome = try await run(in: folder, log: log, started: started, step: &step, progress: progress)
            status = outcome.state == .skipped
                ? status.finished(.skipped, at: clock.now(), skipReason: outcome.skipReason)
                : status.finished(.succeeded, at: clock.now(), message: outcome.summary.map { "best model \($0.bestModel.modelId)" })
            await log.flush(to: folder)
            try await folder.writeJSON(status, to: "status.json")
            return outcome
        } catch {
            let message = error is CancellationError ? "cancelled" : "\(error)"
            log.report(Diagnostic(.error, code: "failed", "failed in \(step): \(message)", step: step))
            await log.flush(to: folder)
            status = status.finished(.failed, at: clock.now(), failedStep: step, message: message)
            try? await folder.writeJSON(status, to: "status.json")
            throw TrainingJobError(step: step, underlying: error, location: folder.location)
        }
    }

    /// The steps between the first and the last status.
    private func run(
        in folder: any RunFolder, log: RunLog, started: Date, step: inout String,
        progress: @escaping @Sendable (SearchProgress) -> Void
    ) async throws -> TrainingOutcome {
        let id = folder.runId
        var timings = StepTimer(clock: clock)
        log.report(Diagnostic(.info, code: "run_folder", "run \(id): \(folder.location)"))
        for note in notes { log.report(note) }
        let (config, calibrationRead) = try CalibrationFileLoader.resolve(self.config)
        if let calibrationRead { log.report(calibrationRead.inStep(step)) }
        let loaded = try await source.load()
        if let snapshot = loaded.snapshot { try await folder.write(snapshot.bytes, to: snapshot.fileName) }
        log.report(
            Diagnostic(
                .info, code: "input_read",
                "read \(loaded.table.rowCount) rows × \(loaded.table.columns.count) columns from \(loaded.provenance.source)",
                step: step))
        timings.lap(step)

        step = "prepare_data"
        let state = try DataPreparer(options: preparation).prepare(
            loaded.table, config: config, source: loaded.provenance.source, sourceSHA256: loaded.provenance.sha256,
            readNote: loaded.formatNote)
        for diagnostic in state.diagnostics { log.report(diagnostic) }
        let calendar = try holidays ?? state.config.holidaysPath.map { try HolidayCalendar(csvPath: $0) }
        timings.lap(step)
        try await folder.writeJSON(state.manifest, to: "preparation_manifest.json")
        let configBytes = try StrictJSON.encode(state.config)
        try await folder.write(configBytes, to: "job_config.json")
        await log.flush(to: folder)
        if let reason = state.skipReason {
            // The caller shows the outcome; the diagnostic is for the log and --verbose.
            log.report(Diagnostic(.info, code: "skipped", "skipped: \(reason)", step: step))
            return TrainingOutcome(
                runId: id, location: folder.location, state: .skipped, skipReason: reason, diagnostics: log.diagnostics)
        }

        step = "train"
        log.report(
            Diagnostic(
                .info, code: "training",
                "training \(options.iterations) iterations × \(options.trials) trials, seed \(options.seed), \(options.threads) threads (\(backend.engine.name) \(backend.engine.version))",
                step: step))
        let request = TrainingRequest(prepared: state, options: options, runId: id, holidays: calendar)
        let context = TrainingContext(progress: progress, report: { log.report($0) }, clock: clock)
        let model = try await backend.train(request, context: context)
        try Task.checkCancellation()
        await log.flush(to: folder)

        step = "write_outputs"
        var recorded = timings.recorded + model.timings
        timings.restart()
        var files = try await model.writeOutputs(to: folder, level: outputs, threads: options.threads)
        timings.lap(step)
        try Task.checkCancellation()
        for after in afterTraining {
            try Task.checkCancellation()
            step = after.name
            files += try await after.run(model, request: request, folder: folder, report: { log.report($0) })
            timings.lap(step)
        }
        recorded += timings.recorded
        // An after-step may have amended the summary (the allocation); the outcome reports what the folder holds.
        var summary = model.summary
        if !afterTraining.isEmpty, let data = try await folder.read("model_summary.json") {
            summary = try StrictJSON.decode(ModelSummary.self, from: data, file: "model_summary.json")
        }
        let bestId = summary.bestModel.modelId
        log.report(Diagnostic(.info, code: "finished", "best model \(bestId); files in \(folder.location)"))
        await log.flush(to: folder)
        let manifest = RunManifest(
            runId: id, engine: backend.engine, dataSource: state.manifest.source, dataSHA256: loaded.provenance.sha256,
            configSHA256: SHA256Digest.hex(configBytes), seed: options.seed, threads: options.threads,
            candidates: model.candidateCount, timings: recorded, startedAt: started, finishedAt: clock.now(), files: files,
            diagnostics: log.diagnostics.filter { $0.severity != .info })
        try await folder.writeJSON(manifest, to: "run_manifest.json")
        return TrainingOutcome(
            runId: id, location: folder.location, state: .succeeded, summary: summary, trained: model,
            diagnostics: log.diagnostics)
    }
}

/// Step durations on the job's clock.
struct StepTimer {
    let clock: any JobClock
    private(set) var recorded: [RunManifest.StepTiming] = []
    private var last: Double

    init(clock: any JobClock) {
        self.clock = clock
        last = clock.monotonicSeconds()
    }

    /// Records the time since the previous lap as `step`.
    mutating func lap(_ step: String) {
        let now = clock.monotonicSeconds()
        recorded.append(.init(step: step, seconds: now - last))
        last = now
    }

    /// Forgets recorded laps and restarts from now.
    mutating func restart() {
        recorded = []
        last = clock.monotonicSeconds()
    }
}
