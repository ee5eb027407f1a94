import MMMCore

/// A step that runs after a successful training and before the final status: the allocator, a report.
///
/// Steps run in order; a failing step fails the run (its name is the status's `failed_step`).
public protocol AfterTrainingStep: Sendable {
    /// The step's name, e.g. `allocate` or `report`.
    var name: String { get }
    /// Runs the step.
    /// - Parameters:
    ///   - model: what the backend returned.
    ///   - request: what the backend was asked to train.
    ///   - folder: the run folder (write files here).
    ///   - report: diagnostics.
    /// - Returns: the file names written.
    func run(
        _ model: any TrainedModel, request: TrainingRequest, folder: any RunFolder,
        report: @escaping @Sendable (Diagnostic) -> Void
    ) async throws -> [String]
}
