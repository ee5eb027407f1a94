import Foundation
import MMMCore
import MMMEngine

/// How well a run recovered a simulation's known truth: per channel ROI and effect-share errors, the correlation of
/// the contribution over time, the placebo's share, and the ROI mean absolute errors (`recovery.json`).
///
/// Used by `mmm-cli evaluate` and by the benchmark's `--truth` column.
public enum RecoveryEvaluation {
    /// The default spend share from which a paid channel counts as "main" (smaller channels' ROIs are barely
    /// identifiable and would dominate the mean error).
    public static let defaultMainShare = 0.03

    /// Evaluates a run folder: reads `model_summary.json` and the chosen model's rows of
    /// `pareto_alldecomp_matrix.csv`.
    /// - Parameters:
    ///   - runFolder: the run's directory.
    ///   - truth: the simulation's truth.
    ///   - mainShare: the spend share from which a paid channel is main.
    /// - Returns: the report.
    /// - Throws: ``ConfigError`` / ``DataError`` when the run's files are missing or malformed.
    public static func evaluate(runFolder: String, truth: Truth, mainShare: Double = defaultMainShare) throws -> RecoveryReport {
        let folder = URL(fileURLWithPath: runFolder)
        let summary = try StrictJSON.decode(ModelSummary.self, path: folder.appendingPathComponent("model_summary.json").path)
        let matrix = folder.appendingPathComponent(RobynTable.paretoAllDecompMatrix.fileName).path
        let contributions = try contributions(matrixPath: matrix, modelId: summary.bestModel.modelId)
        return evaluate(summary: summary, contributions: contributions, truth: truth, mainShare: mainShare)
    }

    /// Evaluates a finished training job in memory (the native backend's result).
    /// - Parameters:
    ///   - outcome: a SUCCEEDED outcome of the native backend.
    ///   - truth: the simulation's truth.
    ///   - mainShare: the spend share from which a paid channel is main.
    /// - Returns: the report, or nil when the outcome has no native result.
    public static func evaluate(_ outcome: TrainingOutcome, truth: Truth, mainShare: Double = defaultMainShare) -> RecoveryReport? {
        guard let result = outcome.result, let summary = outcome.summary else { return nil }
        return evaluate(summary: summary, contributions: result.bestContributions, truth: truth, mainShare: mainShare)
    }

    /// Evaluates a model summary and the chosen model's per-row contributions.
    /// - Parameters:
    ///   - summary: the run's summary.
    ///   - contributions: per variable, the contribution on each window date.
    ///   - truth: the simulation's truth.
    ///   - mainShare: the spend share from which a paid channel is main.
    /// - Returns: the report.
    public static func evaluate(
        summary: ModelSummary, contributions: [String: [CalendarDate: Double]], truth: Truth,
        mainShare: Double = defaultMainShare
    ) -> RecoveryReport {
        RecoveryEvaluator.report(summary: summary, contributions: contributions, truth: truth, mainShare: mainShare)
    }

    /// The chosen model's rows of `pareto_alldecomp_matrix.csv`, by variable and date.
    static func contributions(matrixPath: String, modelId: String) throws -> [String: [CalendarDate: Double]] {
        let (table, _) = try CSVFile.load(path: matrixPath)
        guard let ids = table["solID"], let dates = table["ds"]?.dates else {
            throw DataError(.missingColumn("solID"), "not a pareto_alldecomp_matrix.csv (needs ds and solID)", file: matrixPath)
        }
        let rows = (0..<table.rowCount).filter { ids.cellText($0) == modelId }
        guard !rows.isEmpty else {
            throw DataError(.noRowsLeft, "no rows for the chosen model \(modelId)", file: matrixPath, column: "solID")
        }
        var byName: [String: [CalendarDate: Double]] = [:]
        for column in table.columns {
            guard let values = column.numbers else { continue }
            var series: [CalendarDate: Double] = [:]
            for row in rows { if let date = dates[row] { series[date] = values[row] } }
            byName[column.name] = series
        }
        return byName
    }
}
