import Foundation
import MMMCore
import MMMTransport

/// The data a training job reads.
public enum TrainingInput: Sendable {
    /// A CSV file.
    case csv(path: String)
    /// A table already in memory, with a name and the SHA-256 of its bytes.
    case table(DataTable, source: String, sha256: String)
    /// CSV bytes fetched from elsewhere (e.g. a Snowflake query): kept in the run folder as `input_snapshot.csv`,
    /// and its SHA-256 goes into the run manifest.
    case snapshot(Data, source: String)
}

/// How a training job ended.
public struct TrainingOutcome: Sendable {
    /// The run's id (its folder name).
    public var runId: String
    /// Where the run folder is.
    public var location: String
    /// SUCCEEDED or SKIPPED (failures throw).
    public var state: RunStatus.State
    /// Why the run was skipped.
    public var skipReason: String?
    /// The summary of a successful run.
    public var summary: ModelSummary?
    /// The full result of a successful run.
    public var result: TrainingResult?
}

/// A run failed; `status.json` says FAILED with this step and message.
public struct TrainingJobError: CategorizedError {
    /// The step that failed.
    public var step: String
    /// The underlying error.
    public var underlying: any Error
    /// The run folder.
    public var location: String

    public var category: ErrorCategory {
        (underlying as? any CategorizedError)?.category ?? .runtime
    }

    public var description: String {
        underlying is CancellationError ? "cancelled (run folder \(location))" : "\(underlying)"
    }
}

/// One training run end to end, writing its run folder: `status.json` RUNNING first, then the preparation manifest,
/// the model files and the run manifest, and `status.json` in its final state last.
public struct TrainingJob: Sendable {
    /// The configuration.
    public var config: JobConfig
    /// The input data.
    public var input: TrainingInput
    /// Search sizes, seed and threads.
    public var options: TrainingOptions
    /// Parent directory of run folders.
    public var outputRoot: String
    /// The run id; nil means `output_timestamp` from the config, else now as a ``RunTimestamp``.
    public var runId: String?
    /// Holiday calendar; nil means the config's `holidays_path`, else the built-in table.
    public var holidays: HolidayCalendar?

    /// Creates a job.
    public init(config: JobConfig, input: TrainingInput, options: TrainingOptions, outputRoot: String, runId: String? = nil) {
        self.config = config
        self.input = input
        self.options = options
        self.outputRoot = outputRoot
        self.runId = runId
    }

    /// Runs the job.
    /// - Parameters:
    ///   - log: receives every console line (it is also appended to `console.log`).
    ///   - progress: search progress.
    /// - Returns: the outcome (SUCCEEDED or SKIPPED).
    /// - Throws: ``TrainingJobError`` after writing `status.json` FAILED (with message `cancelled` on cancellation),
    ///   or ``FileWriteError`` if the run folder itself cannot be created.
    public func run(
        log: @escaping @Sendable (String) -> Void = { _ in },
        progress: @escaping @Sendable (SearchProgress) -> Void = { _ in }
    ) async throws -> TrainingOutcome {
        let started = Date()
        let requestedId = runId ?? config.outputTimestamp ?? RunTimestamp(started).description
        let (store, id) = try LocalRunStore.create(
            root: outputRoot, runId: requestedId, allowSuffix: runId == nil && config.outputTimestamp == nil)
        let console = RunConsole(store: store, forward: log)
        var status = RunStatus.running(runId: id, at: started)
        try await store.write(try StrictJSON.encode(status), to: "status.json")
        var step = "prepare_data"
        do {
            await console.line("run \(id): \(store.location)")
            var clock = Date()
            var timings: [RunManifest.StepTiming] = []
            func lap(_ name: String) {
                timings.append(RunManifest.StepTiming(step: name, seconds: Date().timeIntervalSince(clock)))
                clock = Date()
            }
            if case .snapshot(let bytes, _) = input { try await store.write(bytes, to: "input_snapshot.csv") }
            let (state, digest) = try prepare()
            let calendar = try holidays ?? config.holidaysPath.map { try HolidayCalendar(csvPath: $0) }
            lap("prepare_data")
            try await store.write(try StrictJSON.encode(state.manifest), to: "preparation_manifest.json")
            let configBytes = try StrictJSON.encode(state.config)
            try await store.write(configBytes, to: "job_config.json")
            for warning in state.manifest.warnings { await console.line("warning: \(warning)") }
            if let reason = state.skipReason {
                await console.line("skipped: \(reason)")
                status = status.finished(.skipped, at: Date(), skipReason: reason)
                try await store.write(try StrictJSON.encode(status), to: "status.json")
                return TrainingOutcome(runId: id, location: store.location, state: .skipped, skipReason: reason)
            }
            step = "train"
            await console.line(
                "training \(options.iterations) iterations × \(options.trials) trials, seed \(options.seed), \(options.threads) threads")
            let result = try await Trainer.train(state, options: options, holidays: calendar) { p in
                progress(p)
            }
            for note in result.model.notes + result.selection.notes {
                await console.line(note.hasPrefix("warning: ") ? note : "note: \(note)")
            }
            try Task.checkCancellation()
            step = "write_outputs"
            let summary = SummaryBuilder.summary(result, runId: id)
            timings += result.timings.map { RunManifest.StepTiming(step: $0.step, seconds: $0.seconds) }
            clock = Date()
            let files = try await RunOutputs.write(result, summary: summary, to: store, threads: options.threads)
            lap("write_outputs")
            let finished = Date()
            let manifest = RunManifest(
                runId: id, engine: .native, dataSource: state.manifest.source, dataSHA256: digest,
                configSHA256: SHA256Digest.hex(configBytes), seed: options.seed, threads: options.threads,
                candidates: result.records.count,
                timings: timings,
                startedAt: started, finishedAt: finished, files: files)
            try await store.write(try StrictJSON.encode(manifest), to: "run_manifest.json")
            await console.line("best model \(result.bestRecord.modelId); files in \(store.location)")
            status = status.finished(.succeeded, at: Date(), message: "best model \(result.bestRecord.modelId)")
            try await store.write(try StrictJSON.encode(status), to: "status.json")
            return TrainingOutcome(runId: id, location: store.location, state: .succeeded, summary: summary, result: result)
        } catch {
            let message = error is CancellationError ? "cancelled" : "\(error)"
            await console.line("failed in \(step): \(message)")
            status = status.finished(.failed, at: Date(), failedStep: step, message: message)
            try? await store.write(try StrictJSON.encode(status), to: "status.json")
            throw TrainingJobError(step: step, underlying: error, location: store.location)
        }
    }

    private func prepare() throws -> (PreparationState, String) {
        switch input {
        case .csv(let path):
            let state = try DataPreparer().prepare(csvPath: path, config: config, digest: { SHA256Digest.hex($0) })
            return (state, state.manifest.sourceSHA256 ?? "")
        case .table(let table, let source, let sha256):
            return (try DataPreparer().prepare(table, config: config, source: source, sourceSHA256: sha256), sha256)
        case .snapshot(let bytes, let source):
            let table: DataTable
            do {
                table = try CSVReader().parse(bytes)
            } catch let error as DataError {
                throw error.inFile(source)
            }
            let digest = SHA256Digest.hex(bytes)
            return (try DataPreparer().prepare(table, config: config, source: source, sourceSHA256: digest), digest)
        }
    }
}

/// Appends console lines to `console.log` and forwards them.
actor RunConsole {
    private let store: any RunStore
    private let forward: @Sendable (String) -> Void

    init(store: any RunStore, forward: @escaping @Sendable (String) -> Void) {
        self.store = store
        self.forward = forward
    }

    func line(_ text: String) async {
        forward(text)
        try? await store.append(Data("\(ISOTime.format(Date())) \(text)\n".utf8), to: "console.log")
    }
}
