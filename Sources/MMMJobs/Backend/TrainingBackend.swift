import Foundation
import MMMCore
import MMMEngine

/// What trains a model on prepared data: the native engine today; Robyn (R) and a Bayesian backend plug in here.
///
/// A backend gets the prepared table and the canonical configuration, and returns a ``TrainedModel`` that can write
/// its own files into the run folder. It never writes `status.json` or the manifests (the job owns those).
public protocol TrainingBackend: Sendable {
    /// Name and version recorded in `status.json` and the run manifest.
    var engine: EngineInfo { get }
    /// Trains.
    /// - Parameters:
    ///   - request: the prepared data, configuration, search options and run id.
    ///   - context: where to report progress and diagnostics, and the clock.
    /// - Throws: the backend's errors (``CategorizedError`` where it can say whose fault it was), or
    ///   `CancellationError`.
    func train(_ request: TrainingRequest, context: TrainingContext) async throws -> any TrainedModel
    /// The configuration as this backend trains it: fields it never reads are reset to their defaults, so benchmark
    /// variants that differ only there are recognised as the same model (default: the configuration unchanged).
    /// - Parameter config: a prepared configuration.
    /// - Returns: the configuration with the unread fields at their defaults.
    func trainedConfiguration(_ config: JobConfig) -> JobConfig
    /// Whether a finished run folder was trained by this backend with the settings it has now (benchmark
    /// resumption); the default compares the engine name recorded in `status.json`.
    /// - Parameters:
    ///   - folder: the run folder.
    ///   - status: its `status.json`.
    func trainedAlike(_ folder: any RunFolder, status: RunStatus) async -> Bool
    /// The units of work one training reports progress in (``SearchProgress/total``): candidates for a search,
    /// sampler iterations for NUTS.
    /// - Parameters:
    ///   - iterations: the job's iterations per trial.
    ///   - trials: the job's trials.
    func workUnits(iterations: Int, trials: Int) -> Int
    /// What ``workUnits(iterations:trials:)`` counts, for progress lines (`candidates`, `sampler iterations`).
    var workUnitName: String { get }
}

extension TrainingBackend {
    public func trainedConfiguration(_ config: JobConfig) -> JobConfig { config }

    public func trainedAlike(_ folder: any RunFolder, status: RunStatus) async -> Bool {
        (status.engine?.name ?? EngineInfo.native.name) == engine.name
    }

    public func workUnits(iterations: Int, trials: Int) -> Int { iterations * trials }

    public var workUnitName: String { "candidates" }
}

/// What a backend is asked to train.
public struct TrainingRequest: Sendable {
    /// The prepared data (never skipped) and the configuration after preparation.
    public var prepared: PreparationState
    /// Search sizes, seed and threads.
    public var options: TrainingOptions
    /// The run's id (recorded in the model summary).
    public var runId: String
    /// The holiday calendar; nil means the built-in table.
    public var holidays: HolidayCalendar?

    /// Creates a request.
    public init(prepared: PreparationState, options: TrainingOptions, runId: String, holidays: HolidayCalendar? = nil) {
        self.prepared = prepared
        self.options = options
        self.runId = runId
        self.holidays = holidays
    }
}

/// Where a backend reports while it trains.
public struct TrainingContext: Sendable {
    /// Search progress (called from worker threads).
    public var progress: @Sendable (SearchProgress) -> Void
    /// Diagnostics as they happen (in order).
    public var report: @Sendable (Diagnostic) -> Void
    /// The job's clock.
    public var clock: any JobClock

    /// Creates a context.
    public init(
        progress: @escaping @Sendable (SearchProgress) -> Void = { _ in },
        report: @escaping @Sendable (Diagnostic) -> Void = { _ in }, clock: any JobClock = SystemJobClock()
    ) {
        self.progress = progress
        self.report = report
        self.clock = clock
    }
}

/// Which files a run folder gets.
public enum OutputLevel: String, Sendable, CaseIterable {
    /// Every file, including `all_aggregated.csv` (one row per candidate and variable: ~75 MB per 10,000 candidates).
    case full
    /// Everything except the per-candidate table (what benchmark variants write by default).
    case small
}

/// A trained model as a backend returns it.
public protocol TrainedModel: Sendable {
    /// `model_summary.json`.
    var summary: ModelSummary { get }
    /// Candidate models evaluated.
    var candidateCount: Int { get }
    /// Step timings (for the run manifest only).
    var timings: [RunManifest.StepTiming] { get }
    /// Writes the backend's files into the run folder (`model_summary.json` first, then its tables).
    /// - Returns: the file names written, in order.
    func writeOutputs(to folder: any RunFolder, level: OutputLevel, threads: Int) async throws -> [String]
}
