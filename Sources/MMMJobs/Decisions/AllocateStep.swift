import Foundation
import MMMCore
import MMMEngine

/// The `allocate` step `train` runs after training: the best model's `model.json`, its budget allocation
/// (`allocation.json`, `allocation.csv`, `allocator_metrics.csv`) and the allocation summary in `model_summary.json`.
///
/// The allocation follows the configuration's `budget_scenario`, `expected_spend` and `channel_budgets` over the
/// last 365 days of the window (``MMMEngine`` documents the mapping). As in the previous system, an allocation
/// that cannot be computed does not fail the run: it is reported as a warning and written to `allocator_error.txt`;
/// a budget the bounds cannot meet is allocated as closely as the bounds allow and explained. `model_summary.json`
/// is rewritten (atomically) with the allocation summary, which the job's ``TrainingOutcome/summary`` then reports.
public struct AllocateStep: AfterTrainingStep {
    /// `allocate` (the run status names it as `failed_step` if writing its files fails).
    public let name = "allocate"
    /// Creates the step.
    public init() {}

    public func run(
        _ model: any TrainedModel, request: TrainingRequest, folder: any RunFolder,
        report: @escaping @Sendable (Diagnostic) -> Void
    ) async throws -> [String] {
        guard let backed = model as? any ResultBackedModel else {
            report(
                Diagnostic(
                    .note, code: "allocation_skipped",
                    "the allocation needs the native engine's model; this backend has none", step: name))
            return []
        }
        let file = try backed.modelFile(runId: folder.runId)
        try await folder.writeJSON(file, to: AllocationFiles.modelFile)
        var written = [AllocationFiles.modelFile]
        let allocation: AllocationResult
        do {
            let prepared = try ResponseModel(file)
            let names = prepared.paidChannels.flatMap { [$0.name, $0.entry.spendColumn ?? $0.name] }
            let allocationRequest = AllocationRequest(config: request.prepared.config, channels: Set(names))
            allocation = try BudgetAllocator.allocate(prepared, request: allocationRequest)
        } catch let error as CancellationError {
            throw error
        } catch {
            report(Diagnostic(.warning, code: "allocation_failed", "the allocation failed: \(error)", step: name))
            try await folder.write(Data("\(error)\n".utf8), to: "allocator_error.txt")
            return written + ["allocator_error.txt"]
        }
        for diagnostic in allocation.diagnostics { report(diagnostic) }
        let minutes = model.timings.map(\.seconds).reduce(0, +) / 60
        written += try await AllocationFiles.write(
            allocation, metrics: file.metrics, trainingMinutes: minutes, cores: request.options.threads, to: folder)
        var summary = model.summary
        summary.allocation = AllocationSummary(allocation)
        try await folder.writeJSON(summary, to: "model_summary.json")
        return written
    }
}
