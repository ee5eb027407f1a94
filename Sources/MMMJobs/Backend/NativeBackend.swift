import Foundation
import MMMCore
import MMMEngine

/// The native engine with Robyn's semantics (MMMEngine): design → search → Pareto selection → clusters.
public struct NativeBackend: TrainingBackend {
    /// Creates the backend.
    public init() {}

    public var engine: EngineInfo { .native }

    public func train(_ request: TrainingRequest, context: TrainingContext) async throws -> any TrainedModel {
        let clock = context.clock
        let result = try await Trainer.train(
            request.prepared, options: request.options, holidays: request.holidays, progress: context.progress,
            monotonicSeconds: { clock.monotonicSeconds() })
        for note in result.model.notes + result.selection.notes { context.report(note.inStep("train")) }
        return NativeTrainedModel(result: result, summary: result.summary(runId: request.runId))
    }
}

/// The native engine's result: everything later steps (allocator, reports, the benchmark) read.
public struct NativeTrainedModel: TrainedModel {
    /// The full training result.
    public var result: TrainingResult
    public var summary: ModelSummary

    /// Wraps a result.
    public init(result: TrainingResult, summary: ModelSummary) {
        self.result = result
        self.summary = summary
    }

    public var candidateCount: Int { result.records.count }

    public var timings: [RunManifest.StepTiming] { result.timings.map { .init(step: $0.step, seconds: $0.seconds) } }

    public func writeOutputs(to folder: any RunFolder, level: OutputLevel, threads: Int) async throws -> [String] {
        var written = try await RobynTablesWriter.write(
            summary: summary, result: result, to: folder, level: level, threads: threads)
        if result.isCalibrated {
            let result = self.result
            try await folder.writeStreaming(to: TrainingResult.calibrationFileName) { emit in
                try withoutActuallyEscaping(emit) { try result.renderCalibrationTable(emit: $0) }
            }
            written.append(TrainingResult.calibrationFileName)
        }
        return written
    }
}
