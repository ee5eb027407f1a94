import MMMCore
import MMMEngine

/// A trained model whose chosen model is held as an engine ``TrainingResult``: the native engine's search, or the
/// Bayesian backend's posterior-mean model. The `allocate` step and in-memory evaluation read it.
public protocol ResultBackedModel: TrainedModel {
    /// The result (its best model is the run's chosen model).
    var result: TrainingResult { get }
    /// The chosen model's `model.json`.
    /// - Parameter runId: the run's id.
    /// - Returns: the model file.
    /// - Throws: ``EngineError`` when the model cannot be described.
    func modelFile(runId: String) throws -> ModelFile
}

extension NativeTrainedModel: ResultBackedModel {
    public func modelFile(runId: String) throws -> ModelFile {
        try result.modelFile(runId: runId)
    }
}
