import MMMCore
import MMMEngine

/// How a training job ended.
public struct TrainingOutcome: Sendable {
    /// The run's id (its folder name).
    public var runId: String
    /// Where the run folder is.
    public var location: String
    /// SUCCEEDED or SKIPPED (failures throw ``TrainingJobError``).
    public var state: RunStatus.State
    /// Why the run was skipped.
    public var skipReason: String?
    /// The summary of a successful run.
    public var summary: ModelSummary?
    /// What the backend returned, for later steps.
    public var trained: (any TrainedModel)?
    /// Every diagnostic of the run, in order.
    public var diagnostics: [Diagnostic]

    /// Creates an outcome.
    public init(
        runId: String, location: String, state: RunStatus.State, skipReason: String? = nil, summary: ModelSummary? = nil,
        trained: (any TrainedModel)? = nil, diagnostics: [Diagnostic] = []
    ) {
        self.runId = runId
        self.location = location
        self.state = state
        self.skipReason = skipReason
        self.summary = summary
        self.trained = trained
        self.diagnostics = diagnostics
    }

    /// The engine result, when the native backend trained (or the Bayesian backend: its posterior-mean model).
    public var result: TrainingResult? { (trained as? any ResultBackedModel)?.result }
}

/// A run failed; its `status.json` says FAILED with this step and message.
public struct TrainingJobError: CategorizedError {
    /// The step that failed.
    public var step: String
    /// The underlying error.
    public var underlying: any Error
    /// The run folder.
    public var location: String

    /// Creates the error.
    public init(step: String, underlying: any Error, location: String) {
        self.step = step
        self.underlying = underlying
        self.location = location
    }

    public var category: ErrorCategory {
        (underlying as? any CategorizedError)?.category ?? .runtime
    }

    public var description: String {
        underlying is CancellationError ? "cancelled (run folder \(location))" : "\(underlying)"
    }
}
