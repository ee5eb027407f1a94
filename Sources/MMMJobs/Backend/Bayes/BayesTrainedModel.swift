import MMMBayes
import MMMCore
import MMMEngine

/// What the Bayesian backend returns: the posterior-mean model as a one-model ``TrainingResult`` (so the native
/// writers, the allocator and the report work on it unchanged) and the fit itself.
public struct BayesTrainedModel: TrainedModel, ResultBackedModel {
    /// The posterior-mean model as a training result.
    public var result: TrainingResult
    public var summary: ModelSummary
    /// The fit: draws, summaries, diagnostics, verdict.
    public var fit: BayesFit
    /// The posterior that was fitted.
    public var posterior: MMMPosterior
    /// How it was fitted.
    public var settings: BayesSettings
    /// The seed.
    public var seed: UInt64
    public var timings: [RunManifest.StepTiming]

    public var candidateCount: Int { 1 }

    /// `posterior.csv`, `draws.parquet` and `posterior_diagnostics.json`.
    public static let files = (posterior: "posterior.csv", draws: "draws.parquet", diagnostics: "posterior_diagnostics.json")

    public func writeOutputs(to folder: any RunFolder, level: OutputLevel, threads: Int) async throws -> [String] {
        // One model: all_aggregated.csv would repeat pareto_aggregated.csv, so it is written only at full level.
        let written = try await RobynTablesWriter.write(
            summary: summary, result: result, to: folder, level: level, threads: threads)
        try await folder.write(PosteriorFiles.summaryCSV(fit), to: Self.files.posterior)
        try await folder.write(try PosteriorFiles.drawsParquet(fit), to: Self.files.draws)
        let diagnostics = PosteriorDiagnosticsFile(fit: fit, settings: settings, seed: seed)
        try await folder.writeJSON(diagnostics, to: Self.files.diagnostics)
        return written + [Self.files.posterior, Self.files.draws, Self.files.diagnostics]
    }

    public func modelFile(runId: String) throws -> ModelFile {
        var file = try result.modelFile(runId: runId)
        file.engine = summary.engine
        return file
    }
}
