import Foundation
import MMMCore

/// Reads and checks what `r/run_all.R` wrote: `status.json` and `model_summary.json` must decode strictly (no unknown
/// keys, right types and enum values) and satisfy the schema's rules, and the summary must describe this run.
enum RobynResultCheck {
    /// R's `status.json`, if it wrote one.
    /// - Throws: ``RobynBackendError/invalidOutput(file:reason:)`` when it exists but is not a valid status.
    static func status(in directory: URL) throws -> RunStatus? {
        let path = directory.appendingPathComponent("status.json").path
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        do {
            return try StrictJSON.decode(RunStatus.self, from: data, file: "status.json")
        } catch {
            throw RobynBackendError.invalidOutput(file: "status.json", reason: "\(error)")
        }
    }

    /// R's `model_summary.json`, checked against the run it belongs to.
    /// - Parameters:
    ///   - runId: the run's id (the summary must carry it).
    ///   - config: the configuration R was given (the summary must echo it).
    /// - Returns: the summary and its bytes as R wrote them.
    /// - Throws: ``RobynBackendError/invalidOutput(file:reason:)``.
    static func summary(in directory: URL, runId: String, config: JobConfig) throws -> (ModelSummary, Data) {
        let file = "model_summary.json"
        func invalid(_ reason: String) -> RobynBackendError { .invalidOutput(file: file, reason: reason) }
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(file).path) else {
            throw invalid("R reported success but wrote no model_summary.json")
        }
        let summary: ModelSummary
        do {
            summary = try StrictJSON.decode(ModelSummary.self, from: data, file: file)
            try summary.config.validate()
        } catch {
            throw invalid("\(error)")
        }
        guard summary.engine.name == "robyn" else { throw invalid("engine.name is '\(summary.engine.name)', not 'robyn'") }
        guard summary.runId == runId else { throw invalid("run_id is '\(summary.runId)', not '\(runId)'") }
        guard summary.config == config else { throw invalid("config is not the configuration R was given") }
        guard summary.candidateCount >= 1 else { throw invalid("candidate_count must be at least 1") }
        guard summary.paretoModelCount >= summary.paretoModels.count, summary.paretoModels.count <= 100 else {
            throw invalid("pareto_models lists \(summary.paretoModels.count) of pareto_model_count \(summary.paretoModelCount) (at most 100)")
        }
        guard summary.paretoModelCount <= summary.candidateCount else {
            throw invalid("pareto_model_count \(summary.paretoModelCount) exceeds candidate_count \(summary.candidateCount)")
        }
        guard !summary.bestModel.modelId.isEmpty, !summary.decomposition.isEmpty else {
            throw invalid("best_model needs a model_id and a decomposition")
        }
        for model in summary.paretoModels + [summary.bestModel] {
            if let front = model.paretoFront, front < 1 { throw invalid("\(model.modelId): pareto_front must be ≥ 1") }
            if let cluster = model.cluster, cluster < 1 { throw invalid("\(model.modelId): cluster must be ≥ 1") }
        }
        if let timings = summary.timings, timings.values.contains(where: { !($0 >= 0) }) {
            throw invalid("timings must be non-negative seconds")
        }
        return (summary, data)
    }
}
